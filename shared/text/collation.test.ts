import { describe, expect, it } from 'vitest';
import { compareNames, compareVietnamese, nameSortKey } from './collation';

const icu = new Intl.Collator('vi', { sensitivity: 'accent' });

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The reference order, written independently of the key: ICU's Vietnamese collation
 * (case-insensitive) on the given name, then on the rest, after the key's two documented
 * departures from ICU: a final oa/oe/uy read with the tone on its second letter, and the
 * look-alike eth read as đ.
 */
function nucleusTones(name: string): string {
  return name
    .normalize('NFD')
    .split(' ')
    .map((word) =>
      word
        .replace(/([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE])$/, '$1$3$2')
        .replace(/([uU])([\u0300\u0301\u0303\u0309\u0323])([yY])$/, '$1$3$2'),
    )
    .join(' ')
    .normalize('NFC')
    .replace(/Ð/g, 'Đ')
    .replace(/ð/g, 'đ');
}

function referenceCompare(a: string, b: string): number {
  const split = (name: string) => {
    const words = nucleusTones(name.replace(/\s+/g, ' ').trim()).split(' ');
    return { given: words.at(-1) ?? '', rest: words.slice(0, -1).join(' ') };
  };
  const left = split(a);
  const right = split(b);
  return icu.compare(left.given, right.given) || icu.compare(left.rest, right.rest);
}

const families = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Đào',
  'Lương',
  'Trương',
  'Mai',
  'Tô',
  'Hà',
  'Lã',
  'Ông',
  'Âu',
  'Ứng',
  'Ưng',
  'Đàm',
  'Ấu',
];
const middles = [
  'Văn',
  'Thị',
  'Đức',
  'Hữu',
  'Ngọc',
  'Minh',
  'Thanh',
  'Quốc',
  'Xuân',
  'Thu',
  'Kim',
  'Bảo',
  'Gia',
  'Như',
  'Diệu',
  'Mỹ',
  'Ánh',
  'Hồng',
  'Ý',
  'Ðình',
];
const givens = [
  'An',
  'Ân',
  'Ấn',
  'Anh',
  'Ánh',
  'Ảnh',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Đức',
  'Giang',
  'Hà',
  'Hạ',
  'Hải',
  'Hào',
  'Hoa',
  'Hòa',
  'Hoà',
  'Hóa',
  'Hoá',
  'Họa',
  'Hoạ',
  'Hỏa',
  'Hoả',
  'Hưng',
  'Hương',
  'Hường',
  'Huy',
  'Khoa',
  'Khỏe',
  'Khoẻ',
  'Khuê',
  'Lan',
  'Lâm',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngà',
  'Ngả',
  'Ngã',
  'Ngá',
  'Ngạ',
  'Ngân',
  'Ngọc',
  'Oanh',
  'Ơn',
  'Phúc',
  'Quý',
  'Qúy',
  'Quỳnh',
  'Sơn',
  'Tâm',
  'Thủy',
  'Thuỷ',
  'Thúy',
  'Thuý',
  'Thụy',
  'Thuỵ',
  'Trang',
  'Trúc',
  'Tú',
  'Uyên',
  'Ưng',
  'Ước',
  'Việt',
  'Xuân',
  'Yến',
  'Ý',
  'Ỷ',
  'Ỵ',
  'Ăn',
  'Ẩn',
];
const ethnicNames = ["H'Hen Niê", "Ksor H'Bơ", 'Y Moan Ênuôl', "Rơ Châm H'Yuôn", 'Nguyễn Thị Kim-Anh', 'Ka Sô Liễng', 'Thái'];

const alphabet = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyfjwz'];
const tonesNfd = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

function randomWord(next: () => number): string {
  const length = 1 + Math.floor(next() * 5);
  let word = '';
  for (let index = 0; index < length; index += 1) {
    const letter = alphabet[Math.floor(next() * alphabet.length)]!;
    const tone = next() < 0.4 ? tonesNfd[Math.floor(next() * tonesNfd.length)]! : '';
    word += (letter + tone).normalize('NFC');
  }
  return word;
}

/** Real-looking names plus random syllables, in random case, NFC or NFD, with stray spaces. */
function generatedNames(count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const names: string[] = [...ethnicNames];
  while (names.length < count) {
    const style = next();
    let name: string;
    if (style < 0.6) name = [pick(families), ...(next() < 0.8 ? [pick(middles)] : []), pick(givens)].join(' ');
    else if (style < 0.9) name = Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomWord(next)).join(' ');
    else name = `${pick(families)} ${randomWord(next)}${next() < 0.5 ? "'" : '-'}${randomWord(next)} ${Math.floor(next() * 20)}`;
    if (next() < 0.3) name = name.toUpperCase();
    else if (next() < 0.2) name = name.toLowerCase();
    if (next() < 0.3) name = name.normalize('NFD');
    if (next() < 0.2) name = `  ${name.replace(' ', '   ')} `;
    names.push(name);
  }
  return names;
}

describe('ICU Vietnamese collation, as the key assumes it', () => {
  it('orders the alphabet with ă â after a, đ after d, ê after e, ô ơ after o, ư after u', () => {
    const letters = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz'];
    expect([...letters].reverse().sort(icu.compare)).toEqual(letters);
  });

  it('orders tones ngang, huyền, hỏi, ngã, sắc, nặng, and compares them only after the letters', () => {
    expect(['ạ', 'á', 'ã', 'ả', 'à', 'a'].sort(icu.compare)).toEqual(['a', 'à', 'ả', 'ã', 'á', 'ạ']);
    expect(icu.compare('ạb', 'ac')).toBe(-1);
    expect(icu.compare('àa', 'aà')).toBe(1);
  });

  it('puts space before punctuation before digits before letters, and ignores case', () => {
    expect(['a', '9', '-', ' '].sort(icu.compare)).toEqual([' ', '-', '9', 'a']);
    expect(icu.compare('ĐẶNG', 'đặng')).toBe(0);
  });

  it('separates the old and new tone placements of one name, which the key merges', () => {
    expect(['họa', 'hóa', 'hòa', 'hoạ', 'hoá', 'hoà', 'hoa'].sort(icu.compare)).toEqual([
      'hoa',
      'hoà',
      'hoá',
      'hoạ',
      'hòa',
      'hóa',
      'họa',
    ]);
  });
});

