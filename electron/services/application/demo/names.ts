import type { Gender } from '@shared/domain/enums';
import type { SeededRandom } from '@shared/seededRandom';
import { foldForSearch } from '@shared/text/fold';

/*
 * Vietnamese personal names for made-up records. Family names carry their approximate share of
 * the population (per thousand); Hoàng and Vũ are the northern spellings of Huỳnh and Võ, so
 * the region decides which one a person gets.
 */

export type Region = 'north' | 'centre' | 'south';

type Weighted = readonly (readonly [string, number])[];

const familyNames: Weighted = [
  ['Nguyễn', 380],
  ['Trần', 110],
  ['Lê', 95],
  ['Phạm', 70],
  ['Hoàng|Huỳnh', 51],
  ['Phan', 45],
  ['Vũ|Võ', 39],
  ['Đặng', 21],
  ['Bùi', 20],
  ['Đỗ', 14],
  ['Hồ', 13],
  ['Ngô', 13],
  ['Dương', 10],
  ['Lý', 5],
  ['Đinh', 6],
  ['Trương', 6],
  ['Lâm', 4],
  ['Mai', 4],
  ['Trịnh', 4],
  ['Đoàn', 4],
  ['Lương', 4],
  ['Cao', 3],
  ['Hà', 3],
  ['Tạ', 2],
  ['Châu', 2],
  ['Thái', 2],
  ['Lưu', 2],
  ['Tô', 2],
  ['Quách', 1],
  ['Kiều', 1],
  ['Tăng', 1],
  ['La', 1],
];

/** The share of people in a region with the northern spelling of a family name that has two. */
const northernSpelling: Record<Region, number> = { north: 0.95, centre: 0.5, south: 0.1 };

const middleNames: Record<Gender, { older: Weighted; younger: Weighted }> = {
  male: {
    older: [
      ['Văn', 55],
      ['Hữu', 6],
      ['Đức', 6],
      ['Minh', 5],
      ['Thanh', 5],
      ['Quốc', 4],
      ['Công', 4],
      ['Đình', 4],
      ['Xuân', 3],
      ['Ngọc', 3],
      ['Quang', 3],
      ['Trọng', 2],
    ],
    younger: [
      ['Văn', 25],
      ['Minh', 10],
      ['Đức', 8],
      ['Quốc', 6],
      ['Thanh', 6],
      ['Hoàng', 5],
      ['Duy', 5],
      ['Hữu', 5],
      ['Tuấn', 4],
      ['Gia', 4],
      ['Anh', 4],
      ['Công', 4],
      ['Thành', 4],
      ['Việt', 4],
      ['Nhật', 3],
      ['Trung', 3],
    ],
  },
  female: {
    older: [
      ['Thị', 75],
      ['Ngọc', 5],
      ['Thu', 4],
      ['Thanh', 4],
      ['Kim', 4],
      ['Hồng', 3],
      ['Bích', 2],
      ['Minh', 2],
    ],
    younger: [
      ['Thị', 35],
      ['Ngọc', 10],
      ['Thu', 6],
      ['Thanh', 6],
      ['Minh', 6],
      ['Phương', 5],
      ['Mỹ', 5],
      ['Khánh', 4],
      ['Hồng', 4],
      ['Kim', 4],
      ['Quỳnh', 4],
      ['Bảo', 3],
      ['Diệu', 3],
      ['Hoài', 3],
      ['Thùy', 3],
    ],
  },
};

/** A second middle name (Nguyễn Thị Thu Hà, Trần Ngọc Bảo Trân): rarer, and mostly among the young. */
const secondMiddleNames: Record<Gender, readonly string[]> = {
  male: ['Minh', 'Quốc', 'Gia', 'Hoàng', 'Anh', 'Thanh', 'Nhật'],
  female: ['Thu', 'Ngọc', 'Bảo', 'Phương', 'Thanh', 'Minh', 'Hoài'],
};

