import { eq } from 'drizzle-orm';
import type { ZodError, ZodObject } from 'zod';
import { cells, members } from '@db/schema';
import { MemberInput, TripInput, type ParsedMemberInput } from '@shared/contract/registry';
import type { TripState } from '@shared/domain/enums';
import { reportedIssueLimit } from '@shared/contract/importing';
import type { FieldIssue } from '@shared/errors';
import { newId } from '@shared/ids';
import { translate, type MessageKey, type MessageParams } from '@shared/i18n';
import { columnLabelKey, columnsOf, type ImportColumn, type ImportKind } from '@shared/importing/columns';
import type { CivilDate } from '@shared/rules/dates';
import { deriveStateFromDates, transitionInputSchemas } from '@shared/rules/tripMachine';
import type { CountryCode } from '@shared/text/countries';
import { foldForSearch, normaliseText } from '@shared/text/fold';
import { issuesFromZod } from '@shared/validation';
import { ruleContext } from '../records/common';
import { memberFieldIssues, memberValues } from '../records/members';
import {
  archivedMemberIssue,
  duplicateTripCodeIssue,
  emptyLifeDates,
  tripFacts,
  tripFieldIssues,
  tripValues,
  type TripRecord,
} from '../records/trips';
import type { Registry } from '../../storage/registry/registry';
import { mapHeader, type HeaderMap } from './header';
import { tripColumnValues } from './columnValues';
import { takeRows, type SheetRow, type SheetTable } from './sheet';
import { parseCell, type ColumnValue } from './values';

export type MemberRecord = typeof members.$inferSelect;
export type RowAction = 'create' | 'update' | 'unchanged';

/** One problem of one row: the spreadsheet row a person sees, the column's header as written in the file, the reason. */
export interface ImportIssue {
  file: string;
  row: number;
  column: string;
  key: string;
  params: MessageParams;
}

interface PositionedIssue extends ImportIssue {
  /** The column's place in the file, to list a row's problems from left to right. */
  position: number;
}

export interface PreviewRow {
  row: number;
  action: RowAction;
  values: Record<string, ColumnValue>;
}

export interface SourceSummary {
  kind: ImportKind;
  fileName: string;
  format: SheetTable['format'];
  sheetName: string | null;
  textEncoding: SheetTable['textEncoding'];
  delimiter: SheetTable['delimiter'];
  rows: number;
  legacyEncoding: SheetTable['legacy']['encoding'];
  convertedCells: number;
  ignoredColumns: string[];
  preview: PreviewRow[];
}

export interface ImportCounts {
  membersCreated: number;
  membersUpdated: number;
  membersUnchanged: number;
  cellsCreated: number;
  tripsCreated: number;
}

export interface PlannedMember {
  row: number;
  action: RowAction;
  id: string;
  input: ParsedMemberInput;
  existing: MemberRecord | null;
  cellFolded: string;
}

export type PlannedTripRecord = Omit<TripRecord, 'createdAt' | 'updatedAt'>;

export interface PlannedTrip {
  row: number;
  record: PlannedTripRecord;
  countries: CountryCode[];
}

/** What checking the files found: the rows themselves are handed to the `ImportSink` one by one and not kept. */
export interface ImportPlan {
  sources: SourceSummary[];
  /** The first `reportedIssueLimit` problems, row by row. */
  issues: ImportIssue[];
  /** Every problem found, including those beyond the list. */
  issueCount: number;
  /** How many rows have at least one problem. */
  errorRows: number;
  counts: ImportCounts;
  tripStates: Partial<Record<TripState, number>>;
  /** Cells to create, by folded name, with the name as first written. */
  newCells: Map<string, string>;
}

/** Receives each row found good, in the files' order, while the rest are still being checked (a commit writes it at once). */
export interface ImportSink {
  member(member: PlannedMember): void;
  trip(trip: PlannedTrip): void;
}

export interface ReadSource {
  kind: ImportKind;
  fileName: string;
  table: SheetTable;
}

export type Progress = (done: number, total: number) => void;

