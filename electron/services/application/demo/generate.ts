import type { ActivityEventInput, IssuedDocumentInput, ParsedMemberInput, ParsedTripInput } from '@shared/contract/registry';
import {
  tripPurposes,
  type Gender,
  type MemberStatus,
  type TravelDocumentKind,
  type TripPurpose,
  type TripState,
  type UnitLevel,
} from '@shared/domain/enums';
import { tripDurationBracket } from '@shared/rules/brackets';
import {
  addDays,
  addMonths,
  type CivilDate,
  civilDate,
  daysBetween,
  earliest,
  isAfter,
  isBefore,
  yearOf,
} from '@shared/rules/dates';
import { createHolidayCalendar } from '@shared/rules/holidays';
import { defaultDeadlineSettings } from '@shared/rules/settings';
import { applyTransition, type TransitionInputs, type TripTransition } from '@shared/rules/tripMachine';
import { addWorkingDays } from '@shared/rules/workdays';
import type { SeededRandom } from '@shared/seededRandom';
import type { CountryCode } from '@shared/text/countries';
import { foldForSearch } from '@shared/text/fold';
import type { z } from 'zod';
import { columnsFor, emptyLifeDates, tripFacts, tripValues, type TripRecord } from '../../domain/records/trips';
import { personName, placeName, type Region } from './names';
import type { Province } from './places';

/*
 * Made-up records of one unit: members in their cells, their trips abroad walked through the
 * trip's life by the same state machine the services use, party-activity events and the
 * committee's own documents. Everything comes from the seed and `today`: the same seed on
 * the same day gives the same unit.
 */

export type DemoUnitKind = 'commune' | 'ward' | 'province';

export interface DemoUnitRef {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface DemoUnitSpec {
  random: SeededRandom;
  today: CivilDate;
  unit: DemoUnitRef;
  kind: DemoUnitKind;
  /** The commune's, ward's or province's own name ("Vĩnh Trạch"). */
  place: string;
  province: Province;
  memberCount: number;
  /** Makes sure the rare cases (a labour-export transfer, a foreign marriage, an overstay…) each appear at least once. */
  showcase?: boolean;
}

type ParsedEventInput = z.output<typeof ActivityEventInput>;
type ParsedIssuedDocument = z.output<typeof IssuedDocumentInput>;

export type DemoTransition = { [T in TripTransition]: { transition: T; input: TransitionInputs[T] } }[TripTransition];

export interface DemoStep {
  call: DemoTransition;
  fromState: TripState;
  toState: TripState;
  /** The fields the rules returned, as the trip's history keeps them. */
  changes: Record<string, unknown>;
}

export interface DemoMember {
  key: string;
  birthYear: number;
  input: ParsedMemberInput;
}

export interface DemoTravelDocument {
  key: string;
  memberKey: string;
  kind: TravelDocumentKind;
  number: string;
  issuedOn: CivilDate;
  expiresOn: CivilDate;
  issuer: string;
}

/** A trip's final columns, as the services would hold them after its transitions; ids are filled in when written. */
export type DemoTripRecord = Omit<TripRecord, 'id' | 'createdAt' | 'updatedAt'>;

export interface DemoTrip {
  key: string;
  memberKey: string;
  travelDocumentKey: string | null;
  input: ParsedTripInput;
  steps: DemoStep[];
  record: DemoTripRecord;
}

export interface DemoEvent {
  key: string;
  memberKey: string;
  tripKey: string | null;
  input: ParsedEventInput;
}

export interface DemoUnit {
  unit: DemoUnitRef;
  kind: DemoUnitKind;
  today: CivilDate;
  cells: string[];
  members: DemoMember[];
  travelDocuments: DemoTravelDocument[];
  trips: DemoTrip[];
  events: DemoEvent[];
  issuedDocuments: ParsedIssuedDocument[];
}

/** Stands in for the ids of members and trips until the records are written. */
const placeholderId = '00000000-0000-7000-8000-000000000000';

const calendar = createHolidayCalendar();

/* ---------- cells ---------- */

const residentialWord: Record<Exclude<DemoUnitKind, 'province'>, Record<Region, string>> = {
  commune: { north: 'thôn', centre: 'thôn', south: 'ấp' },
  ward: { north: 'tổ dân phố', centre: 'tổ dân phố', south: 'khóm' },
};

function agencyCells(kind: DemoUnitKind, place: string, province: Province): string[] {
  if (kind === 'province') {
    const committee = province.city ? 'Thành ủy' : 'Tỉnh ủy';
    return [
      `Chi bộ Văn phòng ${committee}`,
      `Chi bộ Ban Tổ chức ${committee}`,
      `Chi bộ Ban Tuyên giáo và Dân vận ${committee}`,
      `Chi bộ Ủy ban Kiểm tra ${committee}`,
      `Chi bộ Văn phòng Ủy ban nhân dân ${province.city ? 'thành phố' : 'tỉnh'}`,
      'Chi bộ Sở Ngoại vụ',
      'Chi bộ Sở Nội vụ',
      'Chi bộ Sở Giáo dục và Đào tạo',
      'Chi bộ Sở Y tế',
      'Chi bộ Sở Công Thương',
    ];
  }
  const level = kind === 'commune' ? 'xã' : 'phường';
  return [
    `Chi bộ Cơ quan Đảng – Mặt trận – đoàn thể ${level}`,
    `Chi bộ Ủy ban nhân dân ${level}`,
    `Chi bộ Công an ${level} ${place}`,
    `Chi bộ Quân sự ${level}`,
    `Chi bộ Trường Tiểu học ${place}`,
    `Chi bộ Trường THCS ${place}`,
    `Chi bộ Trạm Y tế ${level} ${place}`,
  ];
}

function residentialCells(spec: DemoUnitSpec): string[] {
  if (spec.kind === 'province') return [];
  const { random } = spec;
  const word = residentialWord[spec.kind][spec.province.region];
  const count = spec.kind === 'commune' ? random.between(8, 16) : random.between(6, 12);
  // Wards number their neighbourhoods; villages and hamlets have names.
  if (spec.kind === 'ward') return Array.from({ length: count }, (_, index) => `Chi bộ ${word} ${index + 1}`);
  const taken = new Set<string>([foldForSearch(spec.place)]);
  return Array.from({ length: count }, () => `Chi bộ ${word} ${placeName(random, taken)}`);
}

/* ---------- members ---------- */

const phonePrefixes = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '086',
  '088',
  '089',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '070',
  '076',
  '077',
  '078',
  '079',
  '081',
  '082',
  '083',
  '084',
  '085',
];

