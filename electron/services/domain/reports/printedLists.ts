import { eq } from 'drizzle-orm';
import { cells } from '@db/schema';
import type { ComplianceFlag, MemberStatus, TripState } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { translate, type MessageKey } from '@shared/i18n';
import { defaultPlace } from '@shared/report/issuer';
import { formatPlaceDate } from '@shared/report/narrative';
import { civilDateInVietnam, formatCivilDate } from '@shared/rules/dates';
import { abroadTripStates } from '@shared/rules/tripMachine';
import { countryName, isCountryCode } from '@shared/text/countries';
import { type DocumentModel, type TableCell, paragraph, spacer } from '../documents/model';
import { partyHeading } from '../documents/partyLayout';
import { writePdf } from '../documents/pdfWriter';
import { searchMembers } from '../records/members';
import { searchTrips } from '../records/trips';
import type { Registry } from '../../storage/registry/registry';
import { readSetting, reportHeadingSetting } from '../../storage/settings';

export interface TripListFilter {
  query?: string | undefined;
  state?: TripState | undefined;
  flag?: ComplianceFlag | undefined;
  openFlagsOnly?: boolean | undefined;
  abroadNow?: boolean | undefined;
}

export interface MemberListFilter {
  query?: string | undefined;
  cellId?: string | undefined;
  status?: MemberStatus | undefined;
  includeArchived: boolean;
}

export interface PrintedList {
  fileName: string;
  content: Buffer;
}

const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key as MessageKey, params);

/** Every matching record, not a page. */
const everyRow = { offset: 0, limit: Number.MAX_SAFE_INTEGER };

/** A list wide enough for its columns: A4 turned, the party margins. */
const listMargins = { top: 15, bottom: 15, left: 20, right: 15 };

interface ListColumn {
  header: string;
  width: number;
  align?: 'left' | 'center';
}

interface ListDocument {
  title: string;
  /** What the list holds: the filter in words, one line each. */
  scope: string[];
  columns: ListColumn[];
  rows: string[][];
  emptyText: string;
}

/** The unit's heading, the list's title, what it covers and on which day, then the rows in a table repeated on each page. */
function listModel(registry: Registry, list: ListDocument, today: string): DocumentModel {
  const unit = registry.ownUnit();
  const heading = readSetting(registry.db, reportHeadingSetting);
  const header: TableCell[][] = [
    [
      { value: 'STT', align: 'center', bold: true },
      ...list.columns.map((column) => ({ value: column.header, align: 'center' as const, bold: true })),
    ],
  ];
  const body: TableCell[][] = list.rows.length
    ? list.rows.map((row, index) => [
        { value: index + 1, align: 'center' as const },
        ...row.map((value, column) => ({ value, align: list.columns[column]?.align ?? 'left' })),
      ])
    : [[{ value: list.emptyText, colSpan: list.columns.length + 1, align: 'center' as const, italic: true }]];
  return {
    title: list.title,
    author: unit.name,
    sections: [
      {
        orientation: 'landscape',
        margins: listMargins,
        blocks: [
          partyHeading({
            parentName: heading.superiorName,
            issuerNames: [unit.name],
            placeDate: formatPlaceDate(heading.place || defaultPlace(unit), today),
          }),
          spacer(10),
          paragraph(list.title.toUpperCase(), { align: 'center', bold: true, size: 15, keepWithNext: true }),
          ...list.scope.map((line) => paragraph(line, { align: 'center', italic: true, size: 13, keepWithNext: true })),
          paragraph(vi('printedList.asOf', { date: formatCivilDate(today), count: list.rows.length }), {
            align: 'center',
            size: 13,
            spaceAfter: 8,
            keepWithNext: true,
          }),
          { kind: 'table', columnWidths: [14, ...list.columns.map((column) => column.width)], header, body, size: 12 },
        ],
      },
    ],
    footnotes: [],
    pageNumbers: true,
  };
}

function countriesText(codes: string[]): string {
  return codes.map((code) => (isCountryCode(code) ? countryName(code) : code)).join(', ');
}

const fileStems = { abroad: 'DangVienDangONuocNgoai', overdue: 'QuaHanBaoCaoKetQua', trips: 'DanhSachChuyenDi' } as const;

function fileName(stem: string, today: string): string {
  return `${stem}_${formatCivilDate(today).replace(/\//g, '-')}.pdf`;
}

/**
 * The trips list as the screen filters it, as a landscape A4 PDF: "members abroad now" is the list
 * filtered by that state, the overdue return reports the list filtered by that flag.
 */
