import { z } from 'zod';
import {
  ActivityTransferKind,
  AttachmentKind,
  ComplianceFlag,
  ForeignMarriageOutcome,
  FundingSource,
  Gender,
  IssuedDocumentKind,
  MemberStatus,
  OverstayKind,
  PartyActivityEventKind,
  TravelDocumentKind,
  TripPurpose,
  TripState,
  DurationBracket,
} from '../domain/enums';
import { CivilDate, Id, requiredText, text } from '../domain/primitives';
import { DeadlineSettings } from '../rules/settings';
import { ReturnReportContents, TripTransition, transitionInputSchemas } from '../rules/tripMachine';
import { CountryCode } from '../text/countries';
import { NationalId } from '../text/nationalId';
import { administrators, dataEntry, Done, Empty, everyone, readCall, writeCall } from './define';
import { IdleMinutes } from './sessionSettings';
import { ReportHeadingSettings, emptyReportHeadingSettings } from '../report/issuer';

const optionalText = (max: number) => text(max).nullable().optional();
const optionalDate = CivilDate.nullable().optional();
const Page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };

/* ---------- cells ---------- */

export const CellRow = z.object({ id: z.string(), name: z.string(), memberCount: z.number().int(), archived: z.boolean() });
export type CellRow = z.infer<typeof CellRow>;

/* ---------- members ---------- */