function birthYearOf(random: SeededRandom, today: CivilDate, kind: DemoUnitKind): number {
  const year = yearOf(today);
  // Commune party branches keep many retired members; a province's own records are its serving cadres.
  const ages: readonly (readonly [readonly [number, number], number])[] =
    kind === 'province'
      ? [
          [[28, 40], 30],
          [[41, 52], 45],
          [[53, 60], 25],
        ]
      : [
          [[20, 35], 18],
          [[36, 50], 30],
          [[51, 65], 27],
          [[66, 88], 25],
        ];
  const [from, to] = random.weighted(ages);
  return year - random.between(from, to);
}

/** A 12-digit CCCD number consistent with the birth year and gender: province of birth registration, century and gender, year, serial. */
function demoNationalId(random: SeededRandom, province: Province, gender: Gender, birthYear: number, taken: Set<string>): string {
  const provinceCode = random.chance(0.92)
    ? random.pick(province.nationalIdCodes)
    : random.pick(['001', '079', '038', '040', '031', '048', '089', '092']);
  const centuryGender = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  for (;;) {
    const number = `${provinceCode}${centuryGender}${String(birthYear % 100).padStart(2, '0')}${String(random.int(1_000_000)).padStart(6, '0')}`;
    if (taken.has(number)) continue;
    taken.add(number);
    return number;
  }
}

function generateMembers(spec: DemoUnitSpec, cells: string[]): DemoMember[] {
  const { random, today, province, kind } = spec;
  const residential = cells.filter((cell) => /(ấp|thôn|khóm|tổ dân phố) /.test(cell));
  const agencies = cells.filter((cell) => !residential.includes(cell));
  const cardPrefix = province.nationalIdCodes[0]!.slice(1);
  const nationalIds = new Set<string>();
  const cardNumbers = new Set<string>();
  const members: DemoMember[] = [];
  for (let index = 0; index < spec.memberCount; index += 1) {
    const person = random.derive(`member ${index}`);
    const gender: Gender = person.chance(kind === 'province' ? 0.3 : 0.38) ? 'female' : 'male';
    const birthYear = birthYearOf(person, today, kind);
    const age = yearOf(today) - birthYear;
    const working = age <= 60;
    const inAgency = agencies.length > 0 && working && (residential.length === 0 || person.chance(0.35));
    const cellName = inAgency ? person.pick(agencies) : person.pick(residential.length > 0 ? residential : agencies);
    const leadership = person.chance(inAgency ? (kind === 'province' ? 0.6 : 0.25) : 0.03);
    const status: MemberStatus =
      age >= 70 && person.chance(0.2)
        ? 'exempt'
        : person.weighted<MemberStatus>([
            ['active', 985],
            ['transferred_out', 8],
            ['deceased', age >= 70 ? 10 : 1],
            ['left', 2],
          ]);
    const birthDate = civilDate(birthYear, person.between(1, 12), person.between(1, 28));
    // Built to the form's parsed shape directly: validating every record would dominate the time of the national set. The tests parse them.
    const input: ParsedMemberInput = {
      code: partyCardNumber(person, cardPrefix, cardNumbers),
      fullName: personName(person, gender, birthYear, province.region),
      gender,
      birthDate,
      nationalId: demoNationalId(person, province, gender, birthYear, nationalIds),
      cellName,
      holdsLeadershipPost: leadership,
      leadershipPost: leadership ? leadershipPost(person, kind, inAgency) : null,
      managingCommittee: leadership ? (kind === 'province' ? 'Ban Thường vụ Tỉnh ủy' : 'Ban Thường vụ Đảng ủy') : null,
      underDisciplinaryReview: status === 'active' && person.chance(0.003),
      status,
      phone: person.chance(0.85) ? `${person.pick(phonePrefixes)}${String(person.int(10_000_000)).padStart(7, '0')}` : null,
      email: null,
      address: null,
      notes: null,
    };
    members.push({ key: `m${index}`, birthYear, input });
  }
  return members;
}

/** Eight digits: the province's two, then a serial unique in the unit. */
function partyCardNumber(random: SeededRandom, prefix: string, taken: Set<string>): string {
  for (;;) {
    const number = `${prefix}${String(random.int(1_000_000)).padStart(6, '0')}`;
    if (taken.has(number)) continue;
    taken.add(number);
    return number;
  }
}

function leadershipPost(random: SeededRandom, kind: DemoUnitKind, inAgency: boolean): string {
  if (kind === 'province')
    return random.pick([
      'Giám đốc Sở',
      'Phó Giám đốc Sở',
      'Trưởng phòng',
      'Phó Trưởng ban',
      'Chánh Văn phòng',
      'Phó Chánh Văn phòng',
    ]);
  if (!inAgency) return random.pick(['Trưởng ấp', 'Bí thư chi bộ', 'Trưởng ban công tác Mặt trận']);
  return random.pick([
    'Bí thư Đảng ủy',
    'Phó Bí thư Đảng ủy',
    'Chủ tịch Ủy ban nhân dân',
    'Phó Chủ tịch Ủy ban nhân dân',
    'Trưởng Công an',
    'Hiệu trưởng',
    'Trạm trưởng Trạm Y tế',
    'Chỉ huy trưởng Quân sự',
  ]);
}

