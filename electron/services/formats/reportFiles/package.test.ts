import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '@shared/errors';
import { createKeyCard } from './card';
import { canonicalJsonBytes, sha256, toHex, utf8 } from './encoding';
import { FORMAT_VERSION, MAGIC, readContainer, resolveLimits, writeContainer } from './format';
import { generateOfficeIdentity, signBytes } from './keys';
import { parseManifest } from './manifest';
import { type SealInput, packageFileName, sealPackage } from './seal';
import {
  type CraftPart,
  type Office,
  communeUnit,
  craftPackage,
  describePart,
  expectReadableMessage,
  jsonPart,
  makeOffice,
  otherCommuneUnit,
  otherProvinceUnit,
  partNamed,
  provinceUnit,
  receiverOf,
  sampleDocx,
  samplePdf,
  samplePeriod,
  sampleReport,
  seededRandom,
  trustStore,
} from '../../../testkit/reportFiles';
import { inspectPackage, verifyPackage } from './verify';

const commune = makeOffice(communeUnit, 101);
const province = makeOffice(provinceUnit, 102);
const otherProvince = makeOffice(otherProvinceUnit, 103);
const otherCommune = makeOffice(otherCommuneUnit, 104);
const details = [{ tripCode: 'CD-2026-001', memberCode: 'DV001', countries: ['LA'], purpose: 'tourism' }];

function sealReport(overrides: Partial<SealInput> = {}, signer: Office = commune): Uint8Array {
  return sealPackage({
    kind: 'report',
    unit: signer.unit,
    period: samplePeriod,
    round: '626-CV/BTCTW',
    appVersion: '0.1.0',
    identity: signer.identity,
    parts: {
      'report.json': jsonPart(sampleReport(signer.unit)),
      'details.json': jsonPart(details),
      'documents/report.docx': sampleDocx,
      'documents/report.pdf': samplePdf,
    },
    createdAt: '2026-07-03T02:15:00.000Z',
    ...overrides,
  });
}

const atProvince = { lookupSigner: trustStore([commune, province]), receiver: receiverOf(province) };

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) {
      expectReadableMessage(error);
      return error.code;
    }
    throw error;
  }
  return 'accepted';
}

