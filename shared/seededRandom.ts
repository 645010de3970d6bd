/**
 * A small, fast, seedable generator (mulberry32) with the draws made-up data needs. The same
 * seed always gives the same sequence on every platform, so failures replay from the printed
 * seed and demonstration data can be made again exactly.
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [0, below). */
  int(below: number): number;
  /** A whole number in [min, max], both included. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the values, each as likely as its weight. */
  weighted<T>(table: readonly (readonly [T, number])[]): T;
  bytes(length: number): Uint8Array;
  /** An independent generator for one part of the whole (a unit, a member), so parts do not shift each other's draws. */
  derive(label: number | string): SeededRandom;
}

/** Mixes a label into a seed (FNV-1a over the label, then a murmur3 finaliser). */
export function deriveSeed(seed: number, label: number | string): number {
  let hash = (seed ^ 0x811c9dc5) >>> 0;
  const text = String(label);
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  return (hash ^ (hash >>> 16)) >>> 0;
}

// A class rather than closures: made-up data derives hundreds of thousands of generators.
class Mulberry32 implements SeededRandom {
  private state: number;

  constructor(private readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Nothing to pick from');
    return items[this.int(items.length)]!;
  }

  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of table) total += weight;
    let draw = this.next() * total;
    for (const [value, weight] of table) {
      draw -= weight;
      if (draw < 0) return value;
    }
    return table[table.length - 1]![0];
  }

  /** Bound, so it can be handed on as a source of random bytes. */
  readonly bytes = (length: number): Uint8Array => {
    const bytes = new Uint8Array(length);
    for (let index = 0; index < length; index += 1) bytes[index] = this.int(256);
    return bytes;
  };

  derive(label: number | string): SeededRandom {
    return new Mulberry32(deriveSeed(this.seed, label));
  }
}

export function seededRandom(seed: number): SeededRandom {
  return new Mulberry32(seed);
}
