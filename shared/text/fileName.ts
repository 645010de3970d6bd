/**
 * Vietnamese text in plain ASCII for file names, which other systems, e-mail and USB sticks
 * must carry unchanged: every mark dropped, đ → d and Đ → D, case kept.
 * "Đặng Thị Hoà" gives "Dang Thi Hoa".
 */
export function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A name as one word of a file name: without marks, and nothing but ASCII letters and digits ("Đặng Thị Hoà" → "DangThiHoa"). */
export function fileNameStem(text: string): string {
  return withoutMarks(text).replace(/[^A-Za-z0-9]+/g, '');
}
