import { z } from 'zod';
import { ComplianceFlag, DurationBracket, TripPurpose, TripState, UnitLevel } from '../domain/enums';
import { CivilDate, Id, UnitCode, requiredText } from '../domain/primitives';
import { ReportData, SubmissionStatus } from '../report/data';
import { administrators, decisions, Done, Empty, everyone, readCall, writeCall } from './define';
import { Period } from './dashboard';
import { JobId } from './jobs';

/** One trip as the upper level reviews it when its request asks for record-level details (no attachments, no national IDs). */
export const PackageTripRecord = z.strictObject({
  memberCode: z.string().max(40),
  memberName: z.string().max(120),
  cellName: z.string().max(200),
  holdsLeadershipPost: z.boolean(),
  purpose: TripPurpose,
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(20),
  state: TripState,
  selfFunded: z.boolean(),
  specialMission: z.boolean(),
  invitedByName: z.boolean(),
  approvalRef: z.string().max(100).nullable(),
  approvalDate: CivilDate.nullable(),
  plannedDeparture: CivilDate,
  plannedReturn: CivilDate,
  actualDeparture: CivilDate.nullable(),
  actualReturn: CivilDate.nullable(),
  extendedReturn: CivilDate.nullable(),
  bracket: DurationBracket.nullable(),
  overstay: z.enum(['none', 'permitted', 'unauthorised']),
  returnReportDate: CivilDate.nullable(),
  flags: z.array(ComplianceFlag),
});
export type PackageTripRecord = z.infer<typeof PackageTripRecord>;
export const PackageDetails = z.array(PackageTripRecord).max(200_000);

const Fingerprint = z.string().min(20).max(80);

export const KeyCardSummary = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  level: UnitLevel,
  fingerprint: z.string(),
  relation: z.enum(['parent', 'child', 'other']),
  trustedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  rotatedFrom: z.string().nullable(),
});
export type KeyCardSummary = z.infer<typeof KeyCardSummary>;

export const OwnCard = z.object({
  fingerprint: z.string(),
  fileName: z.string(),
  contentBase64: z.string(),
  unitCode: z.string(),
  createdAt: z.string(),
});

/** Where a received report file stands: counted in the combined report, replaced by a newer file, or not counted because its signer's key was revoked. */
export const PackageStanding = z.enum(['current', 'superseded', 'signer_revoked']);
export type PackageStanding = z.infer<typeof PackageStanding>;

export const PackageSummary = z.object({
  packageId: z.string(),
  kind: z.enum(['report', 'request']),
  unit: z.object({ code: z.string(), name: z.string(), level: UnitLevel }),
  signerFingerprint: z.string(),
  signerTrusted: z.boolean(),
  period: z.object({ from: z.string(), to: z.string() }),
  round: z.string().nullable(),
  createdAt: z.string(),
  encrypted: z.boolean(),
  report: ReportData.nullable(),
  detailsCount: z.number().int().nullable(),
});
export type PackageSummary = z.infer<typeof PackageSummary>;

export const ImportOutcome = z.object({
  outcome: z.enum(['imported', 'already_imported', 'superseded_older', 'older_than_current', 'round_created', 'round_known']),
  summary: PackageSummary,
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** One file of a batch: what importing it did, or why it was refused. */
export const PackageFileResult = z.object({
  fileName: z.string(),
  outcome: ImportOutcome.shape.outcome.nullable(),
  summary: PackageSummary.omit({ report: true }).nullable(),
  /** Worded by the reader, like every error (shared/errors.ts). */
  error: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
});
export type PackageFileResult = z.infer<typeof PackageFileResult>;

export const RoundInput = z
  .strictObject({
    id: Id.optional(),
    ref: requiredText(64),
    title: requiredText(500),
    refDate: CivilDate.nullable().optional(),
    periodFrom: CivilDate,
    periodTo: CivilDate,
    deadline: CivilDate,
    detailsRequested: z.boolean().default(false),
  })
  .refine((round) => round.periodFrom <= round.periodTo, { message: 'period.backwards', path: ['periodTo'] });

export const RoundRow = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string().nullable(),
  refDate: z.string().nullable(),
  issuerCode: z.string().nullable(),
  issuerName: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  deadline: z.string().nullable(),
  detailsRequested: z.boolean(),
  isOwn: z.boolean(),
});
export type RoundRow = z.infer<typeof RoundRow>;

