import { randomBytes } from './random';

const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Time-ordered UUID (RFC 9562 version 7): records made by different units sort by
 * creation time and never collide when their reports are combined.
 */
export function newId(now: number = Date.now(), random: (length: number) => Uint8Array = randomBytes): string {
  const bytes = random(16);
  let time = now;
  for (let index = 5; index >= 0; index -= 1) {
    bytes[index] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let id = '';
  for (let index = 0; index < 16; index += 1) {
    if (index === 4 || index === 6 || index === 8 || index === 10) id += '-';
    id += hexOfByte[bytes[index]!];
  }
  return id;
}