describe('a plain package', () => {
  const bytes = sealReport();

  it('round-trips: the receiver gets back the exact parts, the parsed report and the details', () => {
    const opened = verifyPackage(bytes, atProvince);
    expect(opened.manifest.kind).toBe('report');
    expect(opened.manifest.unit).toEqual(communeUnit);
    expect(opened.manifest.period).toEqual(samplePeriod);
    expect(opened.manifest.round).toBe('626-CV/BTCTW');
    expect(opened.manifest.createdAt).toBe('2026-07-03T02:15:00.000Z');
    expect(opened.manifest.recipient).toBeNull();
    expect(opened.signerFingerprint).toBe(commune.card.fingerprint);
    expect(opened.signerTrusted).toBe(true);
    expect(opened.encrypted).toBe(false);
    expect(opened.report).toEqual(sampleReport(communeUnit));
    expect(opened.details).toEqual(details);
    expect(opened.request).toBeNull();
    expect([...opened.parts.keys()]).toEqual(['report.json', 'details.json', 'documents/report.docx', 'documents/report.pdf']);
    expect(opened.parts.get('documents/report.pdf')).toEqual(samplePdf);
    expect(opened.fileSha256).toBe(toHex(sha256(bytes)));
  });

  it('starts with the magic and the format version, and its manifest names every part with size and hash', () => {
    expect(bytes.subarray(0, 8)).toEqual(MAGIC);
    expect((bytes[8]! << 8) | bytes[9]!).toBe(FORMAT_VERSION);
    const manifest = parseManifest(readContainer(bytes, resolveLimits()).manifestBytes);
    expect(manifest.parts.find((part) => part.name === 'documents/report.pdf')).toEqual({
      name: 'documents/report.pdf',
      size: samplePdf.length,
      sha256: toHex(sha256(samplePdf)),
    });
  });

  it('returns parts that do not change when the caller reuses the input buffer', () => {
    const copy = Uint8Array.from(bytes);
    const opened = verifyPackage(copy, atProvince);
    copy.fill(0);
    expect(opened.parts.get('documents/report.pdf')).toEqual(samplePdf);
  });

  it('is sealed deterministically: same inputs and randomness, same bytes', () => {
    const fixed = { packageId: '0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };
    expect(sealReport(fixed)).toEqual(sealReport(fixed));
  });

  it('validates details against the schema the caller gives', () => {
    const schema = z.array(
      z.strictObject({ tripCode: z.string(), memberCode: z.string(), countries: z.array(z.string()), purpose: z.string() }),
    );
    expect(verifyPackage(bytes, { ...atProvince, detailsSchema: schema }).details).toEqual(details);
    const strict = z.array(z.strictObject({ tripCode: z.string() }));
    expect(refusal(() => verifyPackage(bytes, { ...atProvince, detailsSchema: strict }))).toBe('PKG_PART_INVALID');
  });

  it('can be checked without a trust store, which reports who signed it without trusting them', () => {
    const inspected = inspectPackage(bytes);
    expect(inspected.signerFingerprint).toBe(commune.card.fingerprint);
    expect(inspected.signerTrusted).toBe(false);
    expect(inspected.report).toEqual(sampleReport(communeUnit));
  });
});

describe('an encrypted package', () => {
  const bytes = sealReport({ recipientCard: province.card });

  it('round-trips for the recipient', () => {
    const opened = verifyPackage(bytes, atProvince);
    expect(opened.encrypted).toBe(true);
    expect(opened.manifest.recipient).toEqual({ fingerprint: province.card.fingerprint, unitCode: provinceUnit.code });
    expect(opened.manifest.encryption?.scheme).toBe('x25519-hkdf-sha256-aes-256-gcm');
    expect(opened.report).toEqual(sampleReport(communeUnit));
    expect(opened.details).toEqual(details);
    expect(opened.parts.get('documents/report.docx')).toEqual(sampleDocx);
  });

  it('does not carry its parts in the clear', () => {
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).not.toContain('CD-2026-001');
    expect(text).not.toContain('%PDF');
    expect(text).not.toContain('appendix02');
  });

  it('uses a fresh content key and ephemeral key each time', () => {
    const fixed = { packageId: '0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };
    const first = parseManifest(
      readContainer(sealReport({ ...fixed, recipientCard: province.card }), resolveLimits()).manifestBytes,
    );
    const second = parseManifest(
      readContainer(sealReport({ ...fixed, recipientCard: province.card }), resolveLimits()).manifestBytes,
    );
    expect(first.encryption?.ephemeralKey).not.toBe(second.encryption?.ephemeralKey);
    expect(first.encryption?.wrappedKey).not.toBe(second.encryption?.wrappedKey);
    expect(first.parts[0]!.sha256).not.toBe(second.parts[0]!.sha256);
  });

  it('is sealed deterministically when the randomness is fixed', () => {
    const fixed = { packageId: '0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', recipientCard: province.card };
    expect(sealReport({ ...fixed, random: seededRandom(5).bytes })).toEqual(
      sealReport({ ...fixed, random: seededRandom(5).bytes }),
    );
  });

  it('is refused by another unit, which cannot read it', () => {
    const elsewhere = { lookupSigner: trustStore([commune]), receiver: receiverOf(otherProvince) };
    expect(refusal(() => verifyPackage(bytes, elsewhere))).toBe('PKG_WRONG_RECIPIENT');
  });

  it('is refused when no receiver key is given, and stays sealed in integrity-only mode', () => {
    expect(refusal(() => verifyPackage(bytes, { lookupSigner: trustStore([commune]) }))).toBe('PKG_RECIPIENT_KEY_REQUIRED');
    const inspected = inspectPackage(bytes);
    expect(inspected.readable).toBe(false);
    expect(inspected.parts.size).toBe(0);
    expect(inspected.report).toBeNull();
    expect(inspected.signerFingerprint).toBe(commune.card.fingerprint);
    expect(inspectPackage(bytes, { receiver: receiverOf(province) }).report).toEqual(sampleReport(communeUnit));
  });

  it('cannot be opened by someone claiming the recipient fingerprint without its private key', () => {
    const impostor = {
      fingerprint: province.card.fingerprint,
      encryptionPrivateKey: otherProvince.identity.encryptionPrivateKey,
    };
    expect(refusal(() => verifyPackage(bytes, { ...atProvince, receiver: impostor }))).toBe('PKG_DECRYPTION_FAILED');
  });

  it('cannot be claimed by another signer: re-signing the same ciphertext under a trusted key fails to decrypt', () => {
    const claimed = craftPackage(bytes, {
      signingPrivateKey: otherCommune.identity.signingPrivateKey,
      manifest: (manifest) => {
        manifest.unit = otherCommuneUnit;
        manifest.signer = {
          fingerprint: otherCommune.card.fingerprint,
          signingKey: toHex(otherCommune.identity.signingPublicKey),
          encryptionKey: toHex(otherCommune.identity.encryptionPublicKey),
        };
      },
    });
    const trustsBoth = { ...atProvince, lookupSigner: trustStore([commune, otherCommune]) };
    expect(refusal(() => verifyPackage(claimed, trustsBoth))).toBe('PKG_DECRYPTION_FAILED');
  });

  it('refuses a ciphertext whose hash was updated but which no longer authenticates', () => {
    const corrupted = craftPackage(bytes, {
      signingPrivateKey: commune.identity.signingPrivateKey,
      parts: (parts) =>
        parts.map((part, index) =>
          index === 0 ? { ...part, data: part.data.map((byte, at) => (at === 0 ? byte ^ 1 : byte)) } : part,
        ),
      relist: true,
    });
    expect(refusal(() => verifyPackage(corrupted, atProvince))).toBe('PKG_DECRYPTION_FAILED');
  });

  it('refuses two encrypted parts swapped with their manifest entries', () => {
    const swapped = craftPackage(bytes, {
      signingPrivateKey: commune.identity.signingPrivateKey,
      parts: (parts) =>
        [parts[1]!, parts[0]!, ...parts.slice(2)].map((part, index) =>
          index < 2 ? { ...part, name: index === 0 ? 'report.json' : 'details.json' } : part,
        ),
      relist: true,
    });
    expect(refusal(() => verifyPackage(swapped, atProvince))).toBe('PKG_DECRYPTION_FAILED');
  });
});

describe('signers', () => {
  const bytes = sealReport();

  it('refuses a package re-signed by a key nobody trusts', () => {
    const attacker = makeOffice(communeUnit, 666);
    const resigned = craftPackage(bytes, {
      signingPrivateKey: attacker.identity.signingPrivateKey,
      manifest: (manifest) => {
        manifest.signer = {
          fingerprint: attacker.card.fingerprint,
          signingKey: toHex(attacker.identity.signingPublicKey),
          encryptionKey: toHex(attacker.identity.encryptionPublicKey),
        };
      },
    });
    expect(refusal(() => verifyPackage(resigned, atProvince))).toBe('PKG_SIGNER_UNKNOWN');
    expect(inspectPackage(resigned).signerFingerprint).toBe(attacker.card.fingerprint);
  });

  it('refuses a package signed by another key while naming the trusted fingerprint', () => {
    const attacker = generateOfficeIdentity();
    const forged = craftPackage(bytes, { signingPrivateKey: attacker.signingPrivateKey });
    expect(refusal(() => verifyPackage(forged, atProvince))).toBe('PKG_BAD_SIGNATURE');
    expect(refusal(() => inspectPackage(forged))).toBe('PKG_BAD_SIGNATURE');
  });

  it('refuses a package whose signer keys do not produce the fingerprint it names', () => {
    const attacker = generateOfficeIdentity();
    const inconsistent = craftPackage(bytes, {
      signingPrivateKey: attacker.signingPrivateKey,
      manifest: (manifest) => {
        (manifest.signer as Record<string, string>).signingKey = toHex(attacker.signingPublicKey);
      },
    });
    expect(refusal(() => verifyPackage(inconsistent, atProvince))).toBe('PKG_SIGNER_INCONSISTENT');
    expect(refusal(() => inspectPackage(inconsistent))).toBe('PKG_SIGNER_INCONSISTENT');
  });

  it('refuses a package signed by a revoked key', () => {
    expect(refusal(() => verifyPackage(bytes, { lookupSigner: trustStore([commune], [commune]) }))).toBe('PKG_SIGNER_REVOKED');
  });

  it('refuses a trusted unit signing in the name of another unit', () => {
    const lookupSigner = (fingerprint: string) => {
      const trusted = trustStore([commune])(fingerprint);
      return trusted && { ...trusted, unitCode: otherCommuneUnit.code };
    };
    expect(refusal(() => verifyPackage(bytes, { lookupSigner }))).toBe('PKG_SIGNER_UNIT_MISMATCH');
  });

  it('refuses a report whose data names another unit than the signed manifest', () => {
    const mismatched = craftPackage(bytes, {
      signingPrivateKey: commune.identity.signingPrivateKey,
      parts: (parts) =>
        parts.map((part) => (part.name === 'report.json' ? { ...part, data: jsonPart(sampleReport(otherCommuneUnit)) } : part)),
      relist: true,
    });
    expect(refusal(() => verifyPackage(mismatched, atProvince))).toBe('PKG_PART_INCONSISTENT');
  });
});

describe('parts', () => {
  const bytes = sealReport();
  const key = commune.identity.signingPrivateKey;

  it('refuses a package with a part removed, whether or not the manifest still lists it', () => {
    const withoutPdf = (parts: CraftPart[]) => parts.filter((part) => part.name !== 'documents/report.pdf');
    const stillListed = craftPackage(bytes, { signingPrivateKey: key, parts: withoutPdf });
    expect(refusal(() => verifyPackage(stillListed, atProvince))).toBe('PKG_PART_MISSING');
    const withoutReport = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) => parts.filter((part) => part.name !== 'report.json'),
      relist: true,
    });
    expect(refusal(() => verifyPackage(withoutReport, atProvince))).toBe('PKG_PART_MISSING');
  });

  it('refuses a package with a part added, listed or not', () => {
    const xlsx = { name: 'documents/appendices.xlsx', data: sampleDocx };
    const unlisted = craftPackage(bytes, { signingPrivateKey: key, parts: (parts) => [...parts, xlsx] });
    expect(refusal(() => verifyPackage(unlisted, atProvince))).toBe('PKG_PART_EXTRA');
    const unknownName = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) => [...parts, { name: 'notes.txt', data: utf8('x') }],
      relist: true,
    });
    expect(refusal(() => verifyPackage(unknownName, atProvince))).toBe('PKG_PART_EXTRA');
    const wrongKind = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) => [...parts, { name: 'request.json', data: utf8('{}') }],
      relist: true,
    });
    expect(refusal(() => verifyPackage(wrongKind, atProvince))).toBe('PKG_PART_EXTRA');
  });

  it('refuses parts stored in another order than the manifest lists them', () => {
    const reordered = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) => [parts[1]!, parts[0]!, ...parts.slice(2)],
    });
    expect(refusal(() => verifyPackage(reordered, atProvince))).toBe('PKG_MALFORMED');
  });

  it('refuses part names that escape the package, in the stored parts and in the manifest', () => {
    const hostile = [
      '../report.json',
      'documents/../../etc/passwd',
      '/etc/passwd',
      'documents\\report.pdf',
      'C:/Windows/report.pdf',
      'report.json\0.exe',
      './report.json',
      'documents//report.pdf',
      'tài-liệu.pdf',
    ];
    for (const name of hostile) {
      const stored = craftPackage(bytes, {
        signingPrivateKey: key,
        parts: (parts) => parts.map((part) => (part.name === 'documents/report.pdf' ? { ...part, name } : part)),
        relist: true,
      });
      expect(
        refusal(() => verifyPackage(stored, atProvince)),
        name,
      ).toBe('PKG_PART_NAME_UNSAFE');
      const storedOnly = craftPackage(bytes, {
        signingPrivateKey: key,
        parts: (parts) => parts.map((part) => (part.name === 'documents/report.pdf' ? { ...part, name } : part)),
      });
      expect(
        refusal(() => verifyPackage(storedOnly, atProvince)),
        name,
      ).toBe('PKG_PART_NAME_UNSAFE');
      const listedOnly = craftPackage(bytes, {
        signingPrivateKey: key,
        manifest: (manifest) => {
          (manifest.parts as { name: string }[]).push({ ...describePart({ name, data: samplePdf }), name });
        },
      });
      expect(
        refusal(() => verifyPackage(listedOnly, atProvince)),
        name,
      ).toBe('PKG_PART_NAME_UNSAFE');
    }
  });

  it('refuses names that are not valid UTF-8, empty, or longer than the limit', () => {
    for (const name of [Uint8Array.of(0x72, 0xff, 0x2e, 0x6a), new Uint8Array(0), utf8('a'.repeat(256))]) {
      const crafted = craftPackage(bytes, {
        signingPrivateKey: key,
        parts: (parts) => [...parts.slice(0, 3), { name, data: samplePdf }],
      });
      expect(refusal(() => verifyPackage(crafted, atProvince))).toBe('PKG_PART_NAME_UNSAFE');
    }
  });

  it('refuses a part stored twice, and a part listed twice', () => {
    const storedTwice = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) => [...parts, partNamed(parts, 'documents/report.pdf')],
    });
    expect(refusal(() => verifyPackage(storedTwice, atProvince))).toBe('PKG_PART_DUPLICATE');
    const listedTwice = craftPackage(bytes, {
      signingPrivateKey: key,
      manifest: (manifest) => {
        const parts = manifest.parts as unknown[];
        parts.push(parts[parts.length - 1]);
      },
    });
    expect(refusal(() => verifyPackage(listedTwice, atProvince))).toBe('PKG_PART_DUPLICATE');
  });

  it('refuses a part whose stored size differs from the signed size, and one whose bytes differ', () => {
    const longer = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) =>
        parts.map((part) => (part.name === 'documents/report.pdf' ? { ...part, data: utf8('%PDF-1.7\n%%EOF\n\n') } : part)),
    });
    expect(refusal(() => verifyPackage(longer, atProvince))).toBe('PKG_PART_SIZE_MISMATCH');
    const changed = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) =>
        parts.map((part) => (part.name === 'documents/report.pdf' ? { ...part, data: utf8('%PDF-1.4\n%%EOF\n') } : part)),
    });
    expect(refusal(() => verifyPackage(changed, atProvince))).toBe('PKG_PART_HASH_MISMATCH');
  });
});