export const UnitSubmission = z.object({
  code: z.string(),
  name: z.string(),
  status: SubmissionStatus,
  packageId: z.string().nullable(),
  /** For `period_differs`: the period of the file held. */
  from: z.string().optional(),
  to: z.string().optional(),
  createdAt: z.string().nullable(),
  importedAt: z.string().nullable(),
  versions: z.number().int(),
});

export const Completeness = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  deadline: z.string().nullable(),
  units: z.array(UnitSubmission),
  submitted: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  periodDiffers: z.number().int(),
});
export type Completeness = z.infer<typeof Completeness>;

/** The largest report file or key card one call carries (the command line reads files up to the format's own limit). */
export const maximumFileBytes = 50 * 1024 * 1024;
export const maximumFileSize = `${maximumFileBytes / (1024 * 1024)} MB`;
const FileInput = z.strictObject({
  fileName: requiredText(260),
  contentBase64: z.string().max(Math.ceil(maximumFileBytes / 3) * 4, { message: 'packages.fileTooLarge' }),
});

/**
 * What the report files taken in at once may weigh together. The service host holds them all in its
 * bounded heap while it works through them; a province's communes send a few megabytes each.
 */
export const maximumBatchBytes = 100 * 1024 * 1024;
export const maximumBatchSize = `${maximumBatchBytes / (1024 * 1024)} MB`;
const batchBase64Characters = Math.ceil(maximumBatchBytes / 3) * 4;

export const exchangeCalls = {
  'keys.ownCard': readCall(Empty, OwnCard),
  'keys.list': readCall(Empty, z.array(KeyCardSummary)),
  'keys.inspectCard': readCall(
    FileInput,
    z.object({ unitCode: z.string(), unitName: z.string(), level: UnitLevel, fingerprint: z.string(), rotation: z.boolean() }),
  ),
  'keys.trust': writeCall(FileInput.extend({ fingerprint: Fingerprint.nullable() }), KeyCardSummary, administrators),
  'keys.revoke': writeCall(z.strictObject({ id: Id, reason: requiredText(500) }), KeyCardSummary, administrators),
  'keys.rotate': writeCall(Empty, OwnCard, administrators),
  'units.add': writeCall(z.strictObject({ code: UnitCode, name: requiredText(200) }), Done, administrators),

  'packages.export': writeCall(
    z.strictObject({
      period: Period,
      roundId: Id.nullable().optional(),
      encryptToParent: z.boolean().default(true),
      /** Another unit's key card to encrypt to instead of the parent's (the command line's --recipient). */
      recipientCard: FileInput.optional(),
      includeDocuments: z.boolean().default(true),
      jobId: JobId.optional(),
    }),
    z.object({ fileName: z.string(), contentBase64: z.string(), packageId: z.string(), version: z.number().int() }),
    decisions,
  ),
  'packages.verify': readCall(FileInput, PackageSummary),
  'packages.import': writeCall(FileInput, ImportOutcome),
  /** Many report files at once (a province's communes): each verified and stored on its own, all in one transaction; a named job can be cancelled and then keeps none. */
  'packages.importMany': writeCall(
    z.strictObject({
      files: z
        .array(FileInput)
        .min(1)
        .max(5000)
        .refine((files) => files.reduce((sum, file) => sum + file.contentBase64.length, 0) <= batchBase64Characters, {
          message: 'packageBatch.tooLarge',
        }),
      jobId: JobId.optional(),
    }),
    z.object({ results: z.array(PackageFileResult) }),
  ),
  'packages.history': readCall(
    z.strictObject({ unitCode: z.string().optional(), period: Period.optional() }),
    z.array(
      PackageSummary.omit({ report: true }).extend({
        importedAt: z.string(),
        supersededBy: z.string().nullable(),
        standing: PackageStanding,
      }),
    ),
  ),
  'packages.unitReport': readCall(z.strictObject({ packageId: Id }), PackageSummary),
  'packages.details': readCall(z.strictObject({ packageId: Id }), PackageDetails),

  'rounds.list': readCall(Empty, z.array(RoundRow)),
  'rounds.save': writeCall(RoundInput, RoundRow, decisions),
  'rounds.exportRequest': writeCall(
    z.strictObject({ id: Id }),
    z.object({ fileName: z.string(), contentBase64: z.string() }),
    decisions,
  ),
  'rounds.completeness': readCall(z.strictObject({ period: Period, roundId: Id.nullable().optional() }), Completeness, everyone),
} as const;