const previewRows = 20;
const progressEvery = 500;
/** Stands in for the member of a trip whose member code matched nobody, so the rest of the row is still checked. */
const unknownMemberId = '00000000-0000-7000-8000-000000000000';

/** What the plan needs from the registry, read once: members by code, cells by folded name, trip codes and dates. */
interface Snapshot {
  today: CivilDate;
  membersByCode: Map<string, MemberRecord>;
  cellsByFolded: Map<string, { id: string; name: string }>;
  cellNameById: Map<string, string>;
  tripCodes: Set<string>;
  tripKeys: Set<string>;
}

function loadSnapshot(registry: Registry): Snapshot {
  const unitId = registry.ownUnit().id;
  const memberRecords = registry.db.select().from(members).where(eq(members.unitId, unitId)).all();
  const cellRecords = registry.db
    .select({ id: cells.id, name: cells.name, nameFolded: cells.nameFolded })
    .from(cells)
    .where(eq(cells.unitId, unitId))
    .all();
  const tripRows = registry.sqlite
    .prepare(
      'SELECT code, member_id AS memberId, planned_departure AS plannedDeparture, planned_return AS plannedReturn FROM trips',
    )
    .all() as {
    code: string | null;
    memberId: string;
    plannedDeparture: string;
    plannedReturn: string;
  }[];
  return {
    today: ruleContext(registry.db).today,
    membersByCode: new Map(memberRecords.map((record) => [record.code, record])),
    cellsByFolded: new Map(cellRecords.map((cell) => [cell.nameFolded, { id: cell.id, name: cell.name }])),
    cellNameById: new Map(cellRecords.map((cell) => [cell.id, cell.name])),
    tripCodes: new Set(tripRows.flatMap((trip) => (trip.code ? [trip.code] : []))),
    tripKeys: new Set(tripRows.map((trip) => tripKey(trip.memberId, trip.plannedDeparture, trip.plannedReturn))),
  };
}

function tripKey(memberId: string, plannedDeparture: string, plannedReturn: string): string {
  return `${memberId}|${plannedDeparture}|${plannedReturn}`;
}

/**
 * The problems of an import, kept up to `reportedIssueLimit` however many rows are bad: a file
 * of 100,000 wrong rows must not hold half a million messages in memory. The rest are counted.
 */
class IssueList {
  readonly kept: ImportIssue[] = [];
  count = 0;
  errorRows = 0;

  /** One row's problems, listed from left to right (the sort is stable: a cell's problems keep their order). */
  addRow(issues: PositionedIssue[]): void {
    if (issues.length === 0) return;
    this.count += issues.length;
    this.errorRows += 1;
    issues.sort((a, b) => a.position - b.position);
    for (const { position: _position, ...issue } of issues) {
      if (this.kept.length >= reportedIssueLimit) return;
      this.kept.push(issue);
    }
  }
}

/** Collects the problems of one file row by row, naming each column as its header is written there. */
class IssueCollector {
  private rowIssues: PositionedIssue[] = [];
  private readonly fieldColumns: Map<string, ImportColumn>;

  constructor(
    private readonly source: ReadSource,
    private readonly header: HeaderMap,
    private readonly list: IssueList,
  ) {
    this.fieldColumns = new Map(columnsOf(source.kind).map((column) => [column.field, column]));
  }

  columnName(column: ImportColumn | undefined): string {
    if (!column) return '';
    const position = this.header.positions.get(column.key);
    return position === undefined ? translate('vi', columnLabelKey(column)) : (this.source.table.header[position] ?? column.key);
  }

  /** Whether the row being checked has a problem so far. */
  get rowHasIssues(): boolean {
    return this.rowIssues.length > 0;
  }

