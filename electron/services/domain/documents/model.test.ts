import { describe, expect, it } from 'vitest';
import { cellText, placeCells, textWidthMm } from './model';

describe('placeCells', () => {
  it('skips the columns that cells spanning down from the row above still occupy', () => {
    const header = [
      [
        { value: 'STT', rowSpan: 2 },
        { value: 'Năm', rowSpan: 2 },
        { value: 'Lao động', colSpan: 3 },
        { value: 'Doanh nghiệp', colSpan: 3 },
      ],
      [{ value: 'a' }, { value: 'b' }, { value: 'c' }, { value: 'd' }, { value: 'e' }, { value: 'f' }],
      [{ value: 1 }, { value: 'Năm 2023' }],
    ];
    expect(placeCells(header).map((row) => row.map((placed) => placed.column))).toEqual([
      [0, 1, 2, 5],
      [2, 3, 4, 5, 6, 7],
      [0, 1],
    ]);
  });
});

describe('cellText', () => {
  it('prints numbers the Vietnamese way and empty cells as nothing', () => {
    expect(cellText(2542)).toBe('2.542');
    expect(cellText(0)).toBe('0');
    expect(cellText(null)).toBe('');
    expect(cellText('Tổng cộng')).toBe('Tổng cộng');
  });
});

describe('textWidthMm', () => {
  it('subtracts the side margins from the A4 width of the orientation', () => {
    const margins = { top: 20, bottom: 20, left: 30, right: 15 };
    expect(textWidthMm('portrait', margins)).toBe(165);
    expect(textWidthMm('landscape', margins)).toBe(252);
  });
});
