import { z } from 'zod';

export const unitLevels = ['commune', 'province', 'central'] as const;
export const UnitLevel = z.enum(unitLevels);
export type UnitLevel = z.infer<typeof UnitLevel>;

export const genders = ['male', 'female'] as const;
export const Gender = z.enum(genders);
export type Gender = z.infer<typeof Gender>;

export const memberStatuses = ['active', 'exempt', 'transferred_out', 'left', 'deceased'] as const;
export const MemberStatus = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const travelDocumentKinds = ['passport', 'official_passport', 'diplomatic_passport', 'border_pass'] as const;
export const TravelDocumentKind = z.enum(travelDocumentKinds);
export type TravelDocumentKind = z.infer<typeof TravelDocumentKind>;

export const tripPurposes = ['official', 'study', 'labour', 'tourism', 'family_visit', 'medical', 'other_private'] as const;
export const TripPurpose = z.enum(tripPurposes);
export type TripPurpose = z.infer<typeof TripPurpose>;
export const privatePurposes: readonly TripPurpose[] = ['tourism', 'family_visit', 'medical', 'other_private'];

export const fundingSources = ['state', 'self', 'foreign_host', 'other'] as const;
export const FundingSource = z.enum(fundingSources);
export type FundingSource = z.infer<typeof FundingSource>;

/**
 * The trip's recorded life. `extended` and `unauthorised_stay` are the side paths
 * while abroad; "overstayed" itself is computed from dates, not stored.
 */
export const tripStates = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'cancelled',
  'departed',
  'extended',
  'unauthorised_stay',
  'returned',
  'reported',
  'closed',
] as const;
export const TripState = z.enum(tripStates);
export type TripState = z.infer<typeof TripState>;

export const overstayKinds = ['none', 'permitted', 'unauthorised'] as const;
export const OverstayKind = z.enum(overstayKinds);
export type OverstayKind = z.infer<typeof OverstayKind>;

export const activityTransferKinds = ['none', 'temporary', 'official'] as const;
export const ActivityTransferKind = z.enum(activityTransferKinds);
export type ActivityTransferKind = z.infer<typeof ActivityTransferKind>;

export const partyActivityEventKinds = [
  'temporary_transfer_out',
  'official_transfer_out',
  'exemption',
  'return_readmission',
  'labour_export_transfer',
  'labour_export_return',
  'foreign_marriage',
  'left_party',
  'struck_off',
  'discipline',
] as const;
export const PartyActivityEventKind = z.enum(partyActivityEventKinds);
export type PartyActivityEventKind = z.infer<typeof PartyActivityEventKind>;

export const foreignMarriageOutcomes = ['pending', 'continuing', 'exempted', 'left_party', 'struck_off'] as const;
export const ForeignMarriageOutcome = z.enum(foreignMarriageOutcomes);
export type ForeignMarriageOutcome = z.infer<typeof ForeignMarriageOutcome>;

export const issuedDocumentKinds = ['directive', 'official_letter', 'plan', 'guidance', 'other'] as const;
export const IssuedDocumentKind = z.enum(issuedDocumentKinds);
export type IssuedDocumentKind = z.infer<typeof IssuedDocumentKind>;

export const userRoles = ['administrator', 'clerk', 'leader', 'viewer'] as const;
export const UserRole = z.enum(userRoles);
export type UserRole = z.infer<typeof UserRole>;

export const durationBrackets = ['under1m', 'from1to3m', 'from3to12m', 'over12m'] as const;
export const DurationBracket = z.enum(durationBrackets);
export type DurationBracket = z.infer<typeof DurationBracket>;

export const complianceFlags = [
  'departed_without_approval',
  'missing_application',
  'application_late',
  'overstay_without_extension',
  'return_report_overdue',
  'activity_transfer_missing',
  'border_pass_unreported',
  'unreported_departure',
  'foreign_marriage_unprocessed',
] as const;
export const ComplianceFlag = z.enum(complianceFlags);
export type ComplianceFlag = z.infer<typeof ComplianceFlag>;

export const attachmentKinds = ['application', 'commitment', 'decision', 'return_report', 'other'] as const;
export const AttachmentKind = z.enum(attachmentKinds);
export type AttachmentKind = z.infer<typeof AttachmentKind>;