/* ---------- trips ---------- */

type Outcome =
  'normal' | 'rejected' | 'cancelled' | 'extended' | 'overstayAbroad' | 'overstayReturnedLate' | 'reportLate' | 'reportMissing';

interface TripShape {
  purpose: TripPurpose;
  borderPass: boolean;
  outcome: Outcome;
  labourExport: boolean;
  /** Days from the start of the window to the planned departure, or a fixed departure. */
  departure?: CivilDate;
  days?: number;
}

const purposeWeights: Record<DemoUnitKind, readonly (readonly [TripPurpose, number])[]> = {
  commune: [
    ['official', 22],
    ['tourism', 34],
    ['family_visit', 24],
    ['medical', 4],
    ['other_private', 8],
    ['study', 4],
    ['labour', 4],
  ],
  ward: [
    ['official', 25],
    ['tourism', 35],
    ['family_visit', 23],
    ['medical', 5],
    ['other_private', 6],
    ['study', 4],
    ['labour', 2],
  ],
  province: [
    ['official', 80],
    ['tourism', 8],
    ['family_visit', 6],
    ['medical', 2],
    ['other_private', 1],
    ['study', 3],
  ],
};

const destinations: Record<TripPurpose, readonly (readonly [CountryCode, number])[]> = {
  official: [
    ['CN', 14],
    ['KR', 12],
    ['JP', 12],
    ['LA', 12],
    ['KH', 8],
    ['TH', 8],
    ['SG', 6],
    ['RU', 5],
    ['CU', 3],
    ['FR', 4],
    ['DE', 4],
    ['US', 4],
    ['AU', 3],
    ['IN', 2],
    ['BE', 2],
  ],
  tourism: [
    ['TH', 22],
    ['KR', 18],
    ['JP', 12],
    ['SG', 10],
    ['CN', 10],
    ['MY', 8],
    ['TW', 6],
    ['KH', 4],
    ['LA', 3],
    ['ID', 3],
    ['FR', 2],
    ['AU', 2],
  ],
  family_visit: [
    ['US', 24],
    ['AU', 14],
    ['KR', 14],
    ['TW', 12],
    ['JP', 10],
    ['CA', 8],
    ['DE', 6],
    ['FR', 5],
    ['GB', 3],
    ['DK', 2],
    ['CZ', 2],
  ],
  medical: [
    ['SG', 40],
    ['TH', 30],
    ['KR', 15],
    ['JP', 15],
  ],
  other_private: [
    ['KH', 25],
    ['LA', 20],
    ['CN', 20],
    ['TH', 20],
    ['MY', 15],
  ],
  study: [
    ['JP', 22],
    ['KR', 20],
    ['AU', 16],
    ['RU', 10],
    ['CN', 10],
    ['FR', 8],
    ['US', 8],
    ['GB', 6],
  ],
  labour: [
    ['KR', 35],
    ['JP', 35],
    ['TW', 25],
    ['DE', 5],
  ],
};

const purposeDetails: Record<TripPurpose, readonly string[]> = {
  official: [
    'Tham dự hội nghị xúc tiến thương mại',
    'Học tập kinh nghiệm quản lý nông nghiệp',
    'Giao lưu hữu nghị với địa phương kết nghĩa',
    'Tham dự hội thảo chuyên đề',
    'Khảo sát mô hình chuyển đổi số',
  ],
  tourism: ['Du lịch cùng gia đình', 'Tham quan, du lịch theo tour', 'Du lịch nghỉ dưỡng'],
  family_visit: ['Thăm con đang học tập', 'Thăm thân nhân định cư ở nước ngoài', 'Dự đám cưới của con', 'Thăm cháu mới sinh'],
  medical: ['Khám, chữa bệnh', 'Điều trị theo chỉ định của bác sĩ', 'Tái khám sau phẫu thuật'],
  other_private: ['Giải quyết việc riêng của gia đình', 'Thăm viếng, mua bán qua cửa khẩu', 'Dự lễ cưới người thân'],
  study: ['Học thạc sĩ', 'Bồi dưỡng ngắn hạn theo học bổng', 'Học nghiên cứu sinh', 'Khóa đào tạo kỹ năng quản lý'],
  labour: ['Làm việc theo hợp đồng (chương trình EPS)', 'Thực tập sinh kỹ năng', 'Làm việc theo hợp đồng lao động có thời hạn'],
};

const inviters = [
  'Trường Đại học Quốc gia Seoul',
  'Tổ chức Hợp tác Quốc tế Nhật Bản (JICA)',
  'Hội hữu nghị Lào – Việt Nam tỉnh Champasak',
  'Chính quyền thành phố kết nghĩa',
  'Viện Nghiên cứu Phát triển Hàn Quốc',
];

/** Days abroad as planned, by purpose: most trips are short; study and labour run for months or years. */
function plannedDays(random: SeededRandom, purpose: TripPurpose, borderPass: boolean): number {
  if (borderPass) return random.between(1, 7);
  switch (purpose) {
    case 'official':
      return random.weighted([
        [random.between(4, 12), 90],
        [random.between(13, 28), 7],
        [random.between(35, 88), 3],
      ]);
    case 'tourism':
      return random.between(3, 10);
    case 'family_visit':
      return random.weighted([
        [random.between(10, 28), 70],
        [random.between(32, 88), 27],
        [random.between(95, 170), 3],
      ]);
    case 'medical':
      return random.between(5, 25);
    case 'other_private':
      return random.between(2, 10);
    case 'study':
      return random.weighted([
        [random.between(10, 28), 45],
        [random.between(40, 88), 25],
        [random.between(100, 360), 20],
        [random.between(420, 900), 10],
      ]);
    case 'labour':
      return random.weighted([
        [random.between(200, 360), 45],
        [random.between(400, 1100), 55],
      ]);
  }
}

