/**
 * The body of a party committee that decides on a member's trip: its standing committee ("Ban Thường vụ Đảng ủy xã
 * Vĩnh Trạch"). A name that already names a body ("Ban Thường vụ Tỉnh ủy", "Ban Tổ chức Trung ương", "Thường trực
 * Đảng ủy") is kept as written, so that the title is never doubled.
 */
export function standingCommitteeOf(committee: string): string {
  const name = committee.normalize('NFC').trim();
  return /^(ban|thường trực|bộ chính trị)\s/iu.test(name) ? name : `Ban Thường vụ ${name}`;
}