const givenNames: Record<Gender, readonly string[]> = {
  male: [
    'An',
    'Bảo',
    'Bình',
    'Chiến',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Định',
    'Đông',
    'Đức',
    'Giang',
    'Hải',
    'Hào',
    'Hậu',
    'Hiển',
    'Hiếu',
    'Hòa',
    'Hoàng',
    'Hùng',
    'Hưng',
    'Huy',
    'Khang',
    'Khánh',
    'Khoa',
    'Kiên',
    'Lâm',
    'Lợi',
    'Long',
    'Lộc',
    'Luân',
    'Mạnh',
    'Minh',
    'Nam',
    'Nghĩa',
    'Nhân',
    'Phát',
    'Phong',
    'Phúc',
    'Phước',
    'Quân',
    'Quang',
    'Sang',
    'Sơn',
    'Tài',
    'Tâm',
    'Tấn',
    'Thái',
    'Thắng',
    'Thanh',
    'Thành',
    'Thiện',
    'Thịnh',
    'Thông',
    'Tiến',
    'Tín',
    'Toàn',
    'Trí',
    'Trọng',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
    'Vũ',
  ],
  female: [
    'An',
    'Anh',
    'Ánh',
    'Bích',
    'Châu',
    'Chi',
    'Diễm',
    'Dung',
    'Duyên',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Hồng',
    'Huệ',
    'Hương',
    'Huyền',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Ngọc',
    'Nhung',
    'Nhi',
    'Oanh',
    'Phương',
    'Phượng',
    'Quyên',
    'Quỳnh',
    'Tâm',
    'Thảo',
    'Thơ',
    'Thu',
    'Thủy',
    'Thúy',
    'Trang',
    'Trân',
    'Trinh',
    'Tuyết',
    'Uyên',
    'Vân',
    'Vy',
    'Xuân',
    'Yến',
  ],
};

function familyName(random: SeededRandom, region: Region): string {
  const choice = random.weighted(familyNames);
  const [northern, southern] = choice.split('|');
  if (southern === undefined) return choice;
  return random.chance(northernSpelling[region]) ? northern! : southern;
}

/** A full name as written on a party card: family name, one or two middle names, given name. */
export function personName(random: SeededRandom, gender: Gender, birthYear: number, region: Region): string {
  const generation = birthYear < 1975 ? 'older' : 'younger';
  const parts = [familyName(random, region), random.weighted(middleNames[gender][generation])];
  if (random.chance(generation === 'older' ? 0.04 : 0.14)) {
    const second = random.pick(secondMiddleNames[gender]);
    if (second !== parts[1]) parts.push(second);
  }
  parts.push(random.pick(givenNames[gender]));
  return parts.join(' ').normalize('NFC');
}

/** Syllables of Sino-Vietnamese place names (Vĩnh Trạch, Tân Hòa, Phú Thạnh…). */
const placeSyllables = [
  'An',
  'Bình',
  'Châu',
  'Đông',
  'Hà',
  'Hòa',
  'Hưng',
  'Long',
  'Mỹ',
  'Nam',
  'Nhơn',
  'Phong',
  'Phú',
  'Phước',
  'Quang',
  'Tân',
  'Tây',
  'Thạnh',
  'Thái',
  'Thanh',
  'Thuận',
  'Thới',
  'Tiên',
  'Trung',
  'Vĩnh',
  'Xuân',
  'Yên',
  'Hiệp',
  'Khánh',
  'Lộc',
  'Lợi',
  'Hội',
  'Định',
  'Kim',
  'Ngọc',
  'Đức',
  'Gia',
  'Bảo',
  'Hải',
  'Sơn',
  'Trạch',
  'Lạc',
  'Quới',
  'Điền',
];

/** A two-syllable place name not yet in `taken`, compared folded: Thanh Hà and Thạnh Hà would get the same unit code. */
export function placeName(random: SeededRandom, taken: Set<string>): string {
  for (;;) {
    const first = random.pick(placeSyllables);
    const second = random.pick(placeSyllables);
    const name = `${first} ${second}`.normalize('NFC');
    const folded = foldForSearch(name);
    if (first === second || taken.has(folded)) continue;
    taken.add(folded);
    return name;
  }
}
