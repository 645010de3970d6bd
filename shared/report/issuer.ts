import { z } from 'zod';
import { standingCommitteeOf } from '../domain/committees';
import type { UnitLevel } from '../domain/enums';

/**
 * What the issuing committee's level decides in a report: its number symbol, the place on its
 * date line, whom it speaks of and to whom it sends. Written once here; the heading settings
 * only override the symbol, the place and the superior organisation.
 */

const committeePrefixes =
  /^(đảng ủy|đảng uỷ|ban thường vụ|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|đảng bộ)\s+(xã|phường|thị trấn|đặc khu|tỉnh|thành phố)?\s*/iu;

/** "Đảng ủy xã Vĩnh Trạch" is written at "Vĩnh Trạch" on the date line. */
export function placeOf(committeeName: string): string {
  return committeeName.replace(committeePrefixes, '').trim() || committeeName;
}

/** The place on the date line when the unit set none: its own locality, "Hà Nội" for the centre. */
export function defaultPlace(unit: { name: string; level: UnitLevel }): string {
  return unit.level === 'central' ? 'Hà Nội' : placeOf(unit.name);
}

/**
 * The issuer's part of a document symbol ("15-BC/TU") when the unit set none: a Tỉnh ủy or Thành ủy
 * directly under the Centre writes TU, the Central Organisation Commission BTCTW, an Đảng ủy ĐU.
 */
export function defaultSymbol(unit: { name: string; level: UnitLevel }): string {
  if (unit.level === 'central') return 'BTCTW';
  if (/^(tỉnh|thành)\s+(ủy|uỷ)\b/iu.test(unit.name.trim())) return 'TU';
  return 'ĐU';
}

/** The committee the report speaks for in sentences ("Ban Thường vụ Tỉnh ủy An Giang"); the centre reports in its own name. */
export function defaultAuthor(committeeName: string, level: UnitLevel): string {
  return level === 'central' ? committeeName : standingCommitteeOf(committeeName);
}

export interface LevelWording {
  /** Whom the committee leads: "các chi bộ", "các cấp ủy, tổ chức đảng trực thuộc", … */
  subordinates: string;
  /** The whole the figures cover: "toàn Đảng bộ", "toàn Đảng". */
  whole: string;
}

export function levelWording(level: UnitLevel): LevelWording {
  if (level === 'central') return { subordinates: 'các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương', whole: 'toàn Đảng' };
  if (level === 'province') return { subordinates: 'các cấp ủy, tổ chức đảng trực thuộc', whole: 'toàn Đảng bộ' };
  return { subordinates: 'các chi bộ', whole: 'toàn Đảng bộ' };
}

/** The usual recipients per level: a commune sends up to the province, a province to the Centre (as the model report), the centre to the Secretariat. */
export function defaultRecipients(committeeName: string, level: UnitLevel): string[] {
  if (level === 'central')
    return [
      'Ban Bí thư (để b/c)',
      'Các đồng chí Lãnh đạo Ban',
      'Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương',
      'Lưu Văn phòng Ban',
    ];
  if (level === 'province') {
    return [
      'Ban Tổ chức Trung ương',
      'Vụ Cơ sở đảng, đảng viên - BTCTW',
      'Vụ Địa phương phụ trách - BTCTW',
      'Ban Tổ chức Tỉnh ủy',
      `Lưu Văn phòng ${committeeName}`,
    ];
  }
  return ['Ban Thường vụ Tỉnh ủy (để b/c)', 'Ban Tổ chức Tỉnh ủy', 'Các chi bộ trực thuộc', `Lưu Văn phòng ${committeeName}`];
}

/** Who signs by default: the standing committee's secretary, at the centre the Commission's head. */
export function defaultSigner(level: UnitLevel): { authority: string; title: string } {
  return level === 'central'
    ? { authority: 'K/T TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN' }
    : { authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' };
}

/**
 * What a unit sets once for its reports' headings; empty fields fall back to the defaults above
 * (the superior organisation's line is then left for the clerk to fill in on the document).
 */
export const ReportHeadingSettings = z.object({
  /** "Đảng bộ tỉnh An Giang": the line above the unit's own name. */
  superiorName: z.string().trim().max(200).default(''),
  /** The issuer's part of the symbol: "ĐU", "TU", "BTCTW". */
  symbol: z.string().trim().max(20).default(''),
  /** The place name of the date line. */
  place: z.string().trim().max(100).default(''),
});
export type ReportHeadingSettings = z.infer<typeof ReportHeadingSettings>;

export const emptyReportHeadingSettings: ReportHeadingSettings = { superiorName: '', symbol: '', place: '' };
