import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';

describe('CSV records', () => {
  it('splits quoted fields holding delimiters, doubled quotes and line breaks, under CRLF, LF or CR', () => {
    const text = 'a,"b, c","say ""hi"""\r\n"line\r\nbreak",,x\rlast,"",z';
    expect(parseCsv(text, ',')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['line\r\nbreak', '', 'x'],
      ['last', '', 'z'],
    ]);
  });

  it('keeps empty lines as empty records, so record numbers stay the rows a spreadsheet shows, and ignores a final line break', () => {
    expect(parseCsv('h1;h2\n\nv1;v2\n', ';')).toEqual([['h1', 'h2'], [''], ['v1', 'v2']]);
    expect(parseCsv('a,b,', ',')).toEqual([['a', 'b', '']]);
  });

  it('keeps text after a closing quote, as spreadsheets do, and reads an unclosed quote to the end', () => {
    expect(parseCsv('"ab"c,d\n"open, to end', ',')).toEqual([['abc', 'd'], ['open, to end']]);
  });
});

describe('the delimiter', () => {
  it('is the one used most on the first line outside quotes, or the one an Excel "sep=" line declares', () => {
    expect(detectDelimiter('mã;họ tên;"chi bộ, ấp"\n1,2,3,4')).toEqual({ delimiter: ';', skipFirstLine: false });
    expect(detectDelimiter('a,b\tc,d')).toEqual({ delimiter: ',', skipFirstLine: false });
    expect(detectDelimiter('a\tb\tc')).toEqual({ delimiter: '\t', skipFirstLine: false });
    expect(detectDelimiter('sep=;\r\na,b;c')).toEqual({ delimiter: ';', skipFirstLine: true });
    expect(detectDelimiter('single')).toEqual({ delimiter: ',', skipFirstLine: false });
  });
});
