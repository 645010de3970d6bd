import type ExcelJS from 'exceljs';
import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditSubjectText, auditValueText } from '@shared/audit/labels';
import type { AuditFilter, AuditRow } from '@shared/contract/audit';
import { translate, type Lang, type MessageKey } from '@shared/i18n';
import { civilDateInVietnam } from '@shared/rules/dates';
import { newWorkbook, workbookBytes } from '../importing/workbook';
import type { Registry } from '../../storage/registry/registry';
import { eachAuditRow } from './query';

const vietnamOffsetMs = 7 * 3_600_000;
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE8E6' } };

const columns: { key: string; label: MessageKey; width: number }[] = [
  { key: 'seq', label: 'auditLog.seq', width: 8 },
  { key: 'at', label: 'auditLog.at', width: 18 },
  { key: 'username', label: 'auditLog.user', width: 16 },
  { key: 'action', label: 'auditLog.action', width: 32 },
  { key: 'entity', label: 'auditLog.entity', width: 20 },
  { key: 'subject', label: 'auditLog.subject', width: 40 },
  { key: 'entityId', label: 'auditLog.entityId', width: 38 },
  { key: 'outcome', label: 'auditLog.outcome', width: 14 },
  { key: 'changes', label: 'auditLog.changes', width: 80 },
];

/** The changes of one row, one field per line: "Họ và tên: Đặng Thị Hoà → Đặng Thị Hòa". */
export function changesText(lang: Lang, row: AuditRow): string {
  return row.changes
    .map(
      (change) =>
        `${auditFieldLabel(lang, row.entity, change.field)}: ${auditValueText(lang, change.field, change.before)} → ${auditValueText(lang, change.field, change.after)}`,
    )
    .join('\n');
}

/**
 * The log (or the part the filter selects) as a workbook a person can read and file: labels for
 * actions and kinds of record, the time in Vietnam, each change on its own line.
 */
export async function exportAuditXlsx(
  registry: Registry,
  filter: AuditFilter,
  lang: Lang,
  now = new Date(),
): Promise<{ fileName: string; content: Uint8Array; rows: number }> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(translate(lang, 'auditLog.title'), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: translate(lang, column.label), key: column.key, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = headerFill;
  });
  let rows = 0;
  for (const row of eachAuditRow(registry, filter)) {
    const added = sheet.addRow({
      seq: row.seq,
      // Excel has no time zones: the cell holds Vietnam's wall-clock time.
      at: new Date(Date.parse(row.at) + vietnamOffsetMs),
      username: row.username ?? translate(lang, 'auditLog.system'),
      action: auditActionLabel(lang, row.action),
      entity: auditEntityLabel(lang, row.entity),
      subject: auditSubjectText(lang, row.subject),
      entityId: row.entityId ?? '',
      outcome: translate(lang, `auditLog.outcome.${row.outcome}`),
      changes: changesText(lang, row),
    });
    added.getCell('at').numFmt = 'dd/mm/yyyy hh:mm:ss';
    added.getCell('changes').alignment = { wrapText: true, vertical: 'top' };
    rows += 1;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return {
    fileName: `nhat-ky-thay-doi-${registry.ownUnit().code}-${civilDateInVietnam(now)}.xlsx`,
    content: await workbookBytes(workbook),
    rows,
  };
}
