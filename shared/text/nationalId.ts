import { z } from 'zod';
import type { Gender } from '../domain/enums';

/**
 * The 12-digit number of a citizen identity card (căn cước công dân, CCCD; since 2024 the
 * personal identification number on the căn cước card), per Thông tư 07/2016/TT-BCA and its
 * successors: digits 1–3 are the code of the province where the birth was registered,
 * digit 4 encodes century and gender, digits 5–6 are the last two digits of the birth year,
 * digits 7–12 are a serial number.
 */

/**
 * Province codes of the 63 provinces that existed when the numbering was set. Numbers keep
 * their code after the provinces merged in 2025, so these stay the valid prefixes.
 */
export const nationalIdProvinces: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Thành phố Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export const nationalIdProblems = [
  'nationalId.format',
  'nationalId.leadingZerosLost',
  'nationalId.province',
  'nationalId.century',
  'nationalId.birthYear',
  'nationalId.gender',
] as const;
export type NationalIdProblem = (typeof nationalIdProblems)[number];

export interface NationalIdFacts {
  provinceCode: string;
  provinceName: string;
  gender: Gender;
  birthYear: number;
}

/** What a person says about themself, to check the number against. */
export interface NationalIdHolder {
  birthYear?: number;
  gender?: Gender;
}

/** Removes white space anywhere: numbers are often written in groups ("001 085 012345"). */
export function normaliseNationalId(input: string): string {
  return input.replace(/\s+/g, '');
}

/**
 * Checks a number and decodes it. Century codes 0–3 (born 1900–2099) are the only ones
 * anyone alive can hold; 4–9 stand for the 22nd to 24th centuries.
 */
export function decodeNationalId(
  input: string,
): { ok: true; facts: NationalIdFacts } | { ok: false; problem: NationalIdProblem } {
  const value = normaliseNationalId(input);
  if (!/^\d{12}$/.test(value)) {
    // Spreadsheets store the number as a number and drop its leading zeros.
    const lostZeros = /^[1-9]\d{9,10}$/.test(value) && decodeNationalId(value.padStart(12, '0')).ok;
    return { ok: false, problem: lostZeros ? 'nationalId.leadingZerosLost' : 'nationalId.format' };
  }
  const provinceCode = value.slice(0, 3);
  const provinceName = nationalIdProvinces[provinceCode];
  if (provinceName === undefined) return { ok: false, problem: 'nationalId.province' };
  const centuryGender = Number(value[3]);
  if (centuryGender > 3) return { ok: false, problem: 'nationalId.century' };
  return {
    ok: true,
    facts: {
      provinceCode,
      provinceName,
      gender: centuryGender % 2 === 0 ? 'male' : 'female',
      birthYear: 1900 + Math.floor(centuryGender / 2) * 100 + Number(value.slice(4, 6)),
    },
  };
}

/** Every problem with a number, including disagreement with the holder's birth year and gender when those are known. */
export function checkNationalId(input: string, holder: NationalIdHolder = {}): NationalIdProblem[] {
  const decoded = decodeNationalId(input);
  if (!decoded.ok) return [decoded.problem];
  const problems: NationalIdProblem[] = [];
  if (holder.birthYear !== undefined && holder.birthYear !== decoded.facts.birthYear) problems.push('nationalId.birthYear');
  if (holder.gender !== undefined && holder.gender !== decoded.facts.gender) problems.push('nationalId.gender');
  return problems;
}

/** A CCCD number: white space removed, then checked on its own (agreement with the holder is `checkNationalId`'s). */
export const NationalId = z
  .string()
  .transform(normaliseNationalId)
  .superRefine((value, context) => {
    const decoded = decodeNationalId(value);
    if (!decoded.ok) context.addIssue({ code: 'custom', message: decoded.problem });
  });