  add(row: number, column: ImportColumn | undefined, key: string, params: MessageParams = {}): void {
    const position = column ? (this.header.positions.get(column.key) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
    this.rowIssues.push({ file: this.source.fileName, row, column: this.columnName(column), key, params, position });
  }

  /** The row is checked: its problems join the import's list. */
  endRow(): void {
    this.list.addRow(this.rowIssues);
    this.rowIssues = [];
  }

  /** Problems the form's rules found, pointed back at the column of the field; none for a field whose cell was already refused. */
  addFieldIssues(row: number, issues: FieldIssue[], refusedFields: ReadonlySet<string>): void {
    for (const issue of issues) {
      const field = String(issue.path[0] ?? '');
      if (refusedFields.has(field)) continue;
      this.add(row, this.fieldColumns.get(field), issue.key, issue.params);
    }
  }
}

/** The schema's problems as field issues, saying how long a text may be where the generic message would not. */
function schemaIssues(error: ZodError): FieldIssue[] {
  const generic = issuesFromZod(error);
  return error.issues.map((issue, index) =>
    issue.code === 'too_big' && issue.origin === 'string'
      ? { path: generic[index]!.path, key: 'import.textTooLong', params: { max: Number(issue.maximum) } }
      : generic[index]!,
  );
}

/** The fields of an input that are valid on their own, for the rules that can still judge a row whose other fields are not. */
function validFields(schema: ZodObject, input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).flatMap(([field, value]) => {
      const result = schema.shape[field]?.safeParse(value);
      return result?.success ? [[field, result.data]] : [];
    }),
  );
}

interface ParsedRow {
  values: Map<string, ColumnValue>;
  /** Form fields whose cell could not be read. */
  refused: Set<string>;
}

function parseRow(row: SheetRow, header: HeaderMap, collector: IssueCollector): ParsedRow {
  const values = new Map<string, ColumnValue>();
  const refused = new Set<string>();
  header.columns.forEach((column, position) => {
    if (!column) return;
    const parsed = parseCell(column, row.cells[position]);
    if (parsed.ok) {
      values.set(column.key, parsed.value);
    } else {
      refused.add(column.field);
      collector.add(row.row, column, parsed.key, parsed.params);
    }
  });
  return { values, refused };
}

/** A form field's value from its cell: an empty required text is "" (so the form's "required" message applies), other empties are absent. */
function fieldValue(column: ImportColumn, value: ColumnValue): unknown {
  if (value !== null) return value;
  return column.required && column.type.kind === 'text' ? '' : undefined;
}

function filledInput(kind: ImportKind, parsed: ParsedRow, base: Record<string, unknown>): Record<string, unknown> {
  const input = { ...base };
  for (const column of columnsOf(kind)) {
    if (column.exportOnly || !parsed.values.has(column.key)) continue;
    input[column.field] = fieldValue(column, parsed.values.get(column.key)!);
  }
  return input;
}

/** The form's view of a stored member, for the columns a file leaves out when it updates the member. */
function memberInputOf(record: MemberRecord, cellName: string): Record<string, unknown> {
  return {
    id: record.id,
    code: record.code,
    fullName: record.fullName,
    gender: record.gender,
    birthDate: record.birthDate,
    nationalId: record.nationalId,
    cellName,
    holdsLeadershipPost: record.holdsLeadershipPost,
    leadershipPost: record.leadershipPost,
    managingCommittee: record.managingCommittee,
    underDisciplinaryReview: record.underDisciplinaryReview,
    status: record.status,
    phone: record.phone,
    email: record.email,
    address: record.address,
    notes: record.notes,
  };
}

function memberPreview(input: ParsedMemberInput): Record<string, ColumnValue> {
  return {
    member_code: normaliseText(input.code),
    full_name: normaliseText(input.fullName),
    gender: input.gender ?? null,
    birth_date: input.birthDate ?? null,
    cell: normaliseText(input.cellName),
    leadership: input.holdsLeadershipPost,
    national_id: input.nationalId ?? null,
    phone: input.phone || null,
    status: input.status,
  };
}

/** The member a trip row names, as the trip needs it: one the same import adds or updates, or one already stored. */
interface MemberOfTrip {
  id: string;
  code: string;
  fullName: string;
  archived: boolean;
}

