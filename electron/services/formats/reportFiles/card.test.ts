import { describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import {
  type KeyCard,
  MAX_CARD_BYTES,
  cardSignedBytes,
  confirmCardFingerprint,
  createKeyCard,
  encodeKeyCard,
  parseKeyCard,
  verifyCardRotation,
  verifyKeyCard,
} from './card';
import { computeFingerprint, formatFingerprint, generateOfficeIdentity, signBytes } from './keys';
import { communeUnit, expectReadableMessage, makeOffice, otherCommuneUnit } from '../../../testkit/reportFiles';

function codeOf(action: () => unknown): string {
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

function editCardFile(card: KeyCard, edit: (file: Record<string, unknown>) => void): Uint8Array {
  const file = JSON.parse(new TextDecoder().decode(encodeKeyCard(card))) as Record<string, unknown>;
  edit(file);
  return new TextEncoder().encode(JSON.stringify(file));
}

describe('key card', () => {
  const office = makeOffice(communeUnit, 1);

  it('round-trips through its file with every field intact', () => {
    const parsed = parseKeyCard(encodeKeyCard(office.card));
    expect(parsed).toEqual(office.card);
    expect(parsed.fingerprint).toBe(
      computeFingerprint({ unitCode: communeUnit.code, level: communeUnit.level, ...office.identity }),
    );
    expect(parsed.replaces).toBeNull();
  });

  it('is readable JSON naming the unit, both keys and the fingerprint', () => {
    const text = new TextDecoder().decode(encodeKeyCard(office.card));
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'so86.key-card',
      cardVersion: 1,
      unit: communeUnit,
      fingerprint: office.card.fingerprint,
    });
    expect(file.signingKey).toBe(Buffer.from(office.identity.signingPublicKey).toString('hex'));
    expect(file.encryptionKey).toBe(Buffer.from(office.identity.encryptionPublicKey).toString('hex'));
  });

  it('keeps its fingerprint across re-creation with the same keys, and a renamed unit keeps it too', () => {
    const again = createKeyCard({ unit: communeUnit, identity: office.identity, createdAt: '2027-01-01T00:00:00.000Z' });
    const renamed = createKeyCard({ unit: { ...communeUnit, name: 'Đảng ủy xã Tân Hòa (mới)' }, identity: office.identity });
    expect(again.fingerprint).toBe(office.card.fingerprint);
    expect(renamed.fingerprint).toBe(office.card.fingerprint);
  });

  it('refuses a card whose name was changed after signing', () => {
    const tampered = editCardFile(office.card, (file) => {
      (file.unit as Record<string, unknown>).name = 'Đảng ủy xã Giả Mạo';
    });
    expect(codeOf(() => parseKeyCard(tampered))).toBe('PKG_CARD_BAD_SIGNATURE');
  });

  it('refuses a card whose encryption key was swapped, even with the fingerprint recomputed', () => {
    const attacker = generateOfficeIdentity();
    const swappedKeyOnly = editCardFile(office.card, (file) => {
      file.encryptionKey = Buffer.from(attacker.encryptionPublicKey).toString('hex');
    });
    expect(codeOf(() => parseKeyCard(swappedKeyOnly))).toBe('PKG_CARD_FINGERPRINT_MISMATCH');
    const swappedWithFingerprint = editCardFile(office.card, (file) => {
      file.encryptionKey = Buffer.from(attacker.encryptionPublicKey).toString('hex');
      file.fingerprint = computeFingerprint({
        unitCode: communeUnit.code,
        level: 'commune',
        signingPublicKey: office.identity.signingPublicKey,
        encryptionPublicKey: attacker.encryptionPublicKey,
      });
    });
    expect(codeOf(() => parseKeyCard(swappedWithFingerprint))).toBe('PKG_CARD_BAD_SIGNATURE');
  });

  it('refuses a card re-signed by another key under the original fingerprint', () => {
    const attacker = generateOfficeIdentity();
    const forged = createKeyCard({ unit: communeUnit, identity: attacker });
    const file = editCardFile(forged, (raw) => {
      raw.fingerprint = office.card.fingerprint;
    });
    expect(codeOf(() => parseKeyCard(file))).toBe('PKG_CARD_FINGERPRINT_MISMATCH');
  });

  it('refuses a card from a newer version with its own code', () => {
    const future = editCardFile(office.card, (file) => {
      file.cardVersion = 2;
      file.newField = 'x';
    });
    expect(codeOf(() => parseKeyCard(future))).toBe('PKG_CARD_VERSION_UNSUPPORTED');
  });

  it('refuses malformed cards: not JSON, wrong shape, unknown fields, bad hex, unusable keys, oversized, too deep', () => {
    const encoder = new TextEncoder();
    const cases: Uint8Array[] = [
      encoder.encode('not json'),
      encoder.encode('[]'),
      encoder.encode('{"format":"so86.key-card"}'),
      editCardFile(office.card, (file) => void (file.extra = true)),
      editCardFile(office.card, (file) => void (file.signingKey = String(file.signingKey).toUpperCase())),
      editCardFile(office.card, (file) => void (file.encryptionKey = '00'.repeat(32))),
      editCardFile(office.card, (file) => void (file.cardVersion = 0)),
      editCardFile(office.card, (file) => void (file.format = 'so86.package-manifest')),
      encodeKeyCard(office.card).subarray(0, 100),
      new Uint8Array(MAX_CARD_BYTES + 1).fill(0x20),
      encoder.encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    ];
    for (const bytes of cases) expect(codeOf(() => parseKeyCard(bytes))).toBe('PKG_CARD_MALFORMED');
  });

  it('confirms a fingerprint read over the phone, in any common spelling', () => {
    const spoken = formatFingerprint(office.card.fingerprint).toLowerCase().replaceAll(' ', '-');
    expect(codeOf(() => confirmCardFingerprint(office.card, spoken))).toBe('accepted');
    const other = makeOffice(communeUnit, 2);
    expect(codeOf(() => confirmCardFingerprint(office.card, other.card.fingerprint))).toBe('PKG_FINGERPRINT_DIFFERENT');
    expect(codeOf(() => confirmCardFingerprint(office.card, '3F2A 9C10'))).toBe('PKG_FINGERPRINT_FORMAT');
  });
});