function outcomeOf(random: SeededRandom, purpose: TripPurpose): Outcome {
  return random.weighted<Outcome>([
    ['normal', 856],
    ['rejected', 15],
    ['cancelled', 30],
    ['extended', purpose === 'study' || purpose === 'labour' || purpose === 'family_visit' ? 40 : 10],
    ['overstayAbroad', purpose === 'labour' || purpose === 'family_visit' ? 8 : 2],
    ['overstayReturnedLate', 6],
    ['reportLate', 50],
    ['reportMissing', 25],
  ]);
}

interface TripContext {
  spec: DemoUnitSpec;
  windowStart: CivilDate;
  windowEnd: CivilDate;
  pools: Map<TripPurpose, TravellerPool>;
  busy: Map<string, [CivilDate, CivilDate][]>;
  documents: DemoTravelDocument[];
  approvalNumbers: Map<number, number>;
  committee: string;
  refSuffix: string;
}

function eligible(member: DemoMember, purpose: TripPurpose, year: number): boolean {
  if (member.input.status !== 'active' && member.input.status !== 'exempt') return false;
  if (member.input.underDisciplinaryReview) return false;
  const years = year - member.birthYear;
  if (purpose === 'labour') return years >= 20 && years <= 42 && !member.input.holdsLeadershipPost;
  if (purpose === 'study') return years >= 22 && years <= 48;
  if (purpose === 'official') return years >= 24 && years <= 60 && member.input.status === 'active';
  return years >= 22 && years <= 80;
}

/** Official trips go mostly to cadres; everyone else's chance is the same. */
function travellerWeight(member: DemoMember, purpose: TripPurpose): number {
  if (purpose === 'official')
    return member.input.holdsLeadershipPost
      ? 12
      : /Chi bộ (Cơ quan|Ủy ban|Văn phòng|Ban|Sở|Trường|Trạm|Công an|Quân sự)/.test(member.input.cellName)
        ? 3
        : 0.2;
  return 1;
}

/** The members who may go on trips of one purpose, with running weights for a quick weighted draw. */
interface TravellerPool {
  members: DemoMember[];
  cumulative: number[];
}

/** Pools by age today, widened by the window's four years; the exact age on departure is checked on each draw. */
function travellerPools(members: DemoMember[], today: CivilDate): Map<TripPurpose, TravellerPool> {
  const pools = new Map<TripPurpose, TravellerPool>();
  const thisYear = yearOf(today);
  for (const purpose of tripPurposes) {
    const pool: TravellerPool = { members: [], cumulative: [] };
    let total = 0;
    for (const member of members) {
      const weight = travellerWeight(member, purpose);
      if (weight === 0 || !(eligible(member, purpose, thisYear) || eligible(member, purpose, thisYear - 4))) continue;
      total += weight;
      pool.members.push(member);
      pool.cumulative.push(total);
    }
    pools.set(purpose, pool);
  }
  return pools;
}

function chooseTraveller(
  context: TripContext,
  random: SeededRandom,
  purpose: TripPurpose,
  departure: CivilDate,
  end: CivilDate,
): DemoMember | null {
  const pool = context.pools.get(purpose)!;
  const total = pool.cumulative.at(-1);
  if (total === undefined) return null;
  const year = yearOf(departure);
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const draw = random.next() * total;
    let low = 0;
    let high = pool.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pool.cumulative[middle]! > draw) high = middle;
      else low = middle + 1;
    }
    const member = pool.members[low]!;
    if (eligible(member, purpose, year) && !overlaps(context, member.key, departure, end)) return member;
  }
  return null;
}

function overlaps(context: TripContext, memberKey: string, from: CivilDate, to: CivilDate): boolean {
  return (context.busy.get(memberKey) ?? []).some(
    ([start, end]) => !isAfter(from, addDays(end, 3)) && !isBefore(to, addDays(start, -3)),
  );
}

/** Private trips cluster around Tết and the summer holidays. */
const monthWeights = [14, 12, 7, 7, 7, 11, 12, 10, 6, 6, 6, 9];

function departureDate(random: SeededRandom, context: TripContext, purpose: TripPurpose): CivilDate {
  const span = daysBetween(context.windowStart, context.windowEnd);
  for (;;) {
    const candidate = addDays(context.windowStart, random.int(span + 1));
    const month = Number(candidate.slice(5, 7));
    if (purpose === 'official' || random.next() * 14 < monthWeights[month - 1]!) return candidate;
  }
}

/** How long each kind of travel document is valid and the letters its numbers begin with. */
const documentKinds: Record<TravelDocumentKind, { years: number; letters: readonly string[] }> = {
  passport: { years: 10, letters: ['C', 'P'] },
  official_passport: { years: 5, letters: ['B'] },
  diplomatic_passport: { years: 5, letters: ['A'] },
  border_pass: { years: 1, letters: ['GT'] },
};

function travelDocumentFor(
  context: TripContext,
  random: SeededRandom,
  member: DemoMember,
  kind: TravelDocumentKind,
  departure: CivilDate,
): DemoTravelDocument {
  // A border pass is valid for a year, so each border crossing season gets its own; passports last for years.
  const existing = context.documents.find(
    (document) =>
      document.memberKey === member.key &&
      document.kind === kind &&
      !isBefore(document.expiresOn, departure) &&
      !isAfter(document.issuedOn, departure),
  );
  if (existing) return existing;
  const issuedOn = addDays(departure, -random.between(kind === 'border_pass' ? 3 : 20, kind === 'border_pass' ? 60 : 700));
  const { years, letters } = documentKinds[kind];
  const document: DemoTravelDocument = {
    key: `d${context.documents.length}`,
    memberKey: member.key,
    kind,
    number: `${random.pick(letters)}${String(random.int(10_000_000)).padStart(7, '0')}`,
    issuedOn,
    expiresOn: addDays(addMonths(issuedOn, years * 12), -1),
    issuer:
      kind === 'passport'
        ? 'Cục Quản lý xuất nhập cảnh – Bộ Công an'
        : kind === 'border_pass'
          ? `Công an ${context.spec.province.city ? 'thành phố' : 'tỉnh'} ${context.spec.province.name}`
          : 'Cục Lãnh sự – Bộ Ngoại giao',
  };
  context.documents.push(document);
  return document;
}