/** What checking one file hands on to the next and to the report. */
interface FileCheck {
  plan: ImportPlan;
  issues: IssueList;
  snapshot: Snapshot;
  collector: IssueCollector;
  sink: ImportSink | null;
  preview: PreviewRow[];
  tick: () => void;
}

/**
 * Checks (and hands on) a members file's rows; with `tripsFollow`, returns the members it adds or
 * updates for the trips file of the same import. A members file alone keeps none of them: at
 * 100,000 rows they would hold some 30 MB until the end.
 */
function planMembers(source: ReadSource, header: HeaderMap, check: FileCheck, tripsFollow: boolean): Map<string, MemberOfTrip> {
  const { plan, collector, sink, preview, tick } = check;
  const membersOfImport = new Map<string, MemberOfTrip>();
  const firstRowOfCode = new Map<string, number>();
  const codeColumn = columnsOf('members').find((column) => column.key === 'member_code');
  for (const row of takeRows(source.table)) {
    tick();
    const member = planMember(row, header, check, firstRowOfCode, codeColumn);
    collector.endRow();
    if (!member) continue;
    if (tripsFollow) {
      const code = normaliseText(member.input.code);
      membersOfImport.set(code, {
        id: member.id,
        code,
        fullName: normaliseText(member.input.fullName),
        archived: (member.existing?.archivedAt ?? null) !== null,
      });
    }
    if (preview.length < previewRows)
      preview.push({ row: member.row, action: member.action, values: memberPreview(member.input) });
    if (member.action === 'create') plan.counts.membersCreated += 1;
    else if (member.action === 'update') plan.counts.membersUpdated += 1;
    else plan.counts.membersUnchanged += 1;
    // Once a row is bad nothing will be kept, so nothing more is written.
    if (check.issues.count === 0) sink?.member(member);
  }
  return membersOfImport;
}

function planMember(
  row: SheetRow,
  header: HeaderMap,
  check: FileCheck,
  firstRowOfCode: Map<string, number>,
  codeColumn: ImportColumn | undefined,
): PlannedMember | null {
  const { plan, snapshot, collector } = check;
  const parsed = parseRow(row, header, collector);
  const code = normaliseText(String(parsed.values.get('member_code') ?? ''));
  if (code !== '') {
    const firstRow = firstRowOfCode.get(code);
    if (firstRow !== undefined) collector.add(row.row, codeColumn, 'import.duplicateInFile', { value: code, firstRow });
    else firstRowOfCode.set(code, row.row);
  }
  const existing = code === '' ? undefined : snapshot.membersByCode.get(code);
  const base = existing ? memberInputOf(existing, snapshot.cellNameById.get(existing.cellId) ?? '') : {};
  const input = filledInput('members', parsed, base);
  const result = MemberInput.safeParse(input);
  if (!result.success) collector.addFieldIssues(row.row, schemaIssues(result.error), parsed.refused);
  collector.addFieldIssues(
    row.row,
    memberFieldIssues(result.success ? result.data : (validFields(MemberInput, input) as ParsedMemberInput)),
    parsed.refused,
  );
  if (!result.success || collector.rowHasIssues) return null;

  const cellFolded = foldForSearch(normaliseText(result.data.cellName));
  const cell = snapshot.cellsByFolded.get(cellFolded);
  if (!cell && !plan.newCells.has(cellFolded)) plan.newCells.set(cellFolded, normaliseText(result.data.cellName));
  const action: RowAction = !existing
    ? 'create'
    : cell && !memberChanged(existing, result.data, cell.id)
      ? 'unchanged'
      : 'update';
  return { row: row.row, action, id: existing?.id ?? newId(), input: result.data, existing: existing ?? null, cellFolded };
}

function memberChanged(existing: MemberRecord, input: ParsedMemberInput, cellId: string): boolean {
  const values = memberValues(input, cellId);
  return (Object.keys(values) as (keyof typeof values)[]).some((key) => values[key] !== existing[key]);
}

const approvalRefSchema = transitionInputSchemas.approve.shape.approvalRef;
const tripFormFields = new Set(Object.keys(TripInput.shape));