describe('nameSortKey', () => {
  it('orders names by binary comparison of keys exactly as the reference comparator does', () => {
    const names = generatedNames(500, 86);
    const keys = names.map(nameSortKey);
    const mismatches: string[] = [];
    for (let i = 0; i < names.length; i += 1) {
      for (let j = i + 1; j < names.length; j += 1) {
        const byKey = Math.sign(keys[i]! < keys[j]! ? -1 : keys[i]! > keys[j]! ? 1 : 0);
        const byReference = Math.sign(referenceCompare(names[i]!, names[j]!));
        if (byKey !== byReference) mismatches.push(`${names[i]} | ${names[j]}: key ${byKey}, reference ${byReference}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('orders every printable ASCII character as ICU does', () => {
    const characters = Array.from({ length: 94 }, (_, index) => String.fromCharCode(0x21 + index));
    for (const a of characters) {
      for (const b of characters) {
        const byKey = nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0;
        expect([a, b, byKey]).toEqual([a, b, icu.compare(a, b)]);
      }
    }
  });

  it('lists people by given name first, then family and middle names', () => {
    const office = [
      'Nguyễn Văn An',
      'Trần Thị Ánh',
      'Lê Văn Bình',
      'Phạm Văn Bình',
      'Nguyễn Thị Cúc',
      'Đinh Văn Dũng',
      'Đỗ Văn Dũng',
      'Hoàng Văn Đức',
      'Đặng Thị Hoà',
      'Nguyễn Thị Hòa',
      'Trần Văn Hòa',
      'Lê Thị Hương',
      'Vũ Thị Hường',
      'Ngô Văn Ưng',
      'Bùi Thị Yến',
    ];
    const shuffled = [...office].reverse();
    expect(shuffled.sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1))).toEqual(office);
  });

  it('ignores case, Unicode form, surrounding or repeated spaces and tone placement', () => {
    const key = nameSortKey('Đặng Thị Hoà');
    expect(nameSortKey('ĐẶNG THỊ HOÀ')).toBe(key);
    expect(nameSortKey('Đặng Thị Hoà'.normalize('NFD'))).toBe(key);
    expect(nameSortKey('  Đặng\tThị   Hòa ')).toBe(key);
    expect(nameSortKey('đặng thị hòa')).toBe(key);
    expect(nameSortKey('Đặng Thị Hoa')).not.toBe(key);
    expect(nameSortKey('Đặng Thị Hoá')).not.toBe(key);
  });

  it('does not depend on the names keyed before', () => {
    const fresh = nameSortKey('Lê Bảo Khuê');
    nameSortKey('  BEṆ ');
    nameSortKey('Ṇ'.repeat(500));
    expect(nameSortKey('Lê Bảo Khuê'.normalize('NFD'))).toBe(fresh);
  });

  it('reads the look-alike eth as đ', () => {
    expect(nameSortKey('ÐÌNH Văn An')).toBe(nameSortKey('Đình Văn An'));
  });

  it('writes only printable ASCII', () => {
    for (const name of generatedNames(200, 7)) expect(nameSortKey(name)).toMatch(/^[\x20-\x7e]*$/);
  });

  it('puts names with characters outside the repertoire after every letter, deterministically', () => {
    const key = nameSortKey('Trần Zoe');
    expect(nameSortKey('Trần Zoë') > key).toBe(true);
    expect(nameSortKey('Trần 王') > nameSortKey('Trần Zzz')).toBe(true);
    expect(nameSortKey('Trần 😀')).toBe(nameSortKey('Trần 😀'));
    expect(nameSortKey('Trần Çi') > nameSortKey('Trần Çh')).toBe(true);
  });

  it('gives an empty name a key that sorts first', () => {
    expect(nameSortKey('   ') < nameSortKey('A')).toBe(true);
    expect(nameSortKey('')).toBe(nameSortKey('  '));
  });

  it('handles names longer than its buffers', () => {
    const long = Array.from({ length: 3000 }, (_, index) => (index % 2 === 0 ? 'Nguyễn' : 'Ư')).join(' ');
    expect(nameSortKey(long)).toBe(nameSortKey(long.toLowerCase()));
  });
});

describe('compareNames and compareVietnamese', () => {
  it('compareNames agrees with the keys', () => {
    const names = generatedNames(60, 3);
    for (const a of names) {
      for (const b of names) {
        const keyA = nameSortKey(a);
        const keyB = nameSortKey(b);
        expect(compareNames(a, b)).toBe(keyA < keyB ? -1 : keyA > keyB ? 1 : 0);
      }
    }
  });

  it('compareVietnamese sorts words in Vietnamese dictionary order, upper case after lower within a tie', () => {
    expect(['Ước', 'ông', 'Ơn', 'Ăn', 'ân', 'an', 'Đào', 'dung'].sort(compareVietnamese)).toEqual([
      'an',
      'Ăn',
      'ân',
      'dung',
      'Đào',
      'ông',
      'Ơn',
      'Ước',
    ]);
    expect(compareVietnamese('a', 'A')).toBe(-1);
  });
});
