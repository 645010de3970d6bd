/** The Web Crypto random source, present both in Node 20+ and in the renderer. */
interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array;
}

/** Bytes drawn from the source at once: an import makes hundreds of thousands of identifiers, and each call to the source costs microseconds. */
const poolSize = 4096;
let pool: Uint8Array = new Uint8Array(0);
let used = 0;

function source(): RandomSource {
  return (globalThis as unknown as { crypto: RandomSource }).crypto;
}

export function randomBytes(length: number): Uint8Array {
  if (length > poolSize) return source().getRandomValues(new Uint8Array(length));
  if (used + length > pool.length) {
    pool = source().getRandomValues(new Uint8Array(poolSize));
    used = 0;
  }
  const bytes = pool.slice(used, used + length);
  used += length;
  return bytes;
}
