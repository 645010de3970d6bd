import { normaliseText } from '../text/fold';

const standingCommitteePrefix = 'Ban Thường vụ';

/**
 * The unit's own standing committee, which decides most trips of its members (Quy định 86-QĐ/TW):
 * "Đảng ủy xã Vĩnh Trạch" → "Ban Thường vụ Đảng ủy xã Vĩnh Trạch".
 */
export function standingCommitteeOf(unitName: string): string {
  const name = normaliseText(unitName);
  if (name === '') return '';
  return name.toLocaleLowerCase('vi').startsWith(standingCommitteePrefix.toLocaleLowerCase('vi')) ? name : `${standingCommitteePrefix} ${name}`;
}