function nextApprovalRef(context: TripContext, date: CivilDate): string {
  const year = yearOf(date);
  const number = (context.approvalNumbers.get(year) ?? 0) + 1;
  context.approvalNumbers.set(year, number);
  return `${number}-QĐ/${context.refSuffix}`;
}

const emptyReport = { foreignContacts: '', giftsAndInvitations: '', documentsBroughtBack: '', issues: '' };

function returnReportContents(random: SeededRandom, purpose: TripPurpose) {
  return {
    ...emptyReport,
    foreignContacts:
      purpose === 'official'
        ? random.pick([
            'Làm việc với đối tác theo chương trình của đoàn.',
            'Tiếp xúc với đại diện chính quyền địa phương sở tại theo lịch trình.',
          ])
        : 'Không tiếp xúc với tổ chức, cá nhân nước ngoài ngoài mục đích chuyến đi.',
    giftsAndInvitations: random.chance(0.1) ? 'Nhận quà lưu niệm, đã báo cáo chi bộ.' : 'Không.',
    documentsBroughtBack: purpose === 'official' ? 'Tài liệu hội nghị, đã nộp cơ quan.' : 'Không.',
    issues: 'Không phát sinh vấn đề.',
  };
}

/**
 * Walks one trip through its life up to `today`, the way an office records it: application,
 * decision, departure, extension or overstay, return, return report, evaluation. Each step is
 * judged by the trip state machine; a refusal is a fault in this generator and stops it.
 */
