import type { CountryCode } from '@shared/text/countries';
import { foldForSearch } from '@shared/text/fold';
import type { Region } from './names';

/**
 * The 34 provinces and centrally-run cities since 1 July 2025, with the number of communes and
 * wards each has (3,321 in all), the region, the CCCD province codes of the provinces merged
 * into it (numbers keep the code of the province where the birth was registered), and the
 * neighbouring countries its people cross into with a border pass.
 */
export interface Province {
  name: string;
  city: boolean;
  communes: number;
  region: Region;
  nationalIdCodes: readonly string[];
  borderCountries: readonly CountryCode[];
}

export const provinces: readonly Province[] = [
  { name: 'Hà Nội', city: true, communes: 126, region: 'north', nationalIdCodes: ['001'], borderCountries: [] },
  { name: 'Huế', city: true, communes: 40, region: 'centre', nationalIdCodes: ['046'], borderCountries: ['LA'] },
  { name: 'Lai Châu', city: false, communes: 38, region: 'north', nationalIdCodes: ['012'], borderCountries: ['CN'] },
  { name: 'Điện Biên', city: false, communes: 45, region: 'north', nationalIdCodes: ['011'], borderCountries: ['LA', 'CN'] },
  { name: 'Sơn La', city: false, communes: 75, region: 'north', nationalIdCodes: ['014'], borderCountries: ['LA'] },
  { name: 'Lạng Sơn', city: false, communes: 65, region: 'north', nationalIdCodes: ['020'], borderCountries: ['CN'] },
  { name: 'Quảng Ninh', city: false, communes: 54, region: 'north', nationalIdCodes: ['022'], borderCountries: ['CN'] },
  { name: 'Thanh Hóa', city: false, communes: 166, region: 'north', nationalIdCodes: ['038'], borderCountries: ['LA'] },
  { name: 'Nghệ An', city: false, communes: 130, region: 'centre', nationalIdCodes: ['040'], borderCountries: ['LA'] },
  { name: 'Hà Tĩnh', city: false, communes: 69, region: 'centre', nationalIdCodes: ['042'], borderCountries: ['LA'] },
  { name: 'Cao Bằng', city: false, communes: 56, region: 'north', nationalIdCodes: ['004'], borderCountries: ['CN'] },
  { name: 'Tuyên Quang', city: false, communes: 124, region: 'north', nationalIdCodes: ['008', '002'], borderCountries: ['CN'] },
  { name: 'Lào Cai', city: false, communes: 99, region: 'north', nationalIdCodes: ['010', '015'], borderCountries: ['CN'] },
  { name: 'Thái Nguyên', city: false, communes: 92, region: 'north', nationalIdCodes: ['019', '006'], borderCountries: [] },
  { name: 'Phú Thọ', city: false, communes: 148, region: 'north', nationalIdCodes: ['025', '026', '017'], borderCountries: [] },
  { name: 'Bắc Ninh', city: false, communes: 99, region: 'north', nationalIdCodes: ['027', '024'], borderCountries: [] },
  { name: 'Hưng Yên', city: false, communes: 104, region: 'north', nationalIdCodes: ['033', '034'], borderCountries: [] },
  { name: 'Hải Phòng', city: true, communes: 114, region: 'north', nationalIdCodes: ['031', '030'], borderCountries: [] },
  { name: 'Ninh Bình', city: false, communes: 129, region: 'north', nationalIdCodes: ['037', '035', '036'], borderCountries: [] },
  { name: 'Quảng Trị', city: false, communes: 78, region: 'centre', nationalIdCodes: ['045', '044'], borderCountries: ['LA'] },
  { name: 'Đà Nẵng', city: true, communes: 94, region: 'centre', nationalIdCodes: ['048', '049'], borderCountries: ['LA'] },
  {
    name: 'Quảng Ngãi',
    city: false,
    communes: 96,
    region: 'centre',
    nationalIdCodes: ['051', '062'],
    borderCountries: ['LA', 'KH'],
  },
  { name: 'Gia Lai', city: false, communes: 135, region: 'centre', nationalIdCodes: ['064', '052'], borderCountries: ['KH'] },
  { name: 'Khánh Hòa', city: false, communes: 65, region: 'centre', nationalIdCodes: ['056', '058'], borderCountries: [] },
  {
    name: 'Lâm Đồng',
    city: false,
    communes: 124,
    region: 'centre',
    nationalIdCodes: ['068', '067', '060'],
    borderCountries: ['KH'],
  },
  { name: 'Đắk Lắk', city: false, communes: 102, region: 'centre', nationalIdCodes: ['066', '054'], borderCountries: ['KH'] },
  {
    name: 'Thành phố Hồ Chí Minh',
    city: true,
    communes: 168,
    region: 'south',
    nationalIdCodes: ['079', '074', '077'],
    borderCountries: [],
  },
  { name: 'Đồng Nai', city: false, communes: 95, region: 'south', nationalIdCodes: ['075', '070'], borderCountries: ['KH'] },
  { name: 'Tây Ninh', city: false, communes: 96, region: 'south', nationalIdCodes: ['072', '080'], borderCountries: ['KH'] },
  { name: 'Cần Thơ', city: true, communes: 103, region: 'south', nationalIdCodes: ['092', '094', '093'], borderCountries: [] },
  { name: 'Vĩnh Long', city: false, communes: 124, region: 'south', nationalIdCodes: ['086', '083', '084'], borderCountries: [] },
  { name: 'Đồng Tháp', city: false, communes: 102, region: 'south', nationalIdCodes: ['087', '082'], borderCountries: ['KH'] },
  { name: 'Cà Mau', city: false, communes: 64, region: 'south', nationalIdCodes: ['096', '095'], borderCountries: [] },
  { name: 'An Giang', city: false, communes: 102, region: 'south', nationalIdCodes: ['089', '091'], borderCountries: ['KH'] },
];

/** `ANGIANG`, `THANHPHOHOCHIMINH`: the name folded, without spaces, in capitals. */
export function codeOf(name: string): string {
  return foldForSearch(name)
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();
}

/** The standing committee that governs the province (Tỉnh ủy, or Thành ủy for a centrally-run city). */
export function provinceCommitteeName(province: Province): string {
  return `${province.city ? 'Thành ủy' : 'Tỉnh ủy'} ${province.name}`;
}

/** The Central Organisation Commission, to which the provinces report. */
export const centreUnit = { code: 'BTCTW', name: 'Ban Tổ chức Trung ương', level: 'central' } as const;