export const TravelDocumentRow = z.object({
  id: z.string(),
  kind: TravelDocumentKind,
  number: z.string(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  issuer: z.string().nullable(),
  notes: z.string().nullable(),
});
export type TravelDocumentRow = z.infer<typeof TravelDocumentRow>;

export const MemberInput = z
  .object({
    id: Id.optional(),
    code: requiredText(40),
    fullName: requiredText(120),
    gender: Gender.nullable().optional(),
    birthDate: optionalDate,
    nationalId: NationalId.nullable().optional(),
    cellName: requiredText(200),
    holdsLeadershipPost: z.boolean().default(false),
    leadershipPost: optionalText(200),
    managingCommittee: optionalText(200),
    underDisciplinaryReview: z.boolean().default(false),
    status: MemberStatus.default('active'),
    phone: optionalText(40),
    email: optionalText(120),
    address: optionalText(300),
    notes: optionalText(4000),
  })
  .strict();
export type MemberInput = z.input<typeof MemberInput>;
export type ParsedMemberInput = z.output<typeof MemberInput>;

export const MemberRow = z.object({
  id: z.string(),
  code: z.string(),
  fullName: z.string(),
  gender: Gender.nullable(),
  birthDate: z.string().nullable(),
  nationalId: z.string().nullable(),
  cellName: z.string(),
  status: MemberStatus,
  holdsLeadershipPost: z.boolean(),
  archived: z.boolean(),
  tripCount: z.number().int(),
  abroadNow: z.boolean(),
});
export type MemberRow = z.infer<typeof MemberRow>;

export const MemberSearch = z
  .object({
    query: text(120).optional(),
    cellId: Id.optional(),
    status: MemberStatus.optional(),
    includeArchived: z.boolean().default(false),
    ...Page,
  })
  .strict();

/* ---------- trips ---------- */

export const TripInput = z
  .object({
    id: Id.optional(),
    memberId: Id,
    code: text(40).nullable().optional(),
    purpose: TripPurpose,
    purposeDetail: optionalText(500),
    selfFunded: z.boolean().default(false),
    fundingSource: FundingSource.nullable().optional(),
    fundingNote: optionalText(500),
    countries: z.array(CountryCode).min(1, { message: 'trip.countries.required' }).max(20),
    invitedByName: z.boolean().default(false),
    inviter: optionalText(300),
    specialMission: z.boolean().default(false),
    travelDocumentKind: TravelDocumentKind.nullable().optional(),
    travelDocumentId: Id.nullable().optional(),
    carriesSecretDocuments: z.boolean().default(false),
    secretDocumentsApproval: optionalText(300),
    plannedDeparture: CivilDate,
    plannedReturn: CivilDate,
    /** The commitment about relatives abroad can arrive after the application; left out, the date on file stays. */
    commitmentDate: CivilDate.nullable().optional(),
    activityTransfer: ActivityTransferKind.default('none'),
    exemption: z.boolean().default(false),
    labourExportTransfer: z.boolean().default(false),
    transferredBackDate: optionalDate,
    notes: optionalText(4000),
  })
  .strict();
export type TripInput = z.input<typeof TripInput>;
export type ParsedTripInput = z.output<typeof TripInput>;

/** A compliance flag with its dates, whether it still needs action (else it is kept for the record) and the advice to show. */
export const FlagEntry = z.object({
  flag: ComplianceFlag,
  since: z.string().nullable(),
  dueDate: z.string().nullable(),
  open: z.boolean(),
  advice: z.string(),
});
export type FlagEntry = z.infer<typeof FlagEntry>;

export const TripRow = z.object({
  id: z.string(),
  code: z.string().nullable(),
  memberId: z.string(),
  memberCode: z.string(),
  memberName: z.string(),
  purpose: TripPurpose,
  countries: z.array(z.string()),
  state: TripState,
  plannedDeparture: z.string(),
  plannedReturn: z.string(),
  actualDeparture: z.string().nullable(),
  actualReturn: z.string().nullable(),
  approvalDate: z.string().nullable(),
  bracket: DurationBracket.nullable(),
  flags: z.array(ComplianceFlag),
  flagDetails: z.array(FlagEntry),
});
export type TripRow = z.infer<typeof TripRow>;

export const TripSearch = z
  .object({
    query: text(120).optional(),
    memberId: Id.optional(),
    state: TripState.optional(),
    flag: ComplianceFlag.optional(),
    /** With a flag: only the trips on which that flag still needs action, not those kept for the record. */
    openFlagsOnly: z.boolean().optional(),
    ...Page,
  })
  .strict();

export const TripEventRow = z.object({
  id: z.string(),
  transition: z.string(),
  fromState: TripState.nullable(),
  toState: TripState,
  effectiveDate: z.string().nullable(),
  documentRef: z.string().nullable(),
  note: z.string().nullable(),
  /** What the step recorded (its input); for a correction, the step corrected and the values before and after. */
  values: z.record(z.string(), z.unknown()),
  username: z.string().nullable(),
  at: z.string(),
});

export const AttachmentRow = z.object({
  id: z.string(),
  kind: AttachmentKind,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type AttachmentRow = z.infer<typeof AttachmentRow>;

export const TripDetail = TripRow.extend({
  /** The day reconciliation with the border-crossing list found the trip, which nobody had reported. */
  unreportedFoundOn: z.string().nullable(),
  purposeDetail: z.string().nullable(),
  selfFunded: z.boolean(),
  fundingSource: FundingSource.nullable(),
  fundingNote: z.string().nullable(),
  invitedByName: z.boolean(),
  inviter: z.string().nullable(),
  specialMission: z.boolean(),
  travelDocumentKind: TravelDocumentKind.nullable(),
  travelDocumentId: z.string().nullable(),
  carriesSecretDocuments: z.boolean(),
  secretDocumentsApproval: z.string().nullable(),
  applicationDate: z.string().nullable(),
  cellOpinion: z.string().nullable(),
  commitmentDate: z.string().nullable(),
  approvalRef: z.string().nullable(),
  approvingCommittee: z.string().nullable(),
  extendedReturn: z.string().nullable(),
  overstay: OverstayKind,
  activityTransfer: ActivityTransferKind,
  exemption: z.boolean(),
  labourExportTransfer: z.boolean(),
  transferredBackDate: z.string().nullable(),
  returnReportDate: z.string().nullable(),
  report: ReturnReportContents.nullable(),
  evaluation: z.string().nullable(),
  notes: z.string().nullable(),
  availableTransitions: z.array(TripTransition),
  /** The last recorded step, which "correct step" may correct; null when none has been recorded. */
  correctableStep: TripTransition.nullable(),
  /** Nothing has been decided on the trip, so it may be removed as entered by mistake. */
  deletable: z.boolean(),
  events: z.array(TripEventRow),
  attachments: z.array(AttachmentRow),
  memberArchived: z.boolean(),
});
export type TripDetail = z.infer<typeof TripDetail>;

/** One step of the trip's life with its input, as recorded or as corrected. */
function stepOf<T extends TripTransition>(transition: T) {
  return z.object({ transition: z.literal(transition), input: transitionInputSchemas[transition] });
}

function transitionCallOf<T extends TripTransition>(transition: T) {
  return stepOf(transition).extend({ tripId: Id }).strict();
}

const transitionCall = z.discriminatedUnion('transition', [
  transitionCallOf('submit'),
  transitionCallOf('approve'),
  transitionCallOf('reject'),
  transitionCallOf('cancel'),
  transitionCallOf('depart'),
  transitionCallOf('extend'),
  transitionCallOf('record_unauthorised_stay'),
  transitionCallOf('return'),
  transitionCallOf('report'),
  transitionCallOf('close'),
]);
export type TransitionCall = z.output<typeof transitionCall>;

const correctedStep = z.discriminatedUnion('transition', [
  stepOf('submit').strict(),
  stepOf('approve').strict(),
  stepOf('reject').strict(),
  stepOf('cancel').strict(),
  stepOf('depart').strict(),
  stepOf('extend').strict(),
  stepOf('record_unauthorised_stay').strict(),
  stepOf('return').strict(),
  stepOf('report').strict(),
  stepOf('close').strict(),
]);

/** The last recorded step of a trip recorded again with corrected input, and why. */
export const StepCorrection = z.object({ tripId: Id, reason: requiredText(2000), step: correctedStep }).strict();
export type StepCorrection = z.output<typeof StepCorrection>;

/** Removing a trip entered by mistake, and why. */
export const TripDeletion = z.object({ id: Id, reason: requiredText(2000) }).strict();

/* ---------- party-activity events ---------- */

export const ActivityEventInput = z
  .object({
    id: Id.optional(),
    memberId: Id,
    tripId: Id.nullable().optional(),
    kind: PartyActivityEventKind,
    effectiveDate: CivilDate,
    endDate: optionalDate,
    reason: optionalText(2000),
    decidingBody: optionalText(300),
    decisionRef: optionalText(100),
    decisionDate: optionalDate,
    destination: optionalText(300),
    returned: z.boolean().nullable().optional(),
    returnedDate: optionalDate,
    spouseCountry: CountryCode.nullable().optional(),
    marriageOutcome: ForeignMarriageOutcome.nullable().optional(),
    disciplineForm: optionalText(200),
    notes: optionalText(4000),
  })
  .strict();
export type ActivityEventInput = z.input<typeof ActivityEventInput>;

export const ActivityEventRow = z.object({
  id: z.string(),
  memberId: z.string(),
  tripId: z.string().nullable(),
  kind: PartyActivityEventKind,
  effectiveDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string().nullable(),
  decidingBody: z.string().nullable(),
  decisionRef: z.string().nullable(),
  decisionDate: z.string().nullable(),
  destination: z.string().nullable(),
  returned: z.boolean().nullable(),
  returnedDate: z.string().nullable(),
  spouseCountry: z.string().nullable(),
  marriageOutcome: ForeignMarriageOutcome.nullable(),
  disciplineForm: z.string().nullable(),
  notes: z.string().nullable(),
});
export type ActivityEventRow = z.infer<typeof ActivityEventRow>;

export const MemberDetail = MemberRow.extend({
  leadershipPost: z.string().nullable(),
  managingCommittee: z.string().nullable(),
  underDisciplinaryReview: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  travelDocuments: z.array(TravelDocumentRow),
  trips: z.array(TripRow),
  events: z.array(ActivityEventRow),
  flags: z.array(FlagEntry),
});
export type MemberDetail = z.infer<typeof MemberDetail>;

/* ---------- issued documents, legal bases, enterprise organisations ---------- */

export const IssuedDocumentInput = z
  .object({
    id: Id.optional(),
    issuer: requiredText(300),
    kind: IssuedDocumentKind,
    kindLabel: optionalText(100),
    ref: requiredText(100),
    date: CivilDate,
    title: requiredText(1000),
    notes: optionalText(2000),
  })
  .strict();
export const IssuedDocumentRow = z.object({
  id: z.string(),
  issuer: z.string(),
  kind: IssuedDocumentKind,
  kindLabel: z.string().nullable(),
  ref: z.string(),
  date: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
});
export type IssuedDocumentRow = z.infer<typeof IssuedDocumentRow>;

export const LegalBasisInput = z
  .object({
    id: Id.optional(),
    ref: requiredText(100),
    date: optionalDate,
    issuer: requiredText(300),
    title: requiredText(1000),
    replacedById: Id.nullable().optional(),
    notes: optionalText(2000),
  })
  .strict();
export const LegalBasisRow = z.object({
  id: z.string(),
  ref: z.string(),
  date: z.string().nullable(),
  issuer: z.string(),
  title: z.string(),
  replacedById: z.string().nullable(),
  replacedByRef: z.string().nullable(),
  notes: z.string().nullable(),
});
export type LegalBasisRow = z.infer<typeof LegalBasisRow>;

export const EnterpriseInput = z
  .object({
    id: Id.optional(),
    name: requiredText(300),
    year: z.number().int().min(1990).max(2100),
    committees: z.number().int().min(0).max(10_000),
    cells: z.number().int().min(0).max(10_000),
    members: z.number().int().min(0).max(1_000_000),
    notes: optionalText(2000),
  })
  .strict();
export const EnterpriseRow = EnterpriseInput.required({ id: true }).extend({ notes: z.string().nullable() });

/* ---------- attachments ---------- */

/** Scans of the application, the decision, the report: PDF or an image, at most 10 MB. */
export const maximumAttachmentBytes = 10 * 1024 * 1024;
/** The only list of accepted types: the server reads each from the file's first bytes, the file picker offers these. */
export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

export const AttachmentInput = z
  .object({
    ownerKind: z.enum(['trip', 'member', 'party_activity_event', 'issued_document']),
    ownerId: Id,
    kind: AttachmentKind,
    fileName: requiredText(200),
    contentBase64: z.string().max(Math.ceil((maximumAttachmentBytes * 4) / 3) + 8, { message: 'attachment.tooLarge' }),
  })
  .strict();

/* ---------- settings and audit ---------- */

export const RegistrySettings = z.object({
  deadlines: DeadlineSettings,
  idleMinutes: IdleMinutes,
  reportHeading: ReportHeadingSettings.default(emptyReportHeadingSettings),
});
export type RegistrySettings = z.infer<typeof RegistrySettings>;

export const AuditVerdictOutput = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  brokenAtSeq: z.number().int().optional(),
  problem: z.enum(['edited', 'missing_or_reordered', 'truncated', 'rewritten']).optional(),
  /** Whether the chain was also compared with the anchor sealed under the office keys (a key holder's session). */
  anchor: z.enum(['checked', 'unchecked']),
});

export const registryCalls = {
  'cells.list': readCall(z.object({ includeArchived: z.boolean().default(false) }).strict(), z.array(CellRow)),
  'cells.rename': writeCall(z.object({ id: Id, name: requiredText(200) }).strict(), CellRow),
  'cells.archive': writeCall(z.object({ id: Id, archived: z.boolean() }).strict(), CellRow),

  'members.search': readCall(MemberSearch, z.object({ total: z.number().int(), rows: z.array(MemberRow) })),
  'members.get': readCall(z.object({ id: Id }).strict(), MemberDetail),
  'members.save': writeCall(MemberInput, MemberDetail, dataEntry),
  'members.archive': writeCall(z.object({ id: Id, archived: z.boolean() }).strict(), MemberDetail, dataEntry),

  'travelDocuments.save': writeCall(
    z
      .object({
        id: Id.optional(),
        memberId: Id,
        kind: TravelDocumentKind,
        number: requiredText(40),
        issuedOn: optionalDate,
        expiresOn: optionalDate,
        issuer: optionalText(200),
        notes: optionalText(1000),
      })
      .strict(),
    TravelDocumentRow,
    dataEntry,
  ),
  'travelDocuments.delete': writeCall(z.object({ id: Id }).strict(), Done, dataEntry),

  'trips.search': readCall(TripSearch, z.object({ total: z.number().int(), rows: z.array(TripRow) })),
  'trips.get': readCall(z.object({ id: Id }).strict(), TripDetail),
  'trips.save': writeCall(TripInput, TripDetail, dataEntry),
  'trips.transition': writeCall(transitionCall, TripDetail, dataEntry),
  'trips.correctStep': writeCall(StepCorrection, TripDetail, dataEntry),
  'trips.delete': writeCall(TripDeletion, Done, dataEntry),

  'activityEvents.save': writeCall(ActivityEventInput, ActivityEventRow, dataEntry),
  'activityEvents.delete': writeCall(z.object({ id: Id }).strict(), Done, dataEntry),

  'attachments.add': writeCall(AttachmentInput, AttachmentRow, dataEntry),
  'attachments.get': readCall(z.object({ id: Id }).strict(), AttachmentRow.extend({ contentBase64: z.string() })),
  'attachments.delete': writeCall(z.object({ id: Id }).strict(), Done, dataEntry),

  'issuedDocuments.list': readCall(
    z.object({ from: CivilDate.optional(), to: CivilDate.optional() }).strict(),
    z.array(IssuedDocumentRow),
  ),
  'issuedDocuments.save': writeCall(IssuedDocumentInput, IssuedDocumentRow, dataEntry),
  'issuedDocuments.delete': writeCall(z.object({ id: Id }).strict(), Done, dataEntry),

  'legalBases.list': readCall(Empty, z.array(LegalBasisRow)),
  'legalBases.save': writeCall(LegalBasisInput, LegalBasisRow, dataEntry),

  'enterprises.list': readCall(Empty, z.array(EnterpriseRow)),
  'enterprises.save': writeCall(EnterpriseInput, EnterpriseRow, dataEntry),
  'enterprises.delete': writeCall(z.object({ id: Id }).strict(), Done, dataEntry),

  'settings.get': readCall(Empty, RegistrySettings, everyone),
  'settings.save': writeCall(RegistrySettings, RegistrySettings, administrators),

  'audit.verify': readCall(Empty, AuditVerdictOutput, everyone),
} as const;