describe('key rotation', () => {
  const old = makeOffice(communeUnit, 10);
  const nextIdentity = generateOfficeIdentity();
  const rotated = createKeyCard({
    unit: communeUnit,
    identity: nextIdentity,
    predecessor: { card: old.card, signingPrivateKey: old.identity.signingPrivateKey },
  });

  it('is accepted by whoever trusts the old card, after a trip through the file', () => {
    const parsed = parseKeyCard(encodeKeyCard(rotated));
    expect(parsed.replaces?.fingerprint).toBe(old.card.fingerprint);
    expect(parsed.fingerprint).not.toBe(old.card.fingerprint);
    expect(codeOf(() => verifyCardRotation(parsed, old.card))).toBe('accepted');
  });

  it('is refused when the rotation signature was made by some other key', () => {
    const intruder = generateOfficeIdentity();
    const forged: KeyCard = {
      ...rotated,
      replaces: { fingerprint: old.card.fingerprint, signature: signBytes(intruder.signingPrivateKey, cardSignedBytes(rotated)) },
    };
    const parsed = parseKeyCard(encodeKeyCard(forged));
    expect(codeOf(() => verifyCardRotation(parsed, old.card))).toBe('PKG_CARD_BAD_ROTATION_SIGNATURE');
  });

  it('is refused when one byte of the rotation signature changed in the file', () => {
    const file = editCardFile(rotated, (raw) => {
      const replaces = raw.replaces as { signature: string };
      replaces.signature = `${replaces.signature.slice(0, 10)}${replaces.signature[10] === '0' ? '1' : '0'}${replaces.signature.slice(11)}`;
    });
    expect(codeOf(() => verifyCardRotation(parseKeyCard(file), old.card))).toBe('PKG_CARD_BAD_ROTATION_SIGNATURE');
  });

  it('is refused when the rotation signature was moved onto a different new card', () => {
    const stolen = createKeyCard({ unit: communeUnit, identity: generateOfficeIdentity() });
    const grafted: KeyCard = { ...stolen, replaces: rotated.replaces };
    expect(codeOf(() => verifyKeyCard(grafted))).toBe('PKG_CARD_BAD_SIGNATURE');
  });

  it('is refused when the new card does not name the trusted card, or has no predecessor at all', () => {
    const unrelated = makeOffice(communeUnit, 11);
    expect(codeOf(() => verifyCardRotation(rotated, unrelated.card))).toBe('PKG_CARD_NOT_ROTATION');
    expect(codeOf(() => verifyCardRotation(makeOffice(communeUnit, 12).card, old.card))).toBe('PKG_CARD_NOT_ROTATION');
  });

  it('is refused across units: a key may only be rotated within its own unit', () => {
    expect(
      codeOf(() =>
        createKeyCard({
          unit: otherCommuneUnit,
          identity: nextIdentity,
          predecessor: { card: old.card, signingPrivateKey: old.identity.signingPrivateKey },
        }),
      ),
    ).toBe('PKG_CARD_NOT_ROTATION');
  });

  it('is refused when the predecessor key given does not belong to the predecessor card', () => {
    expect(
      codeOf(() =>
        createKeyCard({
          unit: communeUnit,
          identity: nextIdentity,
          predecessor: { card: old.card, signingPrivateKey: nextIdentity.signingPrivateKey },
        }),
      ),
    ).toBe('PKG_KEY_INVALID');
  });
});
