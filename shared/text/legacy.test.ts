import { describe, expect, it } from 'vitest';
import {
  decodeTextFile,
  decodeWindows1252,
  encodeLegacy,
  isVietnameseSyllable,
  legacyFontOf,
  legacyToUnicode,
  repairLegacyFields,
  repairLegacyText,
} from './legacy';
import { tcvn3Characters, vniSequences, windows1252High, windows1258Differences } from './legacyTables';
import { vietnameseLetters, withTone } from './letters';

const lowerLetters = vietnameseLetters.slice(0, 67);
const upperLetters = vietnameseLetters.slice(67);
const tcvn3Capitals = ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'];

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));
const legacyString = (text: string, encoding: 'tcvn3' | 'vni') => decodeWindows1252(encodeLegacy(text, encoding));

function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return Uint8Array.from(out);
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = littleEndian ? [0xff, 0xfe] : [0xfe, 0xff];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    out.push(...(littleEndian ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return Uint8Array.from(out);
}

/** Real text, each written out by hand as its legacy program stored it. */
const tcvn3Samples: [legacy: string, unicode: string][] = [
  ['§¶ng Céng s¶n ViÖt Nam', 'Đảng Cộng sản Việt Nam'],
  ['NguyÔn ThÞ H\u00adêng', 'Nguyễn Thị Hường'],
  ['Ph\u00adêng B×nh §øc', 'Phường Bình Đức'],
  ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
  ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
  ['§¶ng viªn ra n\u00adíc ngoµi v× viÖc riªng', 'Đảng viên ra nước ngoài vì việc riêng'],
];

const vniSamples: [legacy: string, unicode: string][] = [
  ['Ñaûng Coäng saûn Vieät Nam', 'Đảng Cộng sản Việt Nam'],
  ['Nguyeãn Thò Höôøng', 'Nguyễn Thị Hường'],
  ['Phöôøng Bình Ñöùc', 'Phường Bình Đức'],
  ['COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['Ñaëng Thò Hoaø, Ñaøo Thuyù, Tröông Myõ Kyø', 'Đặng Thị Hoà, Đào Thuý, Trương Mỹ Kỳ'],
];

const unicodeTexts = [
  'Đảng Cộng sản Việt Nam',
  'Quy định 86-QĐ/TW ngày 28/10/2022 của Ban Bí thư về nhiệm vụ của đảng viên và công tác quản lý đảng viên ra nước ngoài',
  'Thực hiện Công văn số 626-CV/BTCTW, Ban Thường vụ Đảng ủy báo cáo như sau.',
  'Đồng chí đã nộp báo cáo kết quả chuyến đi đúng hạn.',
  'Nguyễn Thị Hường'.normalize('NFD'),
  'ĐV-001',
  'Hello world, this is plain English text (with punctuation!).',
  'café au lait, Müller, São Paulo, señor, naïve, Ærø',
  'Tô Lâm',
  'Bình',
  'Hà',
  'có',
  '2026-05-31',
  '“Trích dẫn” — dấu gạch dài…',
];

describe('legacy tables', () => {
  it('TCVN3 (VN3) assigns the no-break space, the seven plain capitals and the 67 lower-case letters', () => {
    expect(tcvn3Characters.size).toBe(75);
    const characters = [...tcvn3Characters.values()];
    expect(new Set(characters).size).toBe(75);
    expect(characters.filter((character) => character !== '\u00a0').sort()).toEqual([...lowerLetters, ...tcvn3Capitals].sort());
  });

  it('TCVN3 places letters at the codes of the standard, row by row of its code chart', () => {
    // 0xA0–0xFF as printed in TCVN 5712:1993 VN3; "·" marks a code VN3 leaves unassigned.
    const chart = [
      '\u00a0ĂÂÊÔƠƯĐăâêôơưđ·',
      '·····àảãáạ·ằẳẵắ·',
      '······ặầẩẫấậè·ẻẽ',
      'éẹềểễếệìỉ···ĩíịò',
      '·ỏõóọồổỗốộờởỡớợù',
      '·ủũúụừửữứựỳỷỹýỵ·',
    ].join('');
    for (let code = 0xa0; code <= 0xff; code += 1) {
      const expected = chart[code - 0xa0] === '·' ? undefined : chart[code - 0xa0];
      expect([code.toString(16), tcvn3Characters.get(code)]).toEqual([code.toString(16), expected]);
    }
  });

  it('VNI writes each vowel as the VNI-Times layout does, in keyboard order: plain, sắc, huyền, hỏi, ngã, nặng', () => {
    const layout: Record<string, string> = {
      a: 'a aù aø aû aõ aï',
      ă: 'aê aé aè aú aü aë',
      â: 'aâ aá aà aå aã aä',
      e: 'e eù eø eû eõ eï',
      ê: 'eâ eá eà eå eã eä',
      i: 'i í ì æ ó ò',
      o: 'o où oø oû oõ oï',
      ô: 'oâ oá oà oå oã oä',
      ơ: 'ô ôù ôø ôû ôõ ôï',
      u: 'u uù uø uû uõ uï',
      ư: 'ö öù öø öû öõ öï',
      y: 'y yù yø yû yõ î',
    };
    const keyboardTones = [0, 4, 1, 2, 3, 5] as const;
    for (const [vowel, sequences] of Object.entries(layout)) {
      sequences.split(' ').forEach((sequence, key) => {
        const letter = withTone(vowel, keyboardTones[key]!);
        expect([letter, letter.charCodeAt(0) < 0x80 ? sequence : vniSequences.get(letter)]).toEqual([letter, sequence]);
      });
    }
    expect(vniSequences.get('đ')).toBe('ñ');
  });

  it('VNI has one distinct sequence for each of the 67 lower-case letters', () => {
    expect([...vniSequences.keys()].sort()).toEqual([...lowerLetters].sort());
    expect(new Set(vniSequences.values()).size).toBe(67);
    expect(vniSequences.get('ặ')).toBe('aë');
    expect(vniSequences.get('ơ')).toBe('ô');
    expect(vniSequences.get('ỵ')).toBe('î');
  });
});

describe('round trips of all 134 letters', () => {
  it('VNI: every letter, both cases, encodes and decodes back', () => {
    for (const letter of vietnameseLetters) {
      expect([letter, legacyToUnicode(legacyString(letter, 'vni'), 'vni')]).toEqual([letter, letter]);
    }
    expect(legacyString('Ẳ', 'vni')).toBe('AÚ');
    expect(legacyString('Ự', 'vni')).toBe('ÖÏ');
    expect(legacyString('Ỉ', 'vni')).toBe('Æ');
    expect(legacyString('Đ', 'vni')).toBe('Ñ');
  });

  it('TCVN3: lower-case letters and the seven plain capitals decode back exactly', () => {
    for (const letter of [...lowerLetters, ...tcvn3Capitals]) {
      expect(encodeLegacy(letter, 'tcvn3')).toHaveLength(1);
      expect([letter, legacyToUnicode(legacyString(letter, 'tcvn3'), 'tcvn3')]).toEqual([letter, letter]);
    }
  });

  it('TCVN3: capitals with tones share the lower-case code and come back as capitals inside a word in capitals', () => {
    for (const letter of upperLetters.filter((upper) => !tcvn3Capitals.includes(upper))) {
      const lower = letter.toLowerCase();
      expect(encodeLegacy(letter, 'tcvn3')).toEqual(encodeLegacy(lower, 'tcvn3'));
      expect(legacyToUnicode(legacyString(letter, 'tcvn3'), 'tcvn3')).toBe(lower);
      expect(legacyToUnicode(legacyString(`NG${letter}N`, 'tcvn3'), 'tcvn3')).toBe(`NG${letter}N`);
    }
  });

  it('the whole alphabet survives as one text in both encodings', () => {
    const alphabet = vietnameseLetters.join(' ');
    expect(legacyToUnicode(legacyString(alphabet, 'vni'), 'vni')).toBe(alphabet);
    expect(legacyToUnicode(legacyString(lowerLetters.join(''), 'tcvn3'), 'tcvn3')).toBe(lowerLetters.join(''));
  });
});

describe('real text written by hand in legacy form', () => {
  it.each(tcvn3Samples)('TCVN3 %s', (legacy, unicode) => {
    expect(legacyString(unicode, 'tcvn3')).toBe(legacy);
    expect(repairLegacyText(legacy)).toEqual({ text: unicode, encoding: 'tcvn3' });
    expect(decodeTextFile(encodeLegacy(unicode, 'tcvn3'))).toEqual({ text: unicode, encoding: 'tcvn3' });
  });

  it.each(vniSamples)('VNI %s', (legacy, unicode) => {
    expect(legacyString(unicode, 'vni')).toBe(legacy);
    expect(repairLegacyText(legacy)).toEqual({ text: unicode, encoding: 'vni' });
    expect(decodeTextFile(encodeLegacy(unicode, 'vni'))).toEqual({ text: unicode, encoding: 'vni' });
  });

  it('decodes raw bytes of a CSV line', () => {
    const tcvn3Line = bytes(...ascii('DV01,'), 0xa7, 0xb6, ...ascii('ng vi'), 0xaa, ...ascii('n\r\n'));
    expect(decodeTextFile(tcvn3Line)).toEqual({ text: 'DV01,Đảng viên\r\n', encoding: 'tcvn3' });
    const vniLine = bytes(...ascii('DV02,'), 0xd1, 0x61, 0xfb, ...ascii('ng vie'), 0xe2, ...ascii('n\n'));
    expect(decodeTextFile(vniLine)).toEqual({ text: 'DV02,Đảng viên\n', encoding: 'vni' });
  });

  it('accepts Latin-1 control characters where Windows-1252 has punctuation (old .xls strings)', () => {
    expect(repairLegacyText('\u0093§¶ng\u0094').text).toBe('\u201cĐảng\u201d');
  });
});

describe('capitals in TCVN3', () => {
  it('restores capitals in words and lines written in capitals', () => {
    expect(repairLegacyText('NGUYÔN V¡N HïNG').text).toBe('NGUYỄN VĂN HÙNG');
    expect(repairLegacyText('Hµ NéI').text).toBe('HÀ NỘI');
    expect(repairLegacyText('Phßng Tæ CHøC').text).toBe('Phòng Tổ CHỨC');
  });

  it('keeps lower case where the case cannot be told', () => {
    expect(repairLegacyText('§µ N½ng').text).toBe('Đà Nẵng');
    expect(repairLegacyText('Hµ').text).toBe('Hà');
    expect(repairLegacyText('ñy ban nh©n d©n').text).toBe('ủy ban nhân dân');
  });
});

describe('text that must pass through unchanged', () => {
  it.each(unicodeTexts)('%s', (text) => {
    expect(repairLegacyText(text)).toEqual({ text, encoding: null });
    expect(decodeTextFile(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('single-byte text with no letters outside ASCII decodes as Windows-1252', () => {
    expect(decodeTextFile(bytes(...ascii('DV01,'), 0x93, ...ascii('An'), 0x94, 0x96, 0x85))).toEqual({
      text: 'DV01,\u201cAn\u201d\u2013\u2026',
      encoding: 'windows-1252',
    });
  });
});

describe('repairLegacyText with an assumed encoding', () => {
  it('converts a text that reads equally well both ways', () => {
    expect(repairLegacyText('Tó')).toEqual({ text: 'Tó', encoding: null });
    expect(repairLegacyText('Tó', 'tcvn3')).toEqual({ text: 'Tú', encoding: 'tcvn3' });
  });

  it('still refuses a reading that is worse than the text as it is', () => {
    expect(repairLegacyText('Nguyễn Văn Bình', 'tcvn3')).toEqual({ text: 'Nguyễn Văn Bình', encoding: null });
    expect(repairLegacyText('Bình', 'tcvn3')).toEqual({ text: 'Bình', encoding: null });
  });
});

describe('repairLegacyFields', () => {
  it('decides over the whole file and converts undecided fields of a legacy file', () => {
    const result = repairLegacyFields(['DV001', 'Lª V¨n Tó', 'Tó', 'Hµ Néi', '1985-03-02']);
    expect(result).toEqual({ values: ['DV001', 'Lê Văn Tú', 'Tú', 'Hà Nội', '1985-03-02'], encoding: 'tcvn3', repaired: 3 });
  });

  it('leaves undecided fields alone when the file mixes Unicode and legacy text', () => {
    const result = repairLegacyFields(['Lª V¨n Tó', 'NguyÔn ThÞ H\u00adêng', 'Bình', 'Tô Lâm', 'Nguyễn Văn An']);
    expect(result).toEqual({
      values: ['Lê Văn Tú', 'Nguyễn Thị Hường', 'Bình', 'Tô Lâm', 'Nguyễn Văn An'],
      encoding: 'tcvn3',
      repaired: 2,
    });
  });

  it('changes nothing in a Unicode file', () => {
    expect(repairLegacyFields(unicodeTexts)).toEqual({ values: unicodeTexts, encoding: null, repaired: 0 });
  });

  it('finds VNI across fields', () => {
    expect(repairLegacyFields(vniSamples.map(([legacy]) => legacy))).toEqual({
      values: vniSamples.map(([, unicode]) => unicode),
      encoding: 'vni',
      repaired: vniSamples.length,
    });
  });
});

describe('decodeTextFile', () => {
  const text = 'Đảng viên, 𠀀 và 😀';

  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeTextFile(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeTextFile(bytes(0xef, 0xbb, 0xbf, ...utf8(text)))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-16 in both byte orders with a byte order mark', () => {
    expect(decodeTextFile(utf16(text, true))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeTextFile(utf16(text, false))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('replaces unpaired surrogates in UTF-16 and bad sequences after a UTF-8 byte order mark', () => {
    expect(decodeTextFile(bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00))?.text).toBe('A\ufffdB');
    expect(decodeTextFile(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x42))?.text).toBe('A\ufffdB');
  });

  it('rejects overlong and surrogate UTF-8 forms and falls back to a single-byte reading', () => {
    expect(decodeTextFile(bytes(0xc0, 0xaf))).toEqual({ text: 'À¯', encoding: 'windows-1252' });
    expect(decodeTextFile(bytes(...ascii('Nguy'), 0xea, 0xde, ...ascii('n '), 0xed, 0xa0, 0x80))).toEqual({
      text: 'Nguyễn í\u00a0€',
      encoding: 'windows-1258',
    });
    expect(decodeTextFile(bytes(...ascii('Nguy'), 0xea, 0xde, ...ascii('n '), 0xf4, 0x90, 0x80, 0x80))).toEqual({
      text: 'Nguyễn ô\u0090€€',
      encoding: 'windows-1258',
    });
  });

  it('decodes a large file', () => {
    const line = 'DV001,Nguyễn Thị Hường,nữ,1985-03-02\n';
    const large = line.repeat(20_000);
    expect(decodeTextFile(utf8(large))?.text).toBe(large);
    const legacy = decodeTextFile(encodeLegacy(large, 'tcvn3'));
    expect(legacy).toEqual({ text: large, encoding: 'tcvn3' });
  });
});

/** The bytes of a file as written, ASCII text and single bytes above 0x7F, each spelled out. */
const fileBytes = (...parts: (string | number)[]) =>
  bytes(...parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : [part])));

describe('Windows-1258: what Excel saves as "CSV" on a Vietnamese Windows', () => {
  it('has the code page Windows publishes (checked against the WHATWG decoder)', () => {
    const reference = new TextDecoder('windows-1258');
    for (let byte = 0x80; byte <= 0xff; byte += 1) {
      const ours =
        windows1258Differences.get(byte) ?? (byte < 0xa0 ? windows1252High.charAt(byte - 0x80) : String.fromCharCode(byte));
      expect([byte, ours]).toEqual([byte, reference.decode(bytes(byte))]);
    }
  });

  // Written byte by byte as Windows writes them: a letter the code page holds whole (à 0xE0, á 0xE1,
  // â 0xE2, ê 0xEA, ô 0xF4, ù 0xF9, Á 0xC1) is one byte, any other toned letter is its base letter
  // (ă 0xE3, ơ 0xF5, ư 0xFD, Đ 0xD0) followed by its mark: huyền 0xCC, hỏi 0xD2, ngã 0xDE, sắc 0xEC, nặng 0xF2.
  // prettier-ignore
  const excelCsv = fileBytes(
    'member_code;H', 'o', 0xf2, ' v', 0xe0, ' t', 0xea, 'n;Chi b', 0xf4, 0xf2, '\r\n',
    'DV-1;Nguy', 0xea, 0xde, 'n V', 0xe3, 'n H', 0xf9, 'ng;Chi b', 0xf4, 0xf2, ' ', 0xe2, 0xec, 'p T', 0xe2, 'y\r\n',
    'DV-2;Tr', 0xe2, 0xcc, 'n Th', 'i', 0xf2, ' H', 0xfd, 0xf5, 0xcc, 'ng;Chi b', 0xf4, 0xf2, ' H', 0xe0, ' N', 0xf4, 0xf2, 'i\r\n',
    'DV-3;', 0xd0, 0xe3, 0xf2, 'ng Thu Th', 'u', 0xd2, 'y;Chi b', 0xf4, 0xf2, ' ', 0xd0, 0xf4, 0xec, 'ng\r\n',
    'DV-4;Ph', 'a', 0xf2, 'm Qu', 0xf4, 0xec, 'c Vi', 0xea, 0xf2, 't;Chi b', 0xf4, 0xf2, ' X', 0xf3, 'm M', 0xf5, 0xec, 'i\r\n',
    'DV-5;L', 0xea, ' Th', 'i', 0xf2, ' ', 0xc1, 'nh;Chi b', 0xf4, 0xf2, ' Tr', 0xfd, 0xf5, 0xcc, 'ng\r\n',
  );
  const unicode = [
    'member_code;Họ và tên;Chi bộ',
    'DV-1;Nguyễn Văn Hùng;Chi bộ ấp Tây',
    'DV-2;Trần Thị Hường;Chi bộ Hà Nội',
    'DV-3;Đặng Thu Thủy;Chi bộ Đống',
    'DV-4;Phạm Quốc Việt;Chi bộ Xóm Mới',
    'DV-5;Lê Thị Ánh;Chi bộ Trường',
    '',
  ].join('\r\n');

  it('is told apart from VNI and TCVN3 and read as composed Unicode', () => {
    const decoded = decodeTextFile(excelCsv);
    expect(decoded).toEqual({ text: unicode, encoding: 'windows-1258' });
    expect(decoded!.text.normalize('NFC')).toBe(decoded!.text);
  });

  it('one name alone is enough', () => {
    expect(decodeTextFile(fileBytes('Nguy', 0xea, 0xde, 'n V', 0xe3, 'n H', 0xf9, 'ng'))).toEqual({
      text: 'Nguyễn Văn Hùng',
      encoding: 'windows-1258',
    });
  });

  it('the same text saved in VNI and TCVN3 still reads as those', () => {
    expect(decodeTextFile(encodeLegacy(unicode, 'vni'))).toEqual({ text: unicode, encoding: 'vni' });
    expect(decodeTextFile(encodeLegacy(unicode, 'tcvn3'))?.encoding).toBe('tcvn3');
  });
});

describe('a single-byte file whose encoding cannot be decided', () => {
  it('is not guessed', () => {
    // "Tó" in Windows-1252 or Windows-1258 is "Tú" in TCVN3: both are names.
    expect(decodeTextFile(fileBytes('DV-1,T', 0xf3))).toBeNull();
    expect(decodeTextFile(fileBytes('caf', 0xe9, ' M', 0xfc, 'ller ', 0x93, 0x94))).toBeNull();
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts well-formed syllables', () => {
    for (const word of [
      'nghiêng',
      'Quỳnh',
      'giữ',
      'gì',
      'khuya',
      'thuở',
      'rượu',
      'hoặc',
      'Hòa',
      'Hoà',
      'xoong',
      'Đức',
      'ĐẶNG',
      'y',
      'uống',
    ]) {
      expect([word, isVietnameseSyllable(word)]).toEqual([word, true]);
    }
  });

  it('rejects impossible onsets, rhymes, spellings and tones', () => {
    for (const word of ['café', 'Müller', 'ngh', 'kăn', 'ghô', 'cên', 'hoàc', 'mõt', 'Hµ', 'tiếngs', 'hóà']) {
      expect([word, isVietnameseSyllable(word)]).toEqual([word, false]);
    }
  });
});

describe('legacyFontOf', () => {
  it('names the encoding of legacy fonts and the all-capitals variants', () => {
    expect(legacyFontOf('.VnTime')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(legacyFontOf('.VnTimeH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(legacyFontOf('.VnArial NarrowH')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(legacyFontOf('VNI-Times')).toEqual({ encoding: 'vni', capitals: false });
    expect(legacyFontOf('Times New Roman')).toBeNull();
  });
});
