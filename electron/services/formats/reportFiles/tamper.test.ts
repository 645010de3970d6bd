import { describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { sealPackage } from './seal';
import {
  communeUnit,
  jsonPart,
  makeOffice,
  provinceUnit,
  receiverOf,
  samplePdf,
  samplePeriod,
  sampleReport,
  trustStore,
} from '../../../testkit/reportFiles';
import { type VerifyOptions, verifyPackage } from './verify';

const commune = makeOffice(communeUnit, 201);
const province = makeOffice(provinceUnit, 202);
const options: VerifyOptions<unknown[]> = { lookupSigner: trustStore([commune]), receiver: receiverOf(province) };

function smallPackage(encrypted: boolean): Uint8Array {
  return sealPackage({
    kind: 'report',
    unit: communeUnit,
    period: samplePeriod,
    round: '626-CV/BTCTW',
    appVersion: '0.1.0',
    identity: commune.identity,
    recipientCard: encrypted ? province.card : null,
    parts: {
      'report.json': jsonPart(sampleReport(communeUnit)),
      'details.json': jsonPart([{ tripCode: 'CD-1' }]),
      'documents/report.pdf': samplePdf,
    },
    createdAt: '2026-07-03T02:15:00.000Z',
  });
}

/** The refusal code, or 'accepted'; anything thrown that is not a DomainError is a failure. */
function outcome(bytes: Uint8Array): string {
  try {
    verifyPackage(bytes, options);
    return 'accepted';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    return `crash: ${String(error)}`;
  }
}

// Two changes per byte: the lowest bit, which often leaves text valid (a hex digit or letter
// becomes its neighbour), and every bit at once, which rarely does.
const changes = [0x01, 0xff];

describe.each([
  ['plain', false],
  ['encrypted', true],
])('a %s package', (_label, encrypted) => {
  const original = smallPackage(encrypted as boolean);

  it('is accepted unchanged', () => {
    expect(outcome(original)).toBe('accepted');
  });

  it('is refused with a domain error after any one byte changes, at every offset', () => {
    const codes = new Map<string, number>();
    const accepted: string[] = [];
    for (let offset = 0; offset < original.length; offset += 1) {
      for (const change of changes) {
        const tampered = Uint8Array.from(original);
        tampered[offset]! ^= change;
        const code = outcome(tampered);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (code === 'accepted' || code.startsWith('crash')) accepted.push(`offset ${offset} xor ${change}: ${code}`);
      }
    }
    expect(accepted).toEqual([]);
    expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(original.length * changes.length);
    // Each region of the file is guarded by its own check.
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining([
        'PKG_NOT_A_PACKAGE',
        'PKG_VERSION_UNSUPPORTED',
        'PKG_MANIFEST_INVALID',
        'PKG_BAD_SIGNATURE',
        'PKG_PART_HASH_MISMATCH',
      ]),
    );
  });

  it('is refused when cut short at any length', () => {
    const accepted: number[] = [];
    for (let length = 0; length < original.length; length += 1) {
      const code = outcome(original.subarray(0, length));
      if (code === 'accepted' || code.startsWith('crash')) accepted.push(length);
    }
    expect(accepted).toEqual([]);
  });

  it('is refused with any single byte inserted at any offset', () => {
    const accepted: number[] = [];
    for (let offset = 0; offset <= original.length; offset += 1) {
      const longer = new Uint8Array(original.length + 1);
      longer.set(original.subarray(0, offset), 0);
      longer[offset] = original[offset] ?? 0;
      longer.set(original.subarray(offset), offset + 1);
      const code = outcome(longer);
      if (code === 'accepted' || code.startsWith('crash')) accepted.push(offset);
    }
    expect(accepted).toEqual([]);
  });
});
