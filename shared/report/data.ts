import { z } from 'zod';
import { ComplianceFlag, ForeignMarriageOutcome, IssuedDocumentKind, UnitLevel, complianceFlags } from '../domain/enums';
import { CivilDate } from '../domain/primitives';

const Count = z.number().int().min(0);

export const BracketCounts = z.object({
  total: Count,
  under1m: Count,
  from1to3m: Count,
  from3to12m: Count,
  over12m: Count,
});
export type BracketCounts = z.infer<typeof BracketCounts>;

export const Appendix01Row = z.object({
  issuer: z.string(),
  kind: IssuedDocumentKind,
  ref: z.string(),
  date: CivilDate,
  title: z.string(),
});
export type Appendix01Row = z.infer<typeof Appendix01Row>;

export const Appendix02 = z.object({
  rows: z.array(BracketCounts.extend({ year: z.number().int(), until: CivilDate })),
  total: BracketCounts,
  specialMission: Count,
  invitedByName: Count,
  selfFundedOrPrivate: Count,
  stayedBeyondTerm: z.object({ total: Count, permitted: Count, unauthorised: Count }),
});
export type Appendix02 = z.infer<typeof Appendix02>;

const LabourCounts = z.object({ transferredOut: Count, transferredBack: Count, notTransferredBack: Count });

export const Appendix03 = z.object({
  rows: z.array(LabourCounts.extend({ year: z.number().int(), until: CivilDate })),
  total: LabourCounts,
  enterprise: z.object({ committees: Count, cells: Count, members: Count }),
});
export type Appendix03 = z.infer<typeof Appendix03>;

/**
 * Every flag's count. A report file from a version that knew fewer flags lacks the newer ones:
 * they read as 0, so older files stay readable and combine.
 */
export const ComplianceFlagCounts = z
  .partialRecord(ComplianceFlag, Count)
  .transform((counts) => ({ ...emptyComplianceFlagCounts(), ...counts }));

export const ReportFigures = z.object({
  permitted: Count,
  official: Count,
  selfFundedOrPrivate: Count,
  temporaryTransfers: Count,
  officialTransfers: Count,
  exemptions: Count,
  marriagesToForeigners: Count,
  leftParty: Count,
  abroadNow: Count,
  complianceFlags: ComplianceFlagCounts,
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/**
 * A subordinate unit's report for the period asked: `period_differs` when the unit's newest file
 * answers another period, which is then left out of the figures (the file's `from`/`to` are given).
 */
export const SubmissionStatus = z.enum(['submitted', 'late', 'missing', 'period_differs']);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

/** Only these statuses bring the unit's figures into the combined report. */
export function isIncludedStatus(status: SubmissionStatus): boolean {
  return status === 'submitted' || status === 'late';
}

export const ReportUnitEntry = z.object({
  code: z.string(),
  name: z.string(),
  status: SubmissionStatus,
  /** The file counted, or for `period_differs` the file held for the other period. */
  packageId: z.string().nullable(),
  /** The period of the file held when it differs from the period asked. */
  from: CivilDate.optional(),
  to: CivilDate.optional(),
  /** When the unit signed the file held (ISO time), and how many versions of it were received. */
  signedAt: z.string().nullable().optional(),
  versions: z.number().int().min(0).optional(),
});
export type ReportUnitEntry = z.infer<typeof ReportUnitEntry>;

/** A marriage to a foreigner recorded in the period: the unit of the member and how the committee dealt with it. */
export const ForeignMarriageEntry = z.object({ unit: z.string(), outcome: ForeignMarriageOutcome.nullable() });
export type ForeignMarriageEntry = z.infer<typeof ForeignMarriageEntry>;

/** The report data (docs/formats/report-data.md); every figure is a plain integer. */
export const ReportData = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: UnitLevel }),
  period: z.object({ from: CivilDate, to: CivilDate }),
  appendix01: z.array(Appendix01Row),
  appendix02: Appendix02,
  appendix03: Appendix03,
  figures: ReportFigures,
  units: z.array(ReportUnitEntry).optional(),
  /** The period's marriages to foreigners one by one, as the model report's footnote names them. */
  marriages: z.array(ForeignMarriageEntry).optional(),
});
export type ReportData = z.infer<typeof ReportData>;

export function emptyComplianceFlagCounts(): Record<ComplianceFlag, number> {
  return Object.fromEntries(complianceFlags.map((flag) => [flag, 0])) as Record<ComplianceFlag, number>;
}
