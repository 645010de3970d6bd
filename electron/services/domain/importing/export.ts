import type { ComplianceFlag, MemberStatus, TripState } from '@shared/domain/enums';
import { translate } from '@shared/i18n';
import { memberColumns, tripColumns } from '@shared/importing/columns';
import { civilDateInVietnam } from '@shared/rules/dates';
import { searchMembers } from '../records/members';
import { recordsById, searchTrips } from '../records/trips';
import type { Registry } from '../../storage/registry/registry';
import { tripColumnValues } from './columnValues';
import type { ColumnValue } from './values';
import { addDataSheet, exportCellValue, newStreamedWorkbook } from './workbook';

export interface MemberExportFilter {
  query?: string | undefined;
  cellId?: string | undefined;
  status?: MemberStatus | undefined;
  includeArchived: boolean;
}

export interface TripExportFilter {
  query?: string | undefined;
  memberId?: string | undefined;
  state?: TripState | undefined;
  flag?: ComplianceFlag | undefined;
}

export interface ExportedFile {
  fileName: string;
  content: Uint8Array;
}

/** Every matching record, not a page. */
const everyRow = { offset: 0, limit: Number.MAX_SAFE_INTEGER };

function fileName(base: string): string {
  return `${base}-${civilDateInVietnam(new Date())}.xlsx`;
}

/**
 * The member list as an XLSX workbook with the headers of the import template, so the file
 * reads well and imports back: labels for values, dates as dates shown dd/mm/yyyy.
 */
export async function exportMembers(registry: Registry, filter: MemberExportFilter): Promise<ExportedFile> {
  const { rows } = searchMembers(registry, { ...filter, ...everyRow });
  const phones = new Map(
    (registry.sqlite.prepare('SELECT id, phone FROM members').all() as { id: string; phone: string | null }[]).map((row) => [
      row.id,
      row.phone,
    ]),
  );
  const { workbook, finish } = await newStreamedWorkbook();
  const sheet = addDataSheet(workbook, translate('vi', 'import.kind.members'), memberColumns);
  for (const member of rows) {
    const values: Record<string, ColumnValue> = {
      member_code: member.code,
      full_name: member.fullName,
      gender: member.gender,
      birth_date: member.birthDate,
      cell: member.cellName,
      leadership: member.holdsLeadershipPost,
      national_id: member.nationalId,
      phone: phones.get(member.id) ?? null,
      status: member.status,
    };
    sheet.addRow(memberColumns.map((column) => exportCellValue(column, values[column.key]))).commit();
  }
  return { fileName: fileName('danh-sach-dang-vien'), content: await finish() };
}

/** The trip list, with the member's name and the trip's state added for reading (both ignored if the file is imported). */
export async function exportTrips(registry: Registry, filter: TripExportFilter): Promise<ExportedFile> {
  const { rows } = searchTrips(registry, { ...filter, ...everyRow });
  const records = recordsById(
    registry.db,
    rows.map((row) => row.id),
  );
  const { workbook, finish } = await newStreamedWorkbook();
  const sheet = addDataSheet(workbook, translate('vi', 'import.kind.trips'), tripColumns);
  for (const row of rows) {
    const record = records.get(row.id)!;
    const values = tripColumnValues(record, row.countries, { code: row.memberCode, name: row.memberName });
    sheet.addRow(tripColumns.map((column) => exportCellValue(column, values[column.key]))).commit();
  }
  return { fileName: fileName('danh-sach-chuyen-di'), content: await finish() };
}