/** The trip form's fields of a row, and apart from them the dates and facts of the trip's recorded life. */
function splitTripInput(input: Record<string, unknown>): { form: Record<string, unknown>; approvalRef: unknown } {
  const form = Object.fromEntries(Object.entries(input).filter(([field]) => tripFormFields.has(field)));
  return { form, approvalRef: input.approvalRef };
}

function planTrips(
  source: ReadSource,
  header: HeaderMap,
  check: FileCheck,
  membersOfImport: ReadonlyMap<string, MemberOfTrip>,
): void {
  const { plan, snapshot, collector, sink, preview, tick } = check;
  const column = (key: string) => columnsOf('trips').find((candidate) => candidate.key === key);
  const firstRowOfCode = new Map<string, number>();
  const firstRowOfTrip = new Map<string, number>();
  for (const row of takeRows(source.table)) {
    tick();
    const trip = planTrip(row);
    collector.endRow();
    if (!trip) continue;
    if (preview.length < previewRows)
      preview.push({ row: trip.row, action: 'create', values: tripColumnValues(trip.record, trip.countries, trip.member) });
    plan.counts.tripsCreated += 1;
    plan.tripStates[trip.record.state] = (plan.tripStates[trip.record.state] ?? 0) + 1;
    if (check.issues.count === 0) sink?.trip(trip);
  }

  function planTrip(row: SheetRow): (PlannedTrip & { member: { code: string; name: string } }) | null {
    const parsed = parseRow(row, header, collector);
    const value = (key: string) => parsed.values.get(key) ?? null;

    const memberCode = normaliseText(String(value('member_code') ?? ''));
    const member = memberOfTrip(memberCode, snapshot, membersOfImport);
    if (memberCode !== '' && !member)
      collector.add(row.row, column('member_code'), 'import.trip.member.unknown', { value: memberCode });
    if (member?.archived) collector.addFieldIssues(row.row, [archivedMemberIssue(member.fullName)], parsed.refused);

    const tripCode = normaliseText(String(value('trip_code') ?? ''));
    if (tripCode !== '') {
      const firstRow = firstRowOfCode.get(tripCode);
      if (firstRow !== undefined)
        collector.add(row.row, column('trip_code'), 'import.duplicateInFile', { value: tripCode, firstRow });
      else firstRowOfCode.set(tripCode, row.row);
      if (snapshot.tripCodes.has(tripCode)) collector.addFieldIssues(row.row, [duplicateTripCodeIssue(tripCode)], parsed.refused);
    }

    const { form, approvalRef } = splitTripInput(filledInput('trips', parsed, {}));
    const formInput = { ...form, memberId: member?.id ?? unknownMemberId };
    const result = TripInput.safeParse(formInput);
    if (!result.success) collector.addFieldIssues(row.row, schemaIssues(result.error), parsed.refused);
    const approvalRefResult = approvalRef === undefined ? null : approvalRefSchema.safeParse(approvalRef);
    if (approvalRefResult && !approvalRefResult.success) {
      collector.addFieldIssues(
        row.row,
        schemaIssues(approvalRefResult.error).map((issue) => ({ ...issue, path: ['approvalRef'] })),
        parsed.refused,
      );
    }
    const life = {
      applicationDate: dateValue(value('application_date')),
      approvalDate: dateValue(value('approval_date')),
      approvalRef: approvalRefResult?.success ? approvalRefResult.data : null,
      actualDeparture: dateValue(value('actual_departure')),
      actualReturn: dateValue(value('actual_return')),
      extendedReturn: dateValue(value('extended_return')),
      overstay: (value('overstay') as PlannedTripRecord['overstay'] | null) ?? 'none',
      returnReportDate: dateValue(value('return_report_date')),
    };
    const fields = result.success ? tripValues(result.data) : validFields(TripInput, formInput);
    const facts = tripFacts({ ...emptyLifeDates(), ...fields, ...life } as TripRecord);
    collector.addFieldIssues(row.row, tripFieldIssues(facts, snapshot.today), parsed.refused);
    if (!result.success) return null;
    const record: PlannedTripRecord = {
      id: newId(),
      ...emptyLifeDates(),
      ...tripValues(result.data),
      ...life,
      state: deriveStateFromDates(facts),
    };

    if (member) {
      const key = tripKey(member.id, record.plannedDeparture, record.plannedReturn);
      const firstRow = firstRowOfTrip.get(key);
      if (snapshot.tripKeys.has(key)) collector.add(row.row, column('planned_departure'), 'import.trip.sameAsExisting');
      else if (firstRow !== undefined)
        collector.add(row.row, column('planned_departure'), 'import.trip.repeatedInFile', { firstRow });
      else firstRowOfTrip.set(key, row.row);
    }
    if (collector.rowHasIssues) return null;
    return {
      row: row.row,
      record,
      countries: result.data.countries,
      member: member ? { code: member.code, name: member.fullName } : { code: '', name: '' },
    };
  }
}

