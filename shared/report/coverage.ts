import { type ReportData, type ReportUnitEntry, type SubmissionStatus, isIncludedStatus } from './data';
import { formatCount, formatDate } from './narrative';

/** The annex's title: which subordinate units' reports the figures include. */
export const coverageAnnexTitle = 'DANH SÁCH ĐƠN VỊ ĐÃ GỬI, GỬI MUỘN, CHƯA GỬI BÁO CÁO';

const statusWords: Record<SubmissionStatus, string> = {
  submitted: 'Đã gửi',
  late: 'Gửi muộn',
  missing: 'Chưa gửi',
  period_differs: 'Gửi báo cáo kỳ khác',
};

/** The status as the annex and the screen word it; a file for another period names its dates. */
export function submissionStatusText(unit: Pick<ReportUnitEntry, 'status' | 'from' | 'to'>): string {
  const word = statusWords[unit.status];
  if (unit.status === 'period_differs' && unit.from && unit.to)
    return `${word} (${formatDate(unit.from)} – ${formatDate(unit.to)})`;
  return word;
}

/** The subordinate units whose figures are not in the report. */
export function unitsLeftOut(data: Pick<ReportData, 'units'>): ReportUnitEntry[] {
  return (data.units ?? []).filter((unit) => !isIncludedStatus(unit.status));
}

function leftOutReason(unit: ReportUnitEntry): string {
  if (unit.status === 'period_differs' && unit.from && unit.to)
    return `báo cáo gửi cho kỳ từ ${formatDate(unit.from)} đến ${formatDate(unit.to)}`;
  return 'chưa gửi báo cáo';
}

/**
 * The sentence printed above the figures when any subordinate unit is not included:
 * "Số liệu chưa bao gồm 02 đơn vị: Đảng ủy xã A (chưa gửi báo cáo), Đảng ủy xã B (báo cáo gửi cho kỳ từ … đến …)."
 * Null when every unit is in (or the unit has none below it).
 */
export function coverageSentence(data: Pick<ReportData, 'units'>): string | null {
  const left = unitsLeftOut(data);
  if (left.length === 0) return null;
  return `Số liệu chưa bao gồm ${formatCount(left.length)} đơn vị: ${left.map((unit) => `${unit.name} (${leftOutReason(unit)})`).join(', ')}.`;
}
