/** Builds a string from the first `length` UTF-16 code units of a buffer, in chunks small enough for `apply`. */
export function stringFromCodeUnits(units: Uint16Array, length: number): string {
  const chunk = 8192;
  if (length <= chunk) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  let text = '';
  for (let start = 0; start < length; start += chunk) {
    text += String.fromCharCode.apply(null, units.subarray(start, Math.min(length, start + chunk)) as unknown as number[]);
  }
  return text;
}