function liveTrip(
  context: TripContext,
  random: SeededRandom,
  key: string,
  member: DemoMember,
  shape: TripShape,
  departure: CivilDate,
  days: number,
): DemoTrip | null {
  const { today } = context.spec;
  const plannedReturn = addDays(departure, days);
  const { purpose, borderPass } = shape;
  const countries = borderPass ? [random.pick(context.spec.province.borderCountries)] : pickCountries(random, purpose);
  const documentKind: TravelDocumentKind = borderPass
    ? 'border_pass'
    : purpose === 'official' && random.chance(0.9)
      ? 'official_passport'
      : 'passport';
  const applicationDate = addDays(departure, random.chance(0.06) ? -random.between(2, 8) : -random.between(12, 40));
  const bracket = tripDurationBracket({ plannedDeparture: departure, plannedReturn });
  const privateTrip = purpose === 'tourism' || purpose === 'family_visit' || purpose === 'medical' || purpose === 'other_private';
  const selfFunded =
    privateTrip || (purpose === 'labour' ? random.chance(0.9) : purpose === 'study' ? random.chance(0.5) : false);
  const labourExport = purpose === 'labour' && shape.labourExport;
  const transfer =
    bracket === 'over12m'
      ? random.chance(0.9)
        ? 'official'
        : 'none'
      : bracket === 'from3to12m'
        ? random.chance(0.8)
          ? 'temporary'
          : 'none'
        : 'none';
  const exemption =
    transfer === 'none' &&
    !labourExport &&
    (privateTrip || purpose === 'labour') &&
    bracket !== 'under1m' &&
    random.chance(bracket === 'from1to3m' ? 0.3 : 0.9);
  const document = applicationDate <= today ? travelDocumentFor(context, random, member, documentKind, departure) : null;
  const invitedByName = purpose === 'official' && random.chance(0.05);
  const carriesSecretDocuments = purpose === 'official' && random.chance(0.02);
  const input: ParsedTripInput = {
    memberId: placeholderId,
    code: null,
    purpose,
    purposeDetail: random.pick(purposeDetails[purpose]),
    selfFunded,
    fundingSource: selfFunded ? 'self' : purpose === 'official' && random.chance(0.1) ? 'foreign_host' : 'state',
    fundingNote: null,
    countries,
    invitedByName,
    inviter: invitedByName ? random.pick(inviters) : null,
    specialMission: purpose === 'official' && random.chance(0.004),
    travelDocumentKind: documentKind,
    travelDocumentId: null,
    carriesSecretDocuments,
    secretDocumentsApproval: carriesSecretDocuments ? 'Được Thường trực Đảng ủy đồng ý bằng văn bản' : null,
    plannedDeparture: departure,
    plannedReturn,
    activityTransfer: transfer,
    exemption,
    labourExportTransfer: labourExport,
    transferredBackDate: null,
    notes: null,
  };
  const memberFacts = { status: member.input.status, underDisciplinaryReview: member.input.underDisciplinaryReview };
  let record: DemoTripRecord = { ...emptyLifeDates(), ...tripValues(input), memberId: placeholderId, state: 'draft' };
  const steps: DemoStep[] = [];
  const advance = (call: DemoTransition) => {
    const result = applyTransition(tripFacts(record as TripRecord), call.transition, call.input as never, {
      today,
      member: memberFacts,
    });
    if (!result.ok)
      throw new Error(`Demo trip ${key}: ${call.transition} refused (${result.issues.map((issue) => issue.key).join(', ')})`);
    steps.push({ call, fromState: record.state, toState: result.state, changes: result.changes as Record<string, unknown> });
    record = { ...record, ...columnsFor(call.transition, result.changes as never), state: result.state };
  };
  const trip = (): DemoTrip => ({ key, memberKey: member.key, travelDocumentKey: document?.key ?? null, input, steps, record });

  if (isAfter(applicationDate, today)) return trip();
  advance({
    transition: 'submit',
    input: {
      applicationDate,
      commitmentDate: purpose === 'family_visit' ? applicationDate : null,
      cellOpinion: random.pick([
        'Chi bộ thống nhất đề nghị cấp ủy xem xét, cho phép.',
        'Chi bộ đồng ý, đề nghị Đảng ủy xem xét.',
        'Đảng viên chấp hành tốt; chi bộ nhất trí đề nghị.',
      ]),
    },
  });
  const decisionDate = earliest(addDays(applicationDate, random.between(2, 10)), departure);
  if (isAfter(decisionDate, today)) return trip();
  if (shape.outcome === 'rejected') {
    advance({
      transition: 'reject',
      input: {
        decisionDate,
        reason: 'Chưa đủ điều kiện theo quy định; đề nghị bổ sung hồ sơ.',
        decisionRef: nextApprovalRef(context, decisionDate),
      },
    });
    return trip();
  }
  advance({
    transition: 'approve',
    input: {
      approvalRef: nextApprovalRef(context, decisionDate),
      approvalDate: decisionDate,
      approvingCommittee: context.committee,
    },
  });
  if (shape.outcome === 'cancelled') {
    const cancelledOn = earliest(addDays(decisionDate, random.between(1, 10)), today);
    advance({
      transition: 'cancel',
      input: {
        cancelledOn,
        reason: random.pick([
          'Đảng viên xin hủy chuyến đi vì lý do gia đình.',
          'Chương trình công tác thay đổi.',
          'Đối tác hoãn chương trình.',
        ]),
      },
    });
    return trip();
  }
  if (isAfter(departure, today)) return trip();
  advance({ transition: 'depart', input: { actualDeparture: departure } });
  let permittedEnd = plannedReturn;
  if (shape.outcome === 'extended') {
    const extensionDate = addDays(plannedReturn, -random.between(3, Math.max(3, Math.min(20, days - 1))));
    if (!isAfter(extensionDate, today) && !isBefore(extensionDate, departure)) {
      permittedEnd = addMonths(plannedReturn, random.between(1, 3));
      advance({
        transition: 'extend',
        input: { extendedReturn: permittedEnd, extensionRef: nextApprovalRef(context, extensionDate), extensionDate },
      });
    }
  }
  if (shape.outcome === 'overstayAbroad') {
    const recordedOn = addDays(permittedEnd, random.between(5, 30));
    if (!isAfter(recordedOn, today))
      advance({
        transition: 'record_unauthorised_stay',
        input: { recordedOn, note: 'Quá hạn về nước, chưa liên lạc được; chi bộ đang xác minh.' },
      });
    return trip();
  }
  const actualReturn =
    shape.outcome === 'overstayReturnedLate'
      ? addDays(permittedEnd, random.between(10, 60))
      : random.chance(0.2) && days > 3
        ? addDays(permittedEnd, -random.between(1, 3))
        : permittedEnd;
  if (isAfter(actualReturn, today)) return trip();
  advance({ transition: 'return', input: { actualReturn } });
  const due = addWorkingDays(actualReturn, defaultDeadlineSettings.returnReportWorkingDays, calendar);
  if (shape.outcome === 'reportMissing') return trip();
  const reportDate =
    shape.outcome === 'reportLate'
      ? addDays(due, random.between(2, 25))
      : addDays(actualReturn, random.between(1, Math.max(1, daysBetween(actualReturn, due))));
  if (isAfter(reportDate, today)) return trip();
  advance({ transition: 'report', input: { returnReportDate: reportDate, contents: returnReportContents(random, purpose) } });
  const closedOn = addDays(reportDate, random.between(5, 45));
  if (isAfter(closedOn, today) || !random.chance(0.9)) return trip();
  advance({
    transition: 'close',
    input: {
      closedOn,
      evaluation: random.pick([
        'Đồng chí chấp hành nghiêm quy định của Đảng và pháp luật trong thời gian ở nước ngoài.',
        'Hoàn thành tốt nhiệm vụ; báo cáo đầy đủ, đúng hạn.',
        'Chấp hành tốt; không phát sinh vấn đề.',
      ]),
    },
  });
  return trip();
}

function pickCountries(random: SeededRandom, purpose: TripPurpose): CountryCode[] {
  const first = random.weighted(destinations[purpose]);
  if (purpose !== 'tourism' && purpose !== 'official') return [first];
  if (!random.chance(0.12)) return [first];
  const second = random.weighted(destinations[purpose]);
  return second === first ? [first] : [first, second];
}

function tripShape(random: SeededRandom, spec: DemoUnitSpec): TripShape {
  const purpose = random.weighted(purposeWeights[spec.kind]);
  const privateTrip = purpose === 'tourism' || purpose === 'other_private' || purpose === 'family_visit';
  const borderPass = spec.province.borderCountries.length > 0 && privateTrip && purpose !== 'family_visit' && random.chance(0.3);
  return { purpose, borderPass, outcome: outcomeOf(random, purpose), labourExport: purpose === 'labour' && random.chance(0.12) };
}

