import { z } from 'zod';
import { CivilDate } from '@shared/domain/primitives';
import { DomainError } from '@shared/errors';
import { ReportData } from '@shared/report/data';
import { parseJsonBytes, toFieldIssues } from './encoding';
import type { PackageLimits, PartName } from './format';
import type { PackageManifest } from './manifest';
import { Period, RoundRef, UnitRef, plainText } from './schemas';

/** `request.json`: the upper level's reporting round, which subordinate units import to pre-fill their report. */
export const ReportingRequest = z.strictObject({
  round: RoundRef,
  title: plainText(500),
  period: Period,
  deadline: CivilDate,
  detailsRequested: z.boolean(),
  issuingUnit: UnitRef,
});
export type ReportingRequest = z.infer<typeof ReportingRequest>;

/** `details.json` when the caller names no stricter schema: any JSON array. */
export const DefaultDetails = z.array(z.unknown());

export interface PackageContents<Details> {
  report: ReportData | null;
  details: Details | null;
  request: ReportingRequest | null;
}

const ZIP_MAGIC = Uint8Array.of(0x50, 0x4b, 0x03, 0x04);
const PDF_MAGIC = Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0x2d);

const documentMagic: Partial<Record<PartName, Uint8Array>> = {
  'documents/report.docx': ZIP_MAGIC,
  'documents/appendices.xlsx': ZIP_MAGIC,
  'documents/report.pdf': PDF_MAGIC,
};

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function parseJsonPart<T>(name: PartName, bytes: Uint8Array, schema: z.ZodType<T>, limits: PackageLimits): T {
  const parsed = parseJsonBytes(bytes, limits.maxJsonDepth);
  if (!parsed.ok) {
    if (parsed.reason === 'too_deep') throw new DomainError('PKG_JSON_TOO_DEEP', { name, limit: limits.maxJsonDepth });
    throw new DomainError('PKG_PART_INVALID', { name });
  }
  const result = schema.safeParse(parsed.value);
  if (!result.success) throw new DomainError('PKG_PART_INVALID', { name }, toFieldIssues(result.error.issues));
  return result.data;
}

type ManifestFacts = Pick<PackageManifest, 'unit' | 'period' | 'round'>;

function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

/**
 * Parses and validates the plaintext parts, and checks that the data says what the signed
 * manifest says: the same unit, period and round. Sealing and verifying both run this, so
 * no package is written that could not be read back.
 */
export function readContents<Details>(
  parts: ReadonlyMap<PartName, Uint8Array>,
  manifest: ManifestFacts,
  detailsSchema: z.ZodType<Details>,
  limits: PackageLimits,
): PackageContents<Details> {
  const contents: PackageContents<Details> = { report: null, details: null, request: null };
  for (const [name, bytes] of parts) {
    const magic = documentMagic[name];
    if (magic && !startsWith(bytes, magic)) throw new DomainError('PKG_PART_INVALID', { name });
  }
  const reportBytes = parts.get('report.json');
  if (reportBytes) {
    const report = parseJsonPart('report.json', reportBytes, ReportData, limits);
    if (
      report.unit.code !== manifest.unit.code ||
      report.unit.level !== manifest.unit.level ||
      !samePeriod(report.period, manifest.period)
    ) {
      throw new DomainError('PKG_PART_INCONSISTENT', { name: 'report.json' });
    }
    contents.report = report;
  }
  const detailsBytes = parts.get('details.json');
  if (detailsBytes) contents.details = parseJsonPart('details.json', detailsBytes, detailsSchema, limits);
  const requestBytes = parts.get('request.json');
  if (requestBytes) {
    const request = parseJsonPart('request.json', requestBytes, ReportingRequest, limits);
    if (
      request.round !== manifest.round ||
      request.issuingUnit.code !== manifest.unit.code ||
      request.issuingUnit.level !== manifest.unit.level ||
      !samePeriod(request.period, manifest.period)
    ) {
      throw new DomainError('PKG_PART_INCONSISTENT', { name: 'request.json' });
    }
    contents.request = request;
  }
  return contents;
}
