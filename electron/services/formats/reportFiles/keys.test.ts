import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import {
  computeFingerprint,
  exportOfficePrivateKeys,
  fingerprintsMatch,
  formatFingerprint,
  generateOfficeIdentity,
  importOfficeIdentity,
  isUsableEncryptionKey,
  normaliseFingerprint,
  signBytes,
  verifySignature,
  x25519SharedSecret,
} from './keys';
import { seededRandom } from '../../../testkit/reportFiles';

describe('office identity', () => {
  it('round-trips through raw private keys and derives the same public keys', () => {
    const identity = generateOfficeIdentity();
    const exported = exportOfficePrivateKeys(identity);
    expect(exported.signingPrivateKey).toHaveLength(32);
    expect(exported.encryptionPrivateKey).toHaveLength(32);
    const restored = importOfficeIdentity(exported);
    expect(restored).toEqual(identity);
  });

  it('makes independent keys each time', () => {
    const a = generateOfficeIdentity();
    const b = generateOfficeIdentity();
    expect(a.signingPublicKey).not.toEqual(b.signingPublicKey);
    expect(a.encryptionPublicKey).not.toEqual(b.encryptionPublicKey);
  });

  it('signs so that only the matching public key verifies, and only the same message', () => {
    const identity = generateOfficeIdentity();
    const other = generateOfficeIdentity();
    const message = new TextEncoder().encode('báo cáo 6 tháng đầu năm');
    const signature = signBytes(identity.signingPrivateKey, message);
    expect(verifySignature(identity.signingPublicKey, message, signature)).toBe(true);
    expect(verifySignature(other.signingPublicKey, message, signature)).toBe(false);
    expect(verifySignature(identity.signingPublicKey, message.subarray(1), signature)).toBe(false);
    expect(verifySignature(identity.signingPublicKey, message, signature.subarray(1))).toBe(false);
    expect(verifySignature(new Uint8Array(31), message, signature)).toBe(false);
  });

  it('agrees on one X25519 secret from either side and refuses small-order points', () => {
    const a = generateOfficeIdentity();
    const b = generateOfficeIdentity();
    const ab = x25519SharedSecret(a.encryptionPrivateKey, b.encryptionPublicKey);
    expect(ab).not.toBeNull();
    expect(ab).toEqual(x25519SharedSecret(b.encryptionPrivateKey, a.encryptionPublicKey));
    const order1Point = new Uint8Array(32);
    order1Point[0] = 1;
    expect(x25519SharedSecret(a.encryptionPrivateKey, order1Point)).toBeNull();
    expect(isUsableEncryptionKey(new Uint8Array(32))).toBe(false);
    expect(isUsableEncryptionKey(a.encryptionPublicKey)).toBe(true);
  });

  it('refuses private keys of the wrong length with a domain error', () => {
    expect(() =>
      importOfficeIdentity({ signingPrivateKey: new Uint8Array(31), encryptionPrivateKey: new Uint8Array(32) }),
    ).toThrow(DomainError);
  });
});

describe('fingerprint', () => {
  const identity = generateOfficeIdentity(seededRandom(86).bytes);
  const input = { unitCode: 'XA-TAN-HOA', level: 'commune' as const, ...identity };

  it('is the first 20 bytes of SHA-256 over the documented byte string', () => {
    const expected = createHash('sha256')
      .update('so86 key card fingerprint v1\0')
      .update(Uint8Array.of(10))
      .update('XA-TAN-HOA')
      .update(Uint8Array.of(7))
      .update('commune')
      .update(identity.signingPublicKey)
      .update(identity.encryptionPublicKey)
      .digest()
      .subarray(0, 20)
      .toString('hex');
    expect(computeFingerprint(input)).toBe(expected);
  });

  it('is stable: the same keys always give this exact value', () => {
    // Public keys from RFC 8032 §7.1 (test 1) and RFC 7748 §6.1 (Alice); the expected value was
    // computed outside this code base, so a change to the algorithm cannot pass unnoticed.
    expect(
      computeFingerprint({
        unitCode: 'XA-TAN-HOA',
        level: 'commune',
        signingPublicKey: Uint8Array.from(Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex')),
        encryptionPublicKey: Uint8Array.from(
          Buffer.from('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a', 'hex'),
        ),
      }),
    ).toBe('6580abc0791a4c1b370fe3964b85a4f9d5fa7a7b');
  });

  it('changes with either key, the unit code or the level', () => {
    const base = computeFingerprint(input);
    const other = generateOfficeIdentity();
    expect(computeFingerprint({ ...input, signingPublicKey: other.signingPublicKey })).not.toBe(base);
    expect(computeFingerprint({ ...input, encryptionPublicKey: other.encryptionPublicKey })).not.toBe(base);
    expect(computeFingerprint({ ...input, unitCode: 'XA-TAN-HOA2' })).not.toBe(base);
    expect(computeFingerprint({ ...input, level: 'province' })).not.toBe(base);
  });

  it('prints as ten groups of four upper-case hex digits', () => {
    const printed = formatFingerprint(computeFingerprint(input));
    expect(printed).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
  });

  it('normalises what a person types: case, spaces, dashes, colons, full-width digits', () => {
    const fingerprint = computeFingerprint(input);
    const printed = formatFingerprint(fingerprint);
    expect(normaliseFingerprint(printed)).toBe(fingerprint);
    expect(normaliseFingerprint(printed.toLowerCase().replaceAll(' ', '-'))).toBe(fingerprint);
    expect(normaliseFingerprint(`  ${printed.replaceAll(' ', ':')}\n`)).toBe(fingerprint);
    const fullWidth = [...fingerprint]
      .map((char) => (/[0-9]/.test(char) ? String.fromCharCode(char.charCodeAt(0) + 0xfee0) : char))
      .join('');
    expect(normaliseFingerprint(fullWidth)).toBe(fingerprint);
    expect(fingerprintsMatch(printed, fingerprint)).toBe(true);
  });

  it('rejects typed fingerprints that are too short, too long or not hex', () => {
    const fingerprint = computeFingerprint(input);
    expect(normaliseFingerprint(fingerprint.slice(1))).toBeNull();
    expect(normaliseFingerprint(`${fingerprint}0`)).toBeNull();
    expect(normaliseFingerprint(`${fingerprint.slice(1)}g`)).toBeNull();
    expect(fingerprintsMatch(fingerprint.slice(1), fingerprint.slice(1))).toBe(false);
  });
});
