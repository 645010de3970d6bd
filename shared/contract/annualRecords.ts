import { z } from 'zod';
import { CivilDate, Id, requiredText } from '../domain/primitives';
import { dataEntry, everyone, readCall, writeCall } from './define';

/** The year of a supplement: the party's records in this registry start long after 1990. */
export const RecordYear = z.number().int().min(1990).max(2100);

/** Whose supplements to print: one member by party card code, one cell by name, or every member. */
export const AnnualRecordScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('member'), memberCode: requiredText(40) }),
  z.strictObject({ kind: z.literal('cell'), cellName: requiredText(200) }),
  z.strictObject({ kind: z.literal('all') }),
]);
export type AnnualRecordScope = z.infer<typeof AnnualRecordScope>;

export const AnnualRecordMember = z.object({
  memberId: Id,
  code: z.string(),
  fullName: z.string(),
  cellId: Id,
  cellName: z.string(),
  /** Trips abroad the supplement of the year lists. */
  tripCount: z.number().int(),
  receivedOn: CivilDate.nullable(),
  recordedBy: z.string().nullable(),
});
export type AnnualRecordMember = z.infer<typeof AnnualRecordMember>;

export const AnnualRecordCell = z.object({
  cellId: Id,
  cellName: z.string(),
  members: z.number().int(),
  outstanding: z.number().int(),
});
export type AnnualRecordCell = z.infer<typeof AnnualRecordCell>;

export const AnnualRecordList = z.object({
  year: z.number().int(),
  members: z.array(AnnualRecordMember),
  /** Every cell with members who declare, including those whose supplements are all in. */
  cells: z.array(AnnualRecordCell),
  outstanding: z.number().int(),
});
export type AnnualRecordList = z.infer<typeof AnnualRecordList>;

/** The list's counts without its members: what the dashboard shows, read without listing every member. */
export const AnnualRecordSummary = AnnualRecordList.omit({ members: true });
export type AnnualRecordSummary = z.infer<typeof AnnualRecordSummary>;

const AnnualRecordFile = z.object({ fileName: z.string(), contentBase64: z.string(), members: z.number().int() });

export const annualRecordsCalls = {
  'annualRecords.list': readCall(z.strictObject({ year: RecordYear, cellId: Id.optional() }), AnnualRecordList, everyone),
  'annualRecords.summary': readCall(z.strictObject({ year: RecordYear }), AnnualRecordSummary, everyone),
  'annualRecords.render': readCall(
    z.strictObject({ year: RecordYear, scope: AnnualRecordScope, format: z.enum(['docx', 'pdf']).default('docx') }),
    AnnualRecordFile,
    everyone,
  ),
  'annualRecords.markReceived': writeCall(
    z.strictObject({ memberId: Id, year: RecordYear, receivedOn: CivilDate }),
    AnnualRecordMember,
    dataEntry,
  ),
  'annualRecords.unmarkReceived': writeCall(z.strictObject({ memberId: Id, year: RecordYear }), AnnualRecordMember, dataEntry),
} as const;
