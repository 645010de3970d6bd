// Reads and checks packages and cards following docs/formats/report-file.md step by step with raw node:crypto
// calls only, never this folder's own readers: if the code and the document ever disagree,
// these tests fail, and engineers at the upper level can trust the document.
import { createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeKeyCard } from './card';
import { sealPackage } from './seal';
import {
  communeUnit,
  jsonPart,
  makeOffice,
  provinceUnit,
  samplePdf,
  samplePeriod,
  sampleReport,
} from '../../../testkit/reportFiles';

const commune = makeOffice(communeUnit, 401);
const province = makeOffice(provinceUnit, 402);

function ed25519Verify(publicKeyHex: string, message: Buffer, signature: Buffer): boolean {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') },
    format: 'jwk',
  });
  return verify(null, message, key, signature);
}

function x25519(privateKey: Uint8Array, publicKey: Buffer): Buffer {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), privateKey]);
  return diffieHellman({
    privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: publicKey.toString('base64url') }, format: 'jwk' }),
  });
}

function gcmOpen(key: Buffer, nonce: Buffer, aad: string, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

interface ManifestAsDocumented {
  packageId: string;
  signer: { fingerprint: string; signingKey: string; encryptionKey: string };
  recipient: { fingerprint: string } | null;
  encryption: { ephemeralKey: string; wrappedKey: string } | null;
  parts: { name: string; size: number; sha256: string }[];
}

/** docs/formats/report-file.md section 2, field by field. */
function splitContainer(file: Buffer) {
  expect(file.subarray(0, 8).toString('hex')).toBe('89534f38360d0a1a');
  expect(file.readUInt16BE(8)).toBe(2);
  const manifestLength = file.readUInt32BE(10);
  const manifestBytes = file.subarray(14, 14 + manifestLength);
  const signature = file.subarray(14 + manifestLength, 78 + manifestLength);
  let offset = 78 + manifestLength;
  const count = file.readUInt16BE(offset);
  offset += 2;
  const parts: { name: string; data: Buffer }[] = [];
  for (let index = 0; index < count; index += 1) {
    const nameLength = file.readUInt16BE(offset);
    const name = file.subarray(offset + 2, offset + 2 + nameLength).toString('utf8');
    offset += 2 + nameLength;
    const dataLength = file.readUInt32BE(offset);
    parts.push({ name, data: file.subarray(offset + 4, offset + 4 + dataLength) });
    offset += 4 + dataLength;
  }
  expect(offset).toBe(file.length);
  return { manifestBytes, signature, parts };
}

/** docs/formats/report-file.md section 1: sorted keys, no whitespace, integers only. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('docs/formats/report-file.md, followed by hand', () => {
  it('describes a plain package exactly: layout, canonical manifest, signature, hashes, fingerprint', () => {
    const report = sampleReport(communeUnit);
    const file = Buffer.from(
      sealPackage({
        kind: 'report',
        unit: communeUnit,
        period: samplePeriod,
        round: null,
        appVersion: '0.1.0',
        identity: commune.identity,
        parts: { 'report.json': jsonPart(report), 'documents/report.pdf': samplePdf },
      }),
    );
    const { manifestBytes, signature, parts } = splitContainer(file);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as ManifestAsDocumented & Record<string, unknown>;
    expect(canonical(manifest)).toBe(manifestBytes.toString('utf8'));
    expect(Object.keys(manifest).sort()).toEqual([
      'appVersion',
      'audit',
      'createdAt',
      'encryption',
      'formatVersion',
      'kind',
      'packageId',
      'parts',
      'period',
      'recipient',
      'round',
      'signer',
      'type',
      'unit',
    ]);
    expect(ed25519Verify(manifest.signer.signingKey, manifestBytes, signature)).toBe(true);
    expect(parts.map((part) => part.name)).toEqual(manifest.parts.map((part) => part.name));
    for (const [index, part] of parts.entries()) {
      expect(part.data.length).toBe(manifest.parts[index]!.size);
      expect(createHash('sha256').update(part.data).digest('hex')).toBe(manifest.parts[index]!.sha256);
    }
    expect(JSON.parse(parts[0]!.data.toString('utf8'))).toEqual(report);

    const fingerprint = createHash('sha256')
      .update(Buffer.from('so86 key card fingerprint v1\0', 'utf8'))
      .update(Buffer.from([communeUnit.code.length]))
      .update(communeUnit.code)
      .update(Buffer.from([communeUnit.level.length]))
      .update(communeUnit.level)
      .update(Buffer.from(manifest.signer.signingKey, 'hex'))
      .update(Buffer.from(manifest.signer.encryptionKey, 'hex'))
      .digest()
      .subarray(0, 20)
      .toString('hex');
    expect(manifest.signer.fingerprint).toBe(fingerprint);
  });

  it('describes encryption exactly: HKDF parameters, nonces and associated data', () => {
    const report = sampleReport(communeUnit);
    const file = Buffer.from(
      sealPackage({
        kind: 'report',
        unit: communeUnit,
        period: samplePeriod,
        round: '626-CV/BTCTW',
        appVersion: '0.1.0',
        identity: commune.identity,
        recipientCard: province.card,
        parts: { 'report.json': jsonPart(report), 'documents/report.pdf': samplePdf },
      }),
    );
    const { manifestBytes, parts } = splitContainer(file);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as ManifestAsDocumented;
    const encryption = manifest.encryption!;
    const recipientFingerprint = manifest.recipient!.fingerprint;

    const ephemeral = Buffer.from(encryption.ephemeralKey, 'hex');
    const recipientPublic = Buffer.from(province.identity.encryptionPublicKey);
    const shared = x25519(province.identity.encryptionPrivateKey, ephemeral);
    const kek = Buffer.from(
      hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipientPublic]), Buffer.from('so86 content key wrap v1'), 32),
    );
    const keyAad = ['so86 content key v1', manifest.packageId, manifest.signer.fingerprint, recipientFingerprint].join('\n');
    const contentKey = gcmOpen(kek, Buffer.alloc(12), keyAad, Buffer.from(encryption.wrappedKey, 'hex'));
    expect(contentKey).toHaveLength(32);

    const plaintexts = parts.map((part, index) => {
      const nonce = Buffer.alloc(12);
      nonce.writeUInt32BE(index + 1, 8);
      const partAad = ['so86 part v1', manifest.packageId, manifest.signer.fingerprint, recipientFingerprint, part.name].join(
        '\n',
      );
      return gcmOpen(contentKey, nonce, partAad, part.data);
    });
    expect(JSON.parse(plaintexts[0]!.toString('utf8'))).toEqual(report);
    expect(new Uint8Array(plaintexts[1]!)).toEqual(samplePdf);
  });

  it('describes key cards exactly: the signed bytes and the self-signature', () => {
    const file = JSON.parse(new TextDecoder().decode(encodeKeyCard(commune.card))) as Record<string, unknown> & {
      replaces: { fingerprint: string } | null;
      signingKey: string;
      signature: string;
    };
    const signed = canonical({
      format: file.format,
      cardVersion: file.cardVersion,
      unit: file.unit,
      signingKey: file.signingKey,
      encryptionKey: file.encryptionKey,
      createdAt: file.createdAt,
      fingerprint: file.fingerprint,
      replaces: file.replaces?.fingerprint ?? null,
    });
    expect(ed25519Verify(file.signingKey, Buffer.from(signed, 'utf8'), Buffer.from(file.signature, 'hex'))).toBe(true);
  });
});
