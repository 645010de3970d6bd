// Support for the tests of this folder: offices with real keys, sample parts, and a way to
// build hostile files that are otherwise well formed and validly signed.
import type { DomainError } from '../../shared/errors';
import { seededRandom } from '../../shared/seededRandom';
import { languages, translate } from '../../shared/i18n';
import { type ReportData, emptyComplianceFlagCounts } from '../../shared/report/data';
import { type KeyCard, createKeyCard } from '../services/formats/reportFiles/card';
import { canonicalJsonBytes, sha256, toHex, utf8 } from '../services/formats/reportFiles/encoding';
import {
  FORMAT_VERSION,
  type PartName,
  readContainer,
  resolveLimits,
  writeContainer,
} from '../services/formats/reportFiles/format';
import { type OfficeIdentity, generateOfficeIdentity, signBytes } from '../services/formats/reportFiles/keys';
import { parseManifest } from '../services/formats/reportFiles/manifest';
import type { ReceiverKey, TrustedSigner } from '../services/formats/reportFiles/verify';
import type { Period, UnitRef } from '../services/formats/reportFiles/schemas';

export { seededRandom };

export interface Office {
  unit: UnitRef;
  identity: OfficeIdentity;
  card: KeyCard;
}

export const communeUnit: UnitRef = { code: 'XA-TAN-HOA', name: 'Đảng ủy xã Tân Hòa', level: 'commune' };
export const otherCommuneUnit: UnitRef = { code: 'PHUONG-AN-KHANH', name: 'Đảng ủy phường An Khánh', level: 'commune' };
export const provinceUnit: UnitRef = { code: 'TINH-DONG-NAI', name: 'Tỉnh ủy Đồng Nai', level: 'province' };
export const otherProvinceUnit: UnitRef = { code: 'TINH-LAM-DONG', name: 'Tỉnh ủy Lâm Đồng', level: 'province' };

export function makeOffice(unit: UnitRef, seed?: number): Office {
  const identity = seed === undefined ? generateOfficeIdentity() : generateOfficeIdentity(seededRandom(seed).bytes);
  return { unit, identity, card: createKeyCard({ unit, identity, createdAt: '2026-01-05T08:00:00.000Z' }) };
}

export function trustStore(offices: Office[], revoked: Office[] = []): (fingerprint: string) => TrustedSigner | undefined {
  return (fingerprint) => {
    const office = offices.find((candidate) => candidate.card.fingerprint === fingerprint);
    if (!office) return undefined;
    return { signingPublicKey: office.card.signingPublicKey, unitCode: office.unit.code, revoked: revoked.includes(office) };
  };
}

export function receiverOf(office: Office): ReceiverKey {
  return { fingerprint: office.card.fingerprint, encryptionPrivateKey: office.identity.encryptionPrivateKey };
}

export const samplePeriod: Period = { from: '2026-01-01', to: '2026-06-30' };

export function sampleReport(unit: UnitRef, period: Period = samplePeriod): ReportData {
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    period,
    appendix01: [
      { issuer: unit.name, kind: 'directive', ref: '15-CT/ĐU', date: '2026-02-10', title: 'Về quản lý đảng viên ra nước ngoài' },
    ],
    appendix02: {
      rows: [{ year: 2026, until: '2026-06-30', total: 3, under1m: 2, from1to3m: 1, from3to12m: 0, over12m: 0 }],
      total: { total: 3, under1m: 2, from1to3m: 1, from3to12m: 0, over12m: 0 },
      specialMission: 0,
      invitedByName: 1,
      selfFundedOrPrivate: 2,
      stayedBeyondTerm: { total: 0, permitted: 0, unauthorised: 0 },
    },
    appendix03: {
      rows: [{ year: 2026, until: '2026-06-30', transferredOut: 0, transferredBack: 0, notTransferredBack: 0 }],
      total: { transferredOut: 0, transferredBack: 0, notTransferredBack: 0 },
      enterprise: { committees: 0, cells: 0, members: 0 },
    },
    figures: {
      permitted: 3,
      official: 1,
      selfFundedOrPrivate: 2,
      temporaryTransfers: 0,
      officialTransfers: 0,
      exemptions: 1,
      marriagesToForeigners: 0,
      leftParty: 0,
      abroadNow: 1,
      complianceFlags: emptyComplianceFlagCounts(),
    },
  };
}

export function jsonPart(value: unknown): Uint8Array {
  return utf8(JSON.stringify(value));
}

/** Stand-ins for rendered documents: the right leading bytes, small enough for exhaustive tests. */
export const sampleDocx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8('word/document.xml')]);
export const samplePdf = utf8('%PDF-1.7\n%%EOF\n');

export interface CraftPart {
  name: string | Uint8Array;
  data: Uint8Array;
}

export interface CraftEdit {
  /** Changes the decoded manifest before it is re-encoded and signed. */
  manifest?: (manifest: Record<string, unknown>) => void;
  /** Changes the stored parts (names, data, order, count). */
  parts?: (parts: CraftPart[]) => CraftPart[];
  /** Rewrites the manifest's part list to describe the crafted parts exactly. */
  relist?: boolean;
  /** Replaces the manifest bytes outright (after the edits above are ignored). */
  manifestBytes?: Uint8Array;
  formatVersion?: number;
  signingPrivateKey: Uint8Array;
}

export function describePart(part: CraftPart): { name: string; size: number; sha256: string } {
  const name = typeof part.name === 'string' ? part.name : Buffer.from(part.name).toString('utf8');
  return { name, size: part.data.length, sha256: toHex(sha256(part.data)) };
}

/** Takes a valid package apart and writes it back with the given changes, signed by the given key. */
export function craftPackage(base: Uint8Array, edit: CraftEdit): Uint8Array {
  const container = readContainer(base, resolveLimits());
  const manifest = JSON.parse(JSON.stringify(parseManifest(container.manifestBytes))) as Record<string, unknown>;
  let parts: CraftPart[] = container.parts.map((part) => ({ name: part.name, data: Uint8Array.from(part.data) }));
  if (edit.parts) parts = edit.parts(parts);
  if (edit.relist) manifest.parts = parts.map(describePart);
  edit.manifest?.(manifest);
  const manifestBytes = edit.manifestBytes ?? canonicalJsonBytes(manifest);
  return writeContainer({
    formatVersion: edit.formatVersion ?? FORMAT_VERSION,
    manifestBytes,
    signature: signBytes(edit.signingPrivateKey, manifestBytes),
    parts,
  });
}

export function partNamed(parts: CraftPart[], name: PartName): CraftPart {
  const part = parts.find((candidate) => candidate.name === name);
  if (!part) throw new Error(`No part ${name}`);
  return part;
}

/** Every refusal reads as a whole sentence in both languages: throws when a placeholder is left unfilled. */
export function expectReadableMessage(error: DomainError): void {
  for (const lang of languages) {
    const message = translate(lang, `error.${error.code}`, error.params);
    if (/\{\w+\}|^error\./.test(message)) throw new Error(`Unfinished ${lang} message for ${error.code}: ${message}`);
  }
}
