import { z } from 'zod';
import { ComplianceFlag, MemberStatus, TripState } from '../domain/enums';
import { Id, text } from '../domain/primitives';
import { ReportData } from '../report/data';
import { Narrative, NarrativeEdits, ReportMeta } from '../report/narrative';
import { dataEntry, everyone, readCall, writeCall } from './define';
import { Period } from './dashboard';

export const ReportFormat = z.enum(['docx', 'xlsx', 'pdf']);
export const TripFormKind = z.enum(['application', 'commitment', 'return_report']);

export const ReportDraftOutput = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  roundId: z.string().nullable(),
  data: ReportData,
  meta: ReportMeta,
  template: Narrative,
  narrative: Narrative,
  savedAt: z.string().nullable(),
});
export type ReportDraftOutput = z.infer<typeof ReportDraftOutput>;

const GeneratedFile = z.object({ fileName: z.string(), contentBase64: z.string() });

/** The trips list as the screen filters it, every row; `abroadNow` keeps the trips of members abroad now (departed, extended or staying on). */
export const TripListPrint = z.strictObject({
  query: text(120).optional(),
  state: TripState.optional(),
  flag: ComplianceFlag.optional(),
  openFlagsOnly: z.boolean().optional(),
  abroadNow: z.boolean().optional(),
});
/** The members list as the screen filters it (a cell's members when a cell is chosen), every row. */
export const MemberListPrint = z.strictObject({
  query: text(120).optional(),
  cellId: Id.optional(),
  status: MemberStatus.optional(),
  includeArchived: z.boolean().default(false),
});

export const reportsCalls = {
  'reports.get': readCall(z.strictObject({ period: Period, roundId: Id.nullable().optional() }), ReportDraftOutput),
  'reports.save': writeCall(
    z.strictObject({ period: Period, roundId: Id.nullable().optional(), meta: ReportMeta, edits: NarrativeEdits }),
    ReportDraftOutput,
    dataEntry,
  ),
  'reports.render': readCall(
    z.strictObject({ period: Period, roundId: Id.nullable().optional(), format: ReportFormat }),
    GeneratedFile,
    everyone,
  ),
  'forms.trip': readCall(
    z.strictObject({ tripId: Id, form: TripFormKind, format: z.enum(['docx', 'pdf']).default('docx') }),
    GeneratedFile,
    everyone,
  ),
  'lists.printTrips': readCall(TripListPrint, GeneratedFile, everyone),
  'lists.printMembers': readCall(MemberListPrint, GeneratedFile, everyone),
} as const;