describe('limits', () => {
  const bytes = sealReport();
  const key = commune.identity.signingPrivateKey;

  it('refuses a file larger than the package limit before reading it', () => {
    expect(refusal(() => verifyPackage(bytes, { ...atProvince, limits: { maxPackageBytes: bytes.length - 1 } }))).toBe(
      'PKG_FILE_TOO_LARGE',
    );
  });

  it('refuses a declared part length beyond the limit, even when the file is far too short to hold it', () => {
    const container = readContainer(bytes, resolveLimits());
    const huge = Uint8Array.from(bytes);
    new DataView(huge.buffer).setUint32(container.layout.parts[0]!.dataLengthOffset, 0xffff_ffff);
    expect(refusal(() => verifyPackage(huge, atProvince))).toBe('PKG_PART_TOO_LARGE');
    const justOver = Uint8Array.from(bytes);
    new DataView(justOver.buffer).setUint32(container.layout.parts[0]!.dataLengthOffset, 64 * 1024 * 1024 + 1);
    expect(refusal(() => verifyPackage(justOver, atProvince))).toBe('PKG_PART_TOO_LARGE');
  });

  it('refuses a part whose actual size exceeds the limit', () => {
    const pdfSize = samplePdf.length;
    expect(refusal(() => verifyPackage(bytes, { ...atProvince, limits: { maxPartBytes: pdfSize - 1 } }))).toBe(
      'PKG_PART_TOO_LARGE',
    );
  });

  it('refuses a signed manifest declaring a part size beyond the limit', () => {
    const declared = craftPackage(bytes, {
      signingPrivateKey: key,
      manifest: (manifest) => {
        (manifest.parts as { size: number }[])[3]!.size = 0xffff_ffff;
      },
    });
    expect(refusal(() => verifyPackage(declared, atProvince))).toBe('PKG_PART_TOO_LARGE');
  });

  it('refuses a declared manifest length beyond the limit', () => {
    const huge = Uint8Array.from(bytes);
    new DataView(huge.buffer).setUint32(10, 0xffff_fff0);
    expect(refusal(() => verifyPackage(huge, atProvince))).toBe('PKG_MANIFEST_TOO_LARGE');
  });

  it('refuses JSON nested deeper than the limit in a validly signed part', () => {
    const deep = `[${'['.repeat(5000)}${']'.repeat(5000)}]`;
    const nested = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) => parts.map((part) => (part.name === 'details.json' ? { ...part, data: utf8(deep) } : part)),
      relist: true,
    });
    expect(refusal(() => verifyPackage(nested, atProvince))).toBe('PKG_JSON_TOO_DEEP');
    const shallowEnough = `[${'['.repeat(30)}${']'.repeat(30)}]`;
    const fine = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) => parts.map((part) => (part.name === 'details.json' ? { ...part, data: utf8(shallowEnough) } : part)),
      relist: true,
    });
    expect(refusal(() => verifyPackage(fine, atProvince))).toBe('accepted');
  });

  it('refuses more parts than the format allows', () => {
    const crafted = writeContainer({
      formatVersion: FORMAT_VERSION,
      manifestBytes: utf8('{}'),
      signature: new Uint8Array(64),
      parts: Array.from({ length: 7 }, (_, index) => ({ name: `p${index}`, data: new Uint8Array(0) })),
    });
    expect(refusal(() => verifyPackage(crafted, atProvince))).toBe('PKG_MALFORMED');
  });
});

