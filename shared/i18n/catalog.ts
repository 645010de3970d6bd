/** A message module: Vietnamese first, English with exactly the same keys. */
export function messages<const Vi extends Record<string, string>>(vi: Vi, en: { [Key in keyof Vi]: string }) {
  return { vi, en };
}
