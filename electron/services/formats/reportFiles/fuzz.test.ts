import { describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { bytesEqual } from './encoding';
import { type ContainerLayout, readContainer, resolveLimits } from './format';
import { sealPackage } from './seal';
import {
  communeUnit,
  jsonPart,
  makeOffice,
  otherCommuneUnit,
  provinceUnit,
  receiverOf,
  sampleDocx,
  samplePdf,
  samplePeriod,
  sampleReport,
  seededRandom,
  trustStore,
} from '../../../testkit/reportFiles';
import { type VerifyOptions, inspectPackage, verifyPackage } from './verify';

// Reproduce a failure with SO86_FUZZ_SEED=<seed printed in the failure>; run longer with SO86_FUZZ_ITERATIONS.
const seed = Number(process.env.SO86_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const iterations = Number(process.env.SO86_FUZZ_ITERATIONS ?? 10_000);

const commune = makeOffice(communeUnit, 301);
const otherCommune = makeOffice(otherCommuneUnit, 302);
const province = makeOffice(provinceUnit, 303);
const options: VerifyOptions<unknown[]> = { lookupSigner: trustStore([commune, otherCommune]), receiver: receiverOf(province) };

function seal(office: typeof commune, encrypted: boolean): Uint8Array {
  return sealPackage({
    kind: 'report',
    unit: office.unit,
    period: samplePeriod,
    round: '626-CV/BTCTW',
    appVersion: '0.1.0',
    identity: office.identity,
    recipientCard: encrypted ? province.card : null,
    parts: {
      'report.json': jsonPart(sampleReport(office.unit)),
      'details.json': jsonPart([{ tripCode: 'CD-1', countries: ['LA', 'TH'] }]),
      'documents/report.docx': sampleDocx,
      'documents/report.pdf': samplePdf,
    },
  });
}

type Random = ReturnType<typeof seededRandom>;

interface Subject {
  bytes: Uint8Array;
  layout: ContainerLayout;
  /** Another valid package to splice from: same signer, other content, or another signer. */
  donors: Uint8Array[];
}

function lengthFieldOffsets(layout: ContainerLayout): { offset: number; width: 2 | 4 }[] {
  return [
    { offset: 8, width: 2 },
    { offset: layout.manifestLengthOffset, width: 4 },
    { offset: layout.partCountOffset, width: 2 },
    ...layout.parts.flatMap((part) => [
      { offset: part.nameLengthOffset, width: 2 as const },
      { offset: part.dataLengthOffset, width: 4 as const },
    ]),
  ];
}

function splice(target: Uint8Array, at: number, removed: number, inserted: Uint8Array): Uint8Array {
  const out = new Uint8Array(target.length - removed + inserted.length);
  out.set(target.subarray(0, at), 0);
  out.set(inserted, at);
  out.set(target.subarray(at + removed), at + inserted.length);
  return out;
}

const mutators: Record<string, (input: Uint8Array, subject: Subject, random: Random) => Uint8Array> = {
  bitFlips(input, _subject, random) {
    const out = Uint8Array.from(input);
    const flips = 1 + random.int(4);
    for (let index = 0; index < flips; index += 1) out[random.int(out.length)]! ^= 1 << random.int(8);
    return out;
  },
  interestingByte(input, _subject, random) {
    const out = Uint8Array.from(input);
    const values = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x22, 0x5c, 0x2f, 0x2e, 0x7b, 0x5b];
    out[random.int(out.length)] = values[random.int(values.length)]!;
    return out;
  },
  truncate(input, _subject, random) {
    return input.subarray(0, random.int(input.length));
  },
  insert(input, _subject, random) {
    return splice(input, random.int(input.length + 1), 0, random.bytes(1 + random.int(16)));
  },
  remove(input, _subject, random) {
    // An earlier step may have truncated everything away.
    if (input.length === 0) return Uint8Array.from(input);
    const at = random.int(input.length);
    return splice(input, at, 1 + random.int(Math.min(64, input.length - at)), new Uint8Array(0));
  },
  duplicateRange(input, _subject, random) {
    const from = random.int(input.length);
    const chunk = input.slice(from, from + 1 + random.int(128));
    return splice(input, random.int(input.length + 1), 0, chunk);
  },
  spliceFromDonor(input, subject, random) {
    const donor = subject.donors[random.int(subject.donors.length)]!;
    const from = random.int(donor.length);
    const chunk = donor.slice(from, from + 1 + random.int(256));
    const at = random.int(input.length);
    return splice(input, at, random.int(Math.min(chunk.length + 8, input.length - at)), chunk);
  },
  donorTail(input, subject, random) {
    const donor = subject.donors[random.int(subject.donors.length)]!;
    const cut = random.int(Math.min(input.length, donor.length));
    return splice(input, cut, input.length - cut, donor.subarray(cut));
  },
  lengthField(input, subject, random) {
    const fields = lengthFieldOffsets(subject.layout).filter((field) => field.offset + field.width <= input.length);
    if (fields.length === 0) return Uint8Array.from(input);
    const field = fields[random.int(fields.length)]!;
    const out = Uint8Array.from(input);
    const view = new DataView(out.buffer);
    const current = field.width === 2 ? view.getUint16(field.offset) : view.getUint32(field.offset);
    const max = field.width === 2 ? 0xffff : 0xffff_ffff;
    const candidates = [
      0,
      1,
      current - 1,
      current + 1,
      current + 64,
      current - 64,
      max,
      max - 1,
      Math.floor(current / 2),
      current * 2,
      random.int(max + 1),
    ];
    const value = Math.min(max, Math.max(0, candidates[random.int(candidates.length)]!));
    if (field.width === 2) view.setUint16(field.offset, value);
    else view.setUint32(field.offset, value);
    return out;
  },
  swapRanges(input, _subject, random) {
    const size = 1 + random.int(32);
    if (input.length < size * 2) return Uint8Array.from(input);
    const a = random.int(input.length - size);
    const b = random.int(input.length - size);
    const out = Uint8Array.from(input);
    out.set(input.subarray(b, b + size), a);
    out.set(input.subarray(a, a + size), b);
    return out;
  },
};
const mutatorNames = Object.keys(mutators);

describe('fuzzing verification', () => {
  it(`never crashes and never accepts a modified package (seed ${seed}, ${iterations} iterations per package)`, () => {
    const random = seededRandom(seed);
    const plain = seal(commune, false);
    const encrypted = seal(commune, true);
    const subjects: Subject[] = [plain, encrypted].map((bytes) => ({
      bytes,
      layout: readContainer(bytes, resolveLimits()).layout,
      donors: [seal(commune, bytes === encrypted), seal(otherCommune, bytes === encrypted), bytes === plain ? encrypted : plain],
    }));
    for (const subject of subjects) expect(verifyPackage(subject.bytes, options).report).not.toBeNull();

    const failures: string[] = [];
    const codes = new Map<string, number>();
    let unchanged = 0;
    for (let iteration = 0; iteration < iterations * subjects.length && failures.length < 5; iteration += 1) {
      const subject = subjects[iteration % subjects.length]!;
      const steps = 1 + (random.next() < 0.25 ? random.int(3) : 0);
      let mutated = subject.bytes;
      const applied: string[] = [];
      for (let step = 0; step < steps; step += 1) {
        const name = mutatorNames[random.int(mutatorNames.length)]!;
        applied.push(name);
        mutated = mutators[name]!(mutated, subject, random);
      }
      // A splice can rebuild a whole genuine package (the original or a donor): not a modification.
      if (bytesEqual(mutated, subject.bytes) || subject.donors.some((donor) => bytesEqual(mutated, donor))) {
        unchanged += 1;
        continue;
      }
      const trusted = random.next() < 0.8;
      try {
        if (trusted) verifyPackage(mutated, options);
        else inspectPackage(mutated, { receiver: options.receiver });
        failures.push(`iteration ${iteration} (${applied.join(' + ')}): a modified package was accepted`);
      } catch (error) {
        if (error instanceof DomainError) codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
        else failures.push(`iteration ${iteration} (${applied.join(' + ')}): threw ${String(error)}`);
      }
    }
    expect(failures, `fuzz failures; reproduce with SO86_FUZZ_SEED=${seed}`).toEqual([]);
    const refused = [...codes.values()].reduce((sum, count) => sum + count, 0);
    expect(refused + unchanged).toBe(iterations * subjects.length);
    expect(codes.size, `refusal codes seen: ${[...codes.keys()].join(', ')}`).toBeGreaterThanOrEqual(8);
  });
});