describe('structure and versions', () => {
  const bytes = sealReport();
  const key = commune.identity.signingPrivateKey;

  it('refuses a file from a future format version, by its header and by its signed manifest', () => {
    const header = Uint8Array.from(bytes);
    header[9] = FORMAT_VERSION + 1;
    expect(refusal(() => verifyPackage(header, atProvince))).toBe('PKG_VERSION_UNSUPPORTED');
    const signed = craftPackage(bytes, {
      signingPrivateKey: key,
      formatVersion: FORMAT_VERSION + 1,
      manifest: (manifest) => {
        manifest.formatVersion = FORMAT_VERSION + 1;
        manifest.newField = 'from the future';
      },
    });
    expect(refusal(() => verifyPackage(signed, atProvince))).toBe('PKG_VERSION_UNSUPPORTED');
    const manifestOnly = craftPackage(bytes, {
      signingPrivateKey: key,
      manifest: (manifest) => {
        manifest.formatVersion = FORMAT_VERSION + 1;
      },
    });
    expect(refusal(() => verifyPackage(manifestOnly, atProvince))).toBe('PKG_VERSION_UNSUPPORTED');
  });

  it('refuses another file type, an empty file and a cut-off file', () => {
    expect(refusal(() => verifyPackage(utf8('PK\u0003\u0004 a zip file'), atProvince))).toBe('PKG_NOT_A_PACKAGE');
    expect(refusal(() => verifyPackage(new Uint8Array(0), atProvince))).toBe('PKG_TRUNCATED');
    expect(refusal(() => verifyPackage(bytes.subarray(0, bytes.length - 1), atProvince))).toBe('PKG_TRUNCATED');
  });

  it('refuses bytes after the last part', () => {
    const trailing = Uint8Array.from([...bytes, 0]);
    expect(refusal(() => verifyPackage(trailing, atProvince))).toBe('PKG_MALFORMED');
  });

  it('refuses a validly signed manifest that is not in canonical form', () => {
    const manifest = parseManifest(readContainer(bytes, resolveLimits()).manifestBytes);
    const spaced = utf8(JSON.stringify(manifest, null, 1));
    const crafted = craftPackage(bytes, { signingPrivateKey: key, manifestBytes: spaced });
    expect(refusal(() => verifyPackage(crafted, atProvince))).toBe('PKG_MANIFEST_INVALID');
    const duplicateKey = utf8(
      new TextDecoder()
        .decode(canonicalJsonBytes(manifest))
        .replace('{"appVersion":"0.1.0"', '{"appVersion":"9.9.9","appVersion":"0.1.0"'),
    );
    const duplicated = craftPackage(bytes, { signingPrivateKey: key, manifestBytes: duplicateKey });
    expect(refusal(() => verifyPackage(duplicated, atProvince))).toBe('PKG_MANIFEST_INVALID');
  });

  it('refuses a validly signed manifest with unknown fields, wrong types or an impossible period', () => {
    const edits: ((manifest: Record<string, unknown>) => void)[] = [
      (manifest) => void (manifest.extra = 1),
      (manifest) => void (manifest.packageId = 'not-a-uuid'),
      (manifest) => void (manifest.period = { from: '2026-06-30', to: '2026-01-01' }),
      (manifest) => void (manifest.kind = 'invoice'),
      (manifest) => void (manifest.recipient = { fingerprint: province.card.fingerprint, unitCode: provinceUnit.code }),
    ];
    for (const edit of edits) {
      expect(refusal(() => verifyPackage(craftPackage(bytes, { signingPrivateKey: key, manifest: edit }), atProvince))).toBe(
        'PKG_MANIFEST_INVALID',
      );
    }
  });

  it('refuses a report that is not valid JSON or does not match the report data schema', () => {
    for (const data of [utf8('{"unit":'), jsonPart({ ...sampleReport(communeUnit), figures: { permitted: -1 } })]) {
      const crafted = craftPackage(bytes, {
        signingPrivateKey: key,
        parts: (parts) => parts.map((part) => (part.name === 'report.json' ? { ...part, data } : part)),
        relist: true,
      });
      expect(refusal(() => verifyPackage(crafted, atProvince))).toBe('PKG_PART_INVALID');
    }
  });

  it('refuses a document part that is not the document type its name says', () => {
    const crafted = craftPackage(bytes, {
      signingPrivateKey: key,
      parts: (parts) =>
        parts.map((part) => (part.name === 'documents/report.pdf' ? { ...part, data: utf8('MZ executable') } : part)),
      relist: true,
    });
    expect(refusal(() => verifyPackage(crafted, atProvince))).toBe('PKG_PART_INVALID');
  });

  it('refuses a report where a request is expected, and the reverse', () => {
    expect(refusal(() => verifyPackage(bytes, { ...atProvince, expectedKind: 'request' }))).toBe('PKG_NOT_A_REQUEST');
    expect(refusal(() => verifyPackage(bytes, { ...atProvince, expectedKind: 'report' }))).toBe('accepted');
  });
});

