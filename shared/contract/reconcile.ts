import { z } from 'zod';
import { TravelDocumentKind, TripPurpose } from '../domain/enums';
import { CivilDate, Id, requiredText } from '../domain/primitives';
import { defaultToleranceDays, MatchKind, maximumToleranceDays } from '../reconcile/match';
import { CountryCode } from '../text/countries';
import { ExportedFile, ImportIssueRow, maximumImportBytes } from './importing';
import { TripDetail } from './registry';
import { dataEntry, everyone, readCall, writeCall } from './define';

const FileContent = z.string().max(Math.ceil(maximumImportBytes / 3) * 4, { message: 'import.tooLarge' });

export const ToleranceDays = z.number().int().min(0).max(maximumToleranceDays);

export const ReconcileRequest = z
  .object({
    fileName: requiredText(255),
    contentBase64: FileContent,
    toleranceDays: ToleranceDays.default(defaultToleranceDays),
  })
  .strict();
export type ReconcileRequest = z.input<typeof ReconcileRequest>;

const nullableDate = CivilDate.nullable();

/** A member's crossing as every list shows it (the command line's JSON too). */
const MemberCrossing = z.object({
  memberId: Id,
  memberCode: z.string(),
  fullName: z.string(),
  exitDate: nullableDate,
  entryDate: nullableDate,
  country: z.string().nullable(),
  documentType: TravelDocumentKind.nullable(),
  documentNumber: z.string().nullable(),
  borderGate: z.string().nullable(),
  rows: z.array(z.number().int()),
  listedName: z.string(),
  listedBirthDate: nullableDate,
  listedNationalId: z.string().nullable(),
  match: MatchKind,
  needsConfirmation: z.boolean(),
});
export type MemberCrossing = z.infer<typeof MemberCrossing>;

const DatesDiffer = MemberCrossing.extend({
  tripId: Id,
  tripCode: z.string().nullable(),
  kind: z.enum(['missing', 'differs']),
  recordedDeparture: nullableDate,
  recordedReturn: nullableDate,
  plannedDeparture: CivilDate,
  plannedReturn: CivilDate,
});
export type DatesDiffer = z.infer<typeof DatesDiffer>;

const StillAbroad = MemberCrossing.extend({
  tripId: Id,
  tripCode: z.string().nullable(),
  permittedReturn: CivilDate,
  daysOverdue: z.number().int(),
});
export type StillAbroad = z.infer<typeof StillAbroad>;

export const ReconcileResult = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  textEncoding: z.string().nullable(),
  legacyEncoding: z.enum(['tcvn3', 'vni']).nullable(),
  toleranceDays: z.number().int(),
  /** When any row is bad, the problems and nothing else: the lists stay empty. */
  issues: z.array(ImportIssueRow),
  issueCount: z.number().int(),
  errorRows: z.number().int(),
  rows: z.number().int(),
  crossings: z.number().int(),
  unreported: z.array(MemberCrossing),
  datesDiffer: z.array(DatesDiffer),
  stillAbroad: z.array(StillAbroad),
  unmatchedPersons: z.number().int(),
});
export type ReconcileResult = z.infer<typeof ReconcileResult>;

/**
 * The person as the list names them, sent back with an action so the service checks again that
 * it is the member: a match by name and birth date alone needs `confirmed`.
 */
const ListedPerson = z
  .object({
    nationalId: z.string().max(20).nullable(),
    documentNumber: z.string().max(40).nullable(),
    fullName: requiredText(200),
    birthDate: nullableDate,
  })
  .strict();

const Crossing = z
  .object({ exitDate: nullableDate, entryDate: nullableDate })
  .strict()
  .refine((crossing) => crossing.exitDate !== null || crossing.entryDate !== null, {
    message: 'validation.required',
    path: ['exitDate'],
  })
  .refine((crossing) => crossing.exitDate === null || crossing.entryDate === null || crossing.exitDate <= crossing.entryDate, {
    message: 'error.RECONCILE_DATES_CONFLICT',
    path: ['entryDate'],
  });

export const CreateTripFromCrossing = z
  .object({
    memberId: Id,
    person: ListedPerson,
    crossing: Crossing,
    country: CountryCode.nullable(),
    documentType: TravelDocumentKind.nullable(),
    borderGate: z.string().max(200).nullable(),
    purpose: TripPurpose,
    confirmed: z.boolean().default(false),
  })
  .strict();
export type CreateTripFromCrossing = z.input<typeof CreateTripFromCrossing>;

export const RecordCrossingDates = z
  .object({
    tripId: Id,
    person: ListedPerson,
    crossing: Crossing,
    confirmed: z.boolean().default(false),
  })
  .strict();
export type RecordCrossingDates = z.input<typeof RecordCrossingDates>;

export const reconcileCalls = {
  // A write: nothing of the list is stored, but who reconciled which file is audited.
  'reconcile.run': writeCall(ReconcileRequest, ReconcileResult, dataEntry),
  'reconcile.template': readCall(z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict(), ExportedFile, everyone),
  'reconcile.createTrip': writeCall(CreateTripFromCrossing, TripDetail, dataEntry),
  'reconcile.recordDates': writeCall(RecordCrossingDates, TripDetail, dataEntry),
} as const;