/** The rare cases the commune-scale demonstration always shows, each once. */
function showcaseShapes(spec: DemoUnitSpec): TripShape[] {
  const { today } = spec;
  return [
    { purpose: 'labour', borderPass: false, outcome: 'normal', labourExport: true, departure: addMonths(today, -20), days: 730 },
    { purpose: 'labour', borderPass: false, outcome: 'normal', labourExport: true, departure: addMonths(today, -40), days: 380 },
    {
      purpose: 'family_visit',
      borderPass: false,
      outcome: 'overstayAbroad',
      labourExport: false,
      departure: addMonths(today, -5),
      days: 60,
    },
    { purpose: 'study', borderPass: false, outcome: 'extended', labourExport: false, departure: addMonths(today, -7), days: 200 },
    {
      purpose: 'tourism',
      borderPass: false,
      outcome: 'reportMissing',
      labourExport: false,
      departure: addDays(today, -40),
      days: 7,
    },
    {
      purpose: 'family_visit',
      borderPass: false,
      outcome: 'normal',
      labourExport: false,
      departure: addDays(today, -6),
      days: 21,
    },
    { purpose: 'official', borderPass: false, outcome: 'normal', labourExport: false, departure: addDays(today, 25), days: 6 },
    { purpose: 'tourism', borderPass: false, outcome: 'rejected', labourExport: false, departure: addDays(today, -100), days: 5 },
    {
      purpose: 'tourism',
      borderPass: false,
      outcome: 'cancelled',
      labourExport: false,
      departure: addDays(today, -200),
      days: 5,
    },
  ];
}

function generateTrips(spec: DemoUnitSpec, members: DemoMember[], documents: DemoTravelDocument[]): DemoTrip[] {
  const { random, today } = spec;
  const context: TripContext = {
    spec,
    windowStart: civilDate(yearOf(today) - 4, 1, 1),
    windowEnd: addDays(today, 120),
    pools: travellerPools(members, today),
    busy: new Map(),
    documents,
    approvalNumbers: new Map(),
    committee: `Ban Thường vụ ${spec.unit.name}`,
    refSuffix: spec.kind === 'province' ? 'TU' : 'ĐU',
  };
  const years = daysBetween(context.windowStart, context.windowEnd) / 365;
  // About one member in fifty goes abroad in a year (the model report: 2,542 permitted trips in a province over three and a half years); a province's own cadres travel far more.
  const rate = spec.kind === 'province' ? 0.35 : spec.kind === 'ward' ? 0.025 : 0.02;
  const count = Math.round(members.length * rate * years);
  const shapes = [
    ...(spec.showcase ? showcaseShapes(spec) : []),
    ...Array.from({ length: count }, (_, index) => tripShape(random.derive(`shape ${index}`), spec)),
  ];
  const trips: DemoTrip[] = [];
  shapes.forEach((shape, index) => {
    const tripRandom = random.derive(`trip ${index}`);
    const departure = shape.departure ?? departureDate(tripRandom, context, shape.purpose);
    const days = shape.days ?? plannedDays(tripRandom, shape.purpose, shape.borderPass);
    const end = addDays(departure, days);
    const member = chooseTraveller(context, tripRandom, shape.purpose, departure, end);
    if (!member) return;
    context.busy.set(member.key, [...(context.busy.get(member.key) ?? []), [departure, addDays(end, 90)]]);
    const trip = liveTrip(context, tripRandom, `t${index}`, member, shape, departure, days);
    if (trip) trips.push(trip);
  });
  return trips;
}

/* ---------- party-activity events and documents ---------- */

const emptyEvent = {
  memberId: placeholderId,
  tripId: null,
  endDate: null,
  reason: null,
  decidingBody: null,
  decisionRef: null,
  decisionDate: null,
  destination: null,
  returned: null,
  returnedDate: null,
  spouseCountry: null,
  marriageOutcome: null,
  disciplineForm: null,
  notes: null,
} as const;

function eventInput(values: Partial<ParsedEventInput> & Pick<ParsedEventInput, 'kind' | 'effectiveDate'>): ParsedEventInput {
  return { ...emptyEvent, ...values };
}

function tripEvents(spec: DemoUnitSpec, trips: DemoTrip[]): DemoEvent[] {
  const events: DemoEvent[] = [];
  const decidingBody = `Ban Thường vụ ${spec.unit.name}`;
  const add = (trip: DemoTrip, values: Parameters<typeof eventInput>[0]) =>
    events.push({
      key: `e${events.length}`,
      memberKey: trip.memberKey,
      tripKey: trip.key,
      input: eventInput({ ...values, tripId: placeholderId, decidingBody }),
    });
  for (const trip of trips) {
    const { record } = trip;
    const departed = record.actualDeparture;
    if (!departed) continue;
    const random = spec.random.derive(`events ${trip.key}`);
    const decided = addDays(departed, -random.between(2, 10));
    const destination = `Tổ chức đảng tại ${trip.input.countries[0]}`;
    if (record.activityTransfer === 'temporary')
      add(trip, {
        kind: 'temporary_transfer_out',
        effectiveDate: decided,
        decisionDate: decided,
        destination,
        reason: 'Ra nước ngoài trên 3 tháng',
      });
    if (record.activityTransfer === 'official')
      add(trip, {
        kind: 'official_transfer_out',
        effectiveDate: decided,
        decisionDate: decided,
        destination: 'Đảng ủy Bộ Ngoại giao',
        reason: 'Ra nước ngoài trên 12 tháng',
      });
    if (record.exemption) {
      add(trip, {
        kind: 'exemption',
        effectiveDate: departed,
        endDate: addDays(record.extendedReturn ?? record.plannedReturn, 30),
        decisionDate: decided,
        reason: trip.input.purpose === 'labour' ? 'Đi lao động đơn lẻ ở nước ngoài' : 'Ra nước ngoài giải quyết việc riêng',
      });
    }
    if (record.labourExportTransfer) {
      const returnedDate = record.actualReturn ? addDays(record.actualReturn, random.between(5, 30)) : null;
      const back = returnedDate !== null && !isAfter(returnedDate, spec.today);
      add(trip, {
        kind: 'labour_export_transfer',
        effectiveDate: decided,
        decisionDate: decided,
        destination: 'Chi bộ doanh nghiệp đưa người lao động đi làm việc ở nước ngoài',
        returned: back,
        returnedDate: back ? returnedDate : null,
      });
    }
    if (record.actualReturn && record.activityTransfer !== 'none') {
      const readmitted = addDays(record.actualReturn, random.between(7, 30));
      if (!isAfter(readmitted, spec.today))
        add(trip, { kind: 'return_readmission', effectiveDate: readmitted, decisionDate: readmitted });
    }
  }
  return events;
}