describe('a reporting request', () => {
  const request = {
    round: '626-CV/BTCTW',
    title: 'Báo cáo tình hình đảng viên ra nước ngoài 6 tháng đầu năm 2026',
    period: samplePeriod,
    deadline: '2026-07-15',
    detailsRequested: true,
    issuingUnit: provinceUnit,
  };
  const sealRequest = (overrides: Partial<SealInput> = {}) =>
    sealPackage({
      kind: 'request',
      unit: provinceUnit,
      period: samplePeriod,
      round: '626-CV/BTCTW',
      appVersion: '0.1.0',
      identity: province.identity,
      parts: { 'request.json': jsonPart(request) },
      ...overrides,
    });

  it('round-trips from the province to a commune that trusts it', () => {
    const opened = verifyPackage(sealRequest(), { lookupSigner: trustStore([province]), expectedKind: 'request' });
    expect(opened.manifest.kind).toBe('request');
    expect(opened.request).toEqual(request);
    expect(opened.report).toBeNull();
  });

  it('is refused where a report is expected', () => {
    expect(refusal(() => verifyPackage(sealRequest(), { lookupSigner: trustStore([province]), expectedKind: 'report' }))).toBe(
      'PKG_NOT_A_REPORT',
    );
  });

  it('cannot be sealed without a round, with a report part, or with a request for another round', () => {
    expect(refusal(() => sealRequest({ round: null }))).toBe('VALIDATION');
    expect(
      refusal(() =>
        sealRequest({ parts: { 'request.json': jsonPart(request), 'report.json': jsonPart(sampleReport(provinceUnit)) } }),
      ),
    ).toBe('PKG_PART_EXTRA');
    expect(refusal(() => sealRequest({ round: '700-CV/BTCTW' }))).toBe('PKG_PART_INCONSISTENT');
    expect(refusal(() => sealRequest({ parts: { 'request.json': jsonPart({ ...request, deadline: '15/07/2026' }) } }))).toBe(
      'PKG_PART_INVALID',
    );
  });
});

