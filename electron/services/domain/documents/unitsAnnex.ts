import { type ReportData, isIncludedStatus } from '@shared/report/data';
import { coverageAnnexTitle, coverageSentence, submissionStatusText } from '@shared/report/coverage';
import { type ReportMeta, formatDate, periodLabel } from '@shared/report/narrative';
import { civilDateInVietnam } from '@shared/rules/dates';
import { type Appendix, appendixTableSize, attachedTo } from './appendices';
import { type TableCell } from './model';

function head(value: string): TableCell {
  return { value, align: 'center', bold: true };
}

/**
 * At a province or the centre: every subordinate unit with the status of its report for the period,
 * the date it signed the file held and how many versions came in, so the reader sees whom the figures
 * include. Absent for a commune, which combines nobody.
 */
export function buildUnitsAnnex(data: ReportData, meta: ReportMeta): Appendix | null {
  const units = data.units;
  if (!units) return null;
  const body: TableCell[][] =
    units.length === 0
      ? [
          [
            { value: null, align: 'center' },
            { value: 'Chưa có đơn vị trực thuộc nào phải gửi báo cáo.', colSpan: 5, align: 'left' },
          ],
        ]
      : units.map((unit, index) => [
          { value: index + 1, align: 'center' },
          { value: unit.name, align: 'left' },
          { value: submissionStatusText(unit), align: 'left' },
          { value: unit.signedAt ? formatDate(civilDateInVietnam(unit.signedAt)) : '', align: 'center' },
          { value: unit.versions ?? (unit.packageId ? 1 : 0), align: 'center' },
          { value: isIncludedStatus(unit.status) ? 'Có' : 'Không', align: 'center' },
        ]);
  const sentence = coverageSentence(data);
  return {
    label: 'Phụ lục 04',
    sheetName: 'Đơn vị gửi báo cáo',
    titleLines: [coverageAnnexTitle],
    attachedTo: attachedTo(meta),
    period: periodLabel(data.period),
    orientation: 'landscape',
    table: {
      kind: 'table',
      columnWidths: [13, 90, 70, 30, 25, 30],
      header: [
        [
          head('STT'),
          head('Đơn vị'),
          head('Tình trạng báo cáo'),
          head('Ngày ký'),
          head('Số phiên bản'),
          head('Số liệu đã tổng hợp'),
        ],
      ],
      body,
      size: appendixTableSize,
    },
    notes: sentence ? [{ label: sentence, level: 0, bold: true }] : [],
  };
}
