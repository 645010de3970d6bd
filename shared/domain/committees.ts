import { normaliseText } from '../text/fold';

/**
 * The body of a party committee that decides on a member's trip: its standing committee ("Đảng ủy xã
 * Vĩnh Trạch" → "Ban Thường vụ Đảng ủy xã Vĩnh Trạch", Quy định 86-QĐ/TW). A name that already names a
 * body ("Ban Thường vụ Tỉnh ủy", "Ban Tổ chức Trung ương", "Thường trực Đảng ủy") is kept as written, so
 * that the title is never doubled; nothing stays nothing.
 */
export function standingCommitteeOf(committee: string): string {
  const name = normaliseText(committee);
  if (name === '') return '';
  return /^(ban|thường trực|bộ chính trị)\s/iu.test(name) ? name : `Ban Thường vụ ${name}`;
}
