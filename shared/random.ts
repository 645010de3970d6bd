/** The Web Crypto random source, present both in Node 20+ and in the renderer. */
interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array;
}

export function randomBytes(length: number): Uint8Array {
  const source = (globalThis as unknown as { crypto: RandomSource }).crypto;
  return source.getRandomValues(new Uint8Array(length));
}