const spouseCountries: readonly CountryCode[] = ['KR', 'TW', 'CN', 'JP', 'US', 'AU', 'DE', 'DK', 'FR'];

function memberEvents(spec: DemoUnitSpec, members: DemoMember[], trips: DemoTrip[], firstKey: number): DemoEvent[] {
  const { random, today } = spec;
  const decidingBody = `Ban Thường vụ ${spec.unit.name}`;
  const events: DemoEvent[] = [];
  const add = (member: DemoMember, values: Parameters<typeof eventInput>[0]) =>
    events.push({
      key: `e${firstKey + events.length}`,
      memberKey: member.key,
      tripKey: null,
      input: eventInput({ ...values, decidingBody }),
    });
  const travellers = new Set(trips.map((trip) => trip.memberKey));
  const thisYear = yearOf(today);
  const candidates = members.filter(
    (member) =>
      member.input.status === 'active' &&
      !travellers.has(member.key) &&
      thisYear - member.birthYear >= 24 &&
      thisYear - member.birthYear <= 45,
  );
  // About one marriage to a foreigner per thirty communes a year; the showcase has two, one not yet dealt with.
  const marriages = spec.showcase ? 2 : random.chance(members.length * 0.00012 * 4) ? 1 : 0;
  for (let index = 0; index < marriages; index += 1) {
    const free = candidates.filter((candidate) => !events.some((event) => event.memberKey === candidate.key));
    if (free.length === 0) break;
    const member = random.pick(free);
    const recent = index === 0 && spec.showcase;
    const effectiveDate = recent ? addDays(today, -random.between(20, 90)) : addDays(today, -random.between(200, 1200));
    const outcome = recent ? 'pending' : random.pick(['continuing', 'exempted', 'left_party'] as const);
    add(member, {
      kind: 'foreign_marriage',
      effectiveDate,
      spouseCountry: random.pick(spouseCountries),
      marriageOutcome: outcome,
      notes: 'Kết hôn với người nước ngoài; đã báo cáo chi bộ.',
    });
    if (outcome === 'exempted')
      add(member, {
        kind: 'exemption',
        effectiveDate: addDays(effectiveDate, 30),
        endDate: addDays(effectiveDate, 395),
        decisionDate: addDays(effectiveDate, 30),
        reason: 'Đoàn tụ gia đình ở nước ngoài',
      });
    if (outcome === 'left_party') {
      add(member, {
        kind: 'left_party',
        effectiveDate: addDays(effectiveDate, 60),
        decisionDate: addDays(effectiveDate, 60),
        reason: 'Xin ra khỏi Đảng để đoàn tụ gia đình ở nước ngoài',
      });
      member.input = { ...member.input, status: 'left' };
    }
  }
  return events;
}

function issuedDocuments(spec: DemoUnitSpec): ParsedIssuedDocument[] {
  const { random, today } = spec;
  const issuer = `Ban Thường vụ ${spec.unit.name}`;
  const suffix = spec.kind === 'province' ? 'TU' : 'ĐU';
  const documents: ParsedIssuedDocument[] = [];
  for (let year = yearOf(today) - 3; year <= yearOf(today); year += 1) {
    const candidates: Pick<ParsedIssuedDocument, 'kind' | 'date' | 'ref' | 'title'>[] = [
      {
        kind: 'plan',
        date: civilDate(year, 2, random.between(5, 25)),
        ref: `${random.between(10, 60)}-KH/${suffix}`,
        title: `Kế hoạch thực hiện Quy định số 86-QĐ/TW về quản lý đảng viên ở nước ngoài năm ${year}`,
      },
      {
        kind: 'official_letter',
        date: civilDate(year, 12, random.between(10, 28)),
        ref: `${random.between(200, 600)}-CV/${suffix}`,
        title: `Về việc quản lý đảng viên ra nước ngoài dịp Tết Nguyên đán ${year + 1}`,
      },
      ...(spec.kind === 'province' && random.chance(0.5)
        ? [
            {
              kind: 'directive' as const,
              date: civilDate(year, 6, random.between(1, 28)),
              ref: `${random.between(10, 40)}-CT/${suffix}`,
              title: 'Về tăng cường quản lý cán bộ, đảng viên đi nước ngoài',
            },
          ]
        : []),
    ];
    for (const candidate of candidates) {
      if (isAfter(candidate.date, today)) continue;
      documents.push({ issuer, kindLabel: null, notes: null, ...candidate });
    }
  }
  return documents;
}

/** The unit's party cells and members alone, for import files and search benchmarks. */
export function generateDemoMembers(spec: DemoUnitSpec): { cells: string[]; members: DemoMember[] } {
  const cells = [...residentialCells(spec), ...agencyCells(spec.kind, spec.place, spec.province)];
  return { cells, members: generateMembers(spec, cells) };
}

export function generateDemoUnit(spec: DemoUnitSpec): DemoUnit {
  const { cells, members } = generateDemoMembers(spec);
  const documents: DemoTravelDocument[] = [];
  const trips = generateTrips(spec, members, documents);
  const fromTrips = tripEvents(spec, trips);
  const events = [...fromTrips, ...memberEvents(spec, members, trips, fromTrips.length)];
  return {
    unit: spec.unit,
    kind: spec.kind,
    today: spec.today,
    cells: cells.filter((cell) => members.some((member) => member.input.cellName === cell)),
    members,
    travelDocuments: documents.filter((document) => trips.some((trip) => trip.travelDocumentKey === document.key)),
    trips,
    events,
    issuedDocuments: issuedDocuments(spec),
  };
}