describe('sealing', () => {
  it('refuses what it could not read back: invalid report, unknown part, missing report, bad metadata', () => {
    expect(refusal(() => sealReport({ parts: { 'report.json': jsonPart({ unit: communeUnit }) } }))).toBe('PKG_PART_INVALID');
    expect(
      refusal(() =>
        sealReport({ parts: { 'report.json': jsonPart(sampleReport(communeUnit)), '../x': utf8('x') } as SealInput['parts'] }),
      ),
    ).toBe('PKG_PART_EXTRA');
    expect(refusal(() => sealReport({ parts: { 'details.json': jsonPart([]) } }))).toBe('PKG_PART_MISSING');
    expect(refusal(() => sealReport({ period: { from: '2026-07-01', to: '2026-01-01' } }))).toBe('VALIDATION');
    expect(refusal(() => sealReport({ unit: { ...communeUnit, code: 'xa tan hoa' } }))).toBe('VALIDATION');
    expect(refusal(() => sealReport({ parts: { 'report.json': jsonPart(sampleReport(otherCommuneUnit)) } }))).toBe(
      'PKG_PART_INCONSISTENT',
    );
    expect(refusal(() => sealReport({ limits: { maxPartBytes: samplePdf.length - 1 } }))).toBe('PKG_PART_TOO_LARGE');
    const reportSize = jsonPart(sampleReport(communeUnit)).length;
    const justFits = { limits: { maxPartBytes: reportSize + 16 } };
    expect(
      refusal(() => verifyPackage(sealReport({ ...justFits, recipientCard: province.card }), { ...atProvince, ...justFits })),
    ).toBe('accepted');
    expect(refusal(() => sealReport({ limits: { maxPartBytes: reportSize + 15 }, recipientCard: province.card }))).toBe(
      'PKG_PART_TOO_LARGE',
    );
  });

  it('refuses a recipient card that was altered', () => {
    const altered = { ...province.card, unit: { ...province.card.unit, name: 'Tỉnh ủy Giả' } };
    expect(refusal(() => sealReport({ recipientCard: altered }))).toBe('PKG_CARD_BAD_SIGNATURE');
  });

  it('signs with the key of the card it names, so a rotated unit is found under its new fingerprint', () => {
    const identity = generateOfficeIdentity();
    const rotated = createKeyCard({
      unit: communeUnit,
      identity,
      predecessor: { card: commune.card, signingPrivateKey: commune.identity.signingPrivateKey },
    });
    const bytes = sealReport({ identity });
    expect(inspectPackage(bytes).signerFingerprint).toBe(rotated.fingerprint);
    expect(refusal(() => verifyPackage(bytes, atProvince))).toBe('PKG_SIGNER_UNKNOWN');
  });

  it('names files for USB sticks as <unit-code>_<from>_<to>_v<N>.so86', () => {
    expect(packageFileName({ unitCode: 'XA-TAN-HOA', period: samplePeriod, version: 2 })).toBe(
      'XA-TAN-HOA_2026-01-01_2026-06-30_v2.so86',
    );
    expect(refusal(() => packageFileName({ unitCode: '../evil', period: samplePeriod, version: 1 }))).toBe('VALIDATION');
    expect(refusal(() => packageFileName({ unitCode: 'XA', period: samplePeriod, version: 0 }))).toBe('VALIDATION');
  });

  it('lays out a hand-built container that the reader splits back into the same fields', () => {
    const manifestBytes = utf8('{"x":1}');
    const signature = signBytes(commune.identity.signingPrivateKey, manifestBytes);
    const file = writeContainer({
      formatVersion: 1,
      manifestBytes,
      signature,
      parts: [{ name: 'report.json', data: utf8('{}') }],
    });
    const expected = Buffer.concat([
      Buffer.from(MAGIC),
      Buffer.from([0, 1, 0, 0, 0, 7]),
      Buffer.from(manifestBytes),
      Buffer.from(signature),
      Buffer.from([0, 1, 0, 11]),
      Buffer.from('report.json'),
      Buffer.from([0, 0, 0, 2]),
      Buffer.from('{}'),
    ]);
    expect(Buffer.from(file).equals(expected)).toBe(true);
    const container = readContainer(file, resolveLimits());
    expect(container.manifestBytes).toEqual(manifestBytes);
    expect(container.signature).toEqual(signature);
    expect(container.parts).toEqual([{ name: 'report.json', data: utf8('{}') }]);
  });
});