function memberOfTrip(code: string, snapshot: Snapshot, membersOfImport: ReadonlyMap<string, MemberOfTrip>): MemberOfTrip | null {
  if (code === '') return null;
  const planned = membersOfImport.get(code);
  if (planned) return planned;
  const stored = snapshot.membersByCode.get(code);
  return stored ? { id: stored.id, code: stored.code, fullName: stored.fullName, archived: stored.archivedAt !== null } : null;
}

function dateValue(value: ColumnValue): CivilDate | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Checks every row of the files with the rules the forms use, row by row, and hands each good
 * row to `sink` (a commit's writer) as long as no row so far had a problem. Reads the registry
 * once; writes nothing itself. A members file comes first so the trips of the same import may
 * name members it adds.
 */
export function planImport(
  registry: Registry,
  sources: readonly ReadSource[],
  options: { onProgress?: Progress | undefined; sink?: ImportSink } = {},
): ImportPlan {
  const { onProgress, sink = null } = options;
  const snapshot = loadSnapshot(registry);
  const issues = new IssueList();
  const plan: ImportPlan = {
    sources: [],
    issues: issues.kept,
    issueCount: 0,
    errorRows: 0,
    counts: { membersCreated: 0, membersUpdated: 0, membersUnchanged: 0, cellsCreated: 0, tripsCreated: 0 },
    tripStates: {},
    newCells: new Map(),
  };
  const total = sources.reduce((sum, source) => sum + source.table.rows.length, 0);
  let done = 0;
  const tick = () => {
    done += 1;
    if (onProgress && (done % progressEvery === 0 || done === total)) onProgress(done, total);
  };
  let membersOfImport: ReadonlyMap<string, MemberOfTrip> = new Map();
  const ordered = [...sources].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'members' ? -1 : 1));
  for (const source of ordered) {
    const header = mapHeader(source.kind, source.fileName, source.table.header);
    const check: FileCheck = {
      plan,
      issues,
      snapshot,
      collector: new IssueCollector(source, header, issues),
      sink,
      preview: [],
      tick,
    };
    if (source.kind === 'members')
      membersOfImport = planMembers(
        source,
        header,
        check,
        ordered.some((other) => other.kind === 'trips'),
      );
    else planTrips(source, header, check, membersOfImport);
    const { table } = source;
    plan.sources.push({
      kind: source.kind,
      fileName: source.fileName,
      format: table.format,
      sheetName: table.sheetName,
      textEncoding: table.textEncoding,
      delimiter: table.delimiter,
      rows: table.rows.length,
      legacyEncoding: table.legacy.encoding,
      convertedCells: table.legacy.convertedCells,
      ignoredColumns: header.ignored,
      preview: check.preview,
    });
  }
  plan.issueCount = issues.count;
  plan.errorRows = issues.errorRows;
  plan.counts.cellsCreated = plan.newCells.size;
  return plan;
}

/** The problem's reason in a person's language. */
export function issueReason(issue: Pick<ImportIssue, 'key' | 'params'>, lang: 'vi' | 'en'): string {
  return translate(lang, issue.key as MessageKey, issue.params);
}
