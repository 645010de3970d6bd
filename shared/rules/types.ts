import type {
  ActivityTransferKind,
  ForeignMarriageOutcome,
  MemberStatus,
  OverstayKind,
  PartyActivityEventKind,
  TravelDocumentKind,
  TripPurpose,
  TripState,
} from '../domain/enums';
import type { CivilDate } from '../domain/primitives';
import type { MessageParams } from '../i18n';
import type { rulesMessages } from '../i18n/rules';

export type RulesMessageKey = keyof typeof rulesMessages.vi & string;

/** Text for a person, as a message key and its parameters; the caller picks the language. */
export interface RuleMessage {
  key: RulesMessageKey;
  params: MessageParams;
}

/**
 * Why something is refused or suspicious, pointing at the field to correct when there is one:
 * a `TripFacts` field, or a field of a transition's input.
 */
export interface RuleIssue extends RuleMessage {
  field?: string;
}

/**
 * What the rules need to know about a trip. Field names follow the trip columns of the import
 * contract in camelCase, so a registry row or a half-filled form can be passed straight in:
 * every field may be missing or null, and the rules treat a missing date as "not yet known".
 */
export interface TripFacts {
  state?: TripState | null;
  purpose?: TripPurpose | null;
  travelDocument?: TravelDocumentKind | null;
  selfFunded?: boolean | null;
  applicationDate?: CivilDate | null;
  /** The commitment about relatives abroad (bản cam kết), required for family visits. */
  commitmentDate?: CivilDate | null;
  approvalDate?: CivilDate | null;
  approvalRef?: string | null;
  plannedDeparture?: CivilDate | null;
  plannedReturn?: CivilDate | null;
  actualDeparture?: CivilDate | null;
  actualReturn?: CivilDate | null;
  extendedReturn?: CivilDate | null;
  returnReportDate?: CivilDate | null;
  overstay?: OverstayKind | null;
  activityTransfer?: ActivityTransferKind | null;
  exemption?: boolean | null;
  /** Party activity transferred to the organisation of a labour-export programme. */
  labourExportTransfer?: boolean | null;
  /** The day reconciliation with the border-crossing list found the trip, which nobody had reported. */
  unreportedFoundOn?: CivilDate | null;
}

export type TripField = keyof TripFacts;

/** A trip as stored: its state is always known. */
export type TripRecordFacts = TripFacts & { state: TripState };

/** What the approval and submission rules need to know about the member. */
export interface MemberFacts {
  status: MemberStatus;
  /** A disciplinary case is open against the member (no permission may be given meanwhile). */
  underDisciplinaryReview: boolean;
}

/** One party-activity event of a member, as much as the member flags need. */
export interface MemberEventFacts {
  kind: PartyActivityEventKind;
  date: CivilDate;
  /** For `foreign_marriage`: how the committee has dealt with it. */
  outcome?: ForeignMarriageOutcome | null;
}