export async function printTripList(registry: Registry, filter: TripListFilter): Promise<PrintedList> {
  const today = civilDateInVietnam(new Date());
  const found = searchTrips(registry, { ...filter, ...everyRow }).rows;
  const rows = filter.abroadNow ? found.filter((row) => abroadTripStates.includes(row.state)) : found;
  const kind =
    filter.abroadNow && !filter.state && !filter.flag
      ? 'abroad'
      : filter.flag === 'return_report_overdue' && !filter.state && !filter.abroadNow
        ? 'overdue'
        : 'trips';
  const title = vi(`printedList.${kind}Title`);
  const scope = [
    ...(filter.abroadNow && kind !== 'abroad' ? [vi('printedList.abroadTitle')] : []),
    ...(filter.state ? [vi('printedList.state', { state: vi(`tripState.${filter.state}`) })] : []),
    ...(filter.flag
      ? [vi(filter.openFlagsOnly ? 'printedList.openFlag' : 'printedList.flag', { flag: vi(`flag.${filter.flag}`) })]
      : []),
    ...(filter.query?.trim() ? [vi('printedList.query', { query: filter.query.trim() })] : []),
  ];
  const columns: ListColumn[] = [
    { header: vi('tripField.member'), width: 44 },
    { header: vi('memberField.code'), width: 22, align: 'center' },
    { header: vi('tripField.purpose'), width: 30 },
    { header: vi('tripField.countries'), width: 54 },
    { header: vi('trips.plannedPeriod'), width: 56, align: 'center' },
    { header: vi('tripField.state'), width: 34 },
    { header: vi('tripField.flags'), width: 48 },
  ];
  const body = rows.map((row) => [
    row.memberName,
    row.memberCode,
    vi(`purpose.${row.purpose}`),
    countriesText(row.countries),
    `${formatCivilDate(row.plannedDeparture)} – ${formatCivilDate(row.plannedReturn)}`,
    vi(`tripState.${row.state}`),
    row.flagDetails
      .filter((entry) => !filter.openFlagsOnly || entry.open)
      .map((entry) => vi(`flag.${entry.flag}`))
      .join('; '),
  ]);
  const content = await writePdf(
    listModel(registry, { title, scope, columns, rows: body, emptyText: vi('printedList.empty') }, today),
  );
  return { fileName: fileName(fileStems[kind], today), content };
}

/** The members list as the screen filters it (a cell's members when a cell is chosen), as a landscape A4 PDF. */
export async function printMemberList(registry: Registry, filter: MemberListFilter): Promise<PrintedList> {
  const today = civilDateInVietnam(new Date());
  const cell = filter.cellId ? registry.db.select().from(cells).where(eq(cells.id, filter.cellId)).get() : undefined;
  if (filter.cellId && !cell) throw new DomainError('NOT_FOUND');
  const { rows } = searchMembers(registry, { ...filter, ...everyRow });
  const scope = [
    ...(cell ? [cell.name] : []),
    ...(filter.status ? [vi('printedList.status', { status: vi(`memberStatus.${filter.status}`) })] : []),
    ...(filter.query?.trim() ? [vi('printedList.query', { query: filter.query.trim() })] : []),
  ];
  const columns: ListColumn[] = [
    { header: vi('memberField.code'), width: 24, align: 'center' },
    { header: vi('memberField.fullName'), width: 50 },
    { header: vi('memberField.gender'), width: 18, align: 'center' },
    { header: vi('memberField.birthDate'), width: 24, align: 'center' },
    { header: vi('memberField.cell'), width: 52 },
    { header: vi('memberField.status'), width: 34 },
    { header: vi('printedList.abroadNow'), width: 30, align: 'center' },
  ];
  const body = rows.map((member) => [
    member.code,
    member.fullName,
    member.gender ? vi(`gender.${member.gender}`) : '',
    member.birthDate ? formatCivilDate(member.birthDate) : '',
    member.cellName,
    vi(`memberStatus.${member.status}`),
    member.abroadNow ? vi('printedList.yes') : '',
  ]);
  const title = cell ? vi('printedList.cellTitle') : vi('printedList.membersTitle');
  const content = await writePdf(
    listModel(registry, { title, scope, columns, rows: body, emptyText: vi('printedList.empty') }, today),
  );
  return { fileName: fileName(cell ? 'DangVienChiBo' : 'DanhSachDangVien', today), content };
}
