import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  attachmentKinds,
  foreignMarriageOutcomes,
  fundingSources,
  genders,
  issuedDocumentKinds,
  memberStatuses,
  overstayKinds,
  activityTransferKinds,
  partyActivityEventKinds,
  travelDocumentKinds,
  tripPurposes,
  tripStates,
  unitLevels,
  userRoles,
} from '../shared/domain/enums';

/*
 * The whole registry. Identifiers are time-ordered UUIDs; civil dates are `YYYY-MM-DD`
 * text; instants are UTC ISO text. Every searchable name has a folded twin (lower case,
 * no marks, đ→d) and names have a sort key that orders in Vietnamese with BINARY
 * comparison, so search and sorting use plain indexes.
 */

const id = () => text('id').primaryKey();
const createdAt = () => text('created_at').notNull();
const updatedAt = () => text('updated_at').notNull();
const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

/** This installation's own unit and, at upper levels, the subordinate units it receives reports from. */
export const units = sqliteTable(
  'units',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: unitLevels }).notNull(),
    parentCode: text('parent_code'),
    isSelf: flag('is_self'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('units_code_unique').on(table.code),
    uniqueIndex('units_single_self')
      .on(table.isSelf)
      .where(sql`${table.isSelf} = 1`),
  ],
);

/** Party cells (chi bộ) of this unit. */
export const cells = sqliteTable(
  'cells',
  {
    id: id(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull(),
    archivedAt: text('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('cells_unit_name_unique').on(table.unitId, table.nameFolded)],
);

export const members = sqliteTable(
  'members',
  {
    id: id(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    cellId: text('cell_id')
      .notNull()
      .references(() => cells.id),
    code: text('code').notNull(),
    fullName: text('full_name').notNull(),
    nameFolded: text('name_folded').notNull(),
    nameSortKey: text('name_sort_key').notNull(),
    /** The folded name, the folded code and the national ID in one string: a search word is one substring test per member. */
    searchText: text('search_text').notNull().default(''),
    gender: text('gender', { enum: genders }),
    birthDate: text('birth_date'),
    nationalId: text('national_id'),
    holdsLeadershipPost: flag('holds_leadership_post'),
    leadershipPost: text('leadership_post'),
    managingCommittee: text('managing_committee'),
    underDisciplinaryReview: flag('under_disciplinary_review'),
    status: text('status', { enum: memberStatuses }).notNull().default('active'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    notes: text('notes'),
    archivedAt: text('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('members_unit_code_unique').on(table.unitId, table.code),
    index('members_name_folded').on(table.nameFolded),
    index('members_sort').on(table.nameSortKey),
    index('members_national_id').on(table.nationalId),
    index('members_cell').on(table.cellId),
    // The member list and its search read only this index: in Vietnamese order, with every column
    // they filter on, so a page or a count over 100,000 members never touches the table itself.
    index('members_search').on(table.nameSortKey, table.id, table.archivedAt, table.status, table.cellId, table.searchText),
  ],
);

export const travelDocuments = sqliteTable(
  'travel_documents',
  {
    id: id(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: travelDocumentKinds }).notNull(),
    number: text('number').notNull(),
    issuedOn: text('issued_on'),
    expiresOn: text('expires_on'),
    issuer: text('issuer'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('travel_documents_member').on(table.memberId)],
);

/** One trip abroad: one "trường hợp" of the reports. */
export const trips = sqliteTable(
  'trips',
  {
    id: id(),
    code: text('code'),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    state: text('state', { enum: tripStates }).notNull().default('draft'),
    purpose: text('purpose', { enum: tripPurposes }).notNull(),
    purposeDetail: text('purpose_detail'),
    selfFunded: flag('self_funded'),
    fundingSource: text('funding_source', { enum: fundingSources }),
    fundingNote: text('funding_note'),
    invitedByName: flag('invited_by_name'),
    inviter: text('inviter'),
    specialMission: flag('special_mission'),
    travelDocumentKind: text('travel_document_kind', { enum: travelDocumentKinds }),
    travelDocumentId: text('travel_document_id').references(() => travelDocuments.id),
    carriesSecretDocuments: flag('carries_secret_documents'),
    secretDocumentsApproval: text('secret_documents_approval'),
    applicationDate: text('application_date'),
    cellOpinion: text('cell_opinion'),
    cellOpinionDate: text('cell_opinion_date'),
    commitmentDate: text('commitment_date'),
    approvalRef: text('approval_ref'),
    approvalDate: text('approval_date'),
    approvingCommittee: text('approving_committee'),
    plannedDeparture: text('planned_departure').notNull(),
    plannedReturn: text('planned_return').notNull(),
    actualDeparture: text('actual_departure'),
    actualReturn: text('actual_return'),
    extendedReturn: text('extended_return'),
    overstay: text('overstay', { enum: overstayKinds }).notNull().default('none'),
    overstayHandling: text('overstay_handling'),
    activityTransfer: text('activity_transfer', { enum: activityTransferKinds }).notNull().default('none'),
    exemption: flag('exemption'),
    labourExportTransfer: flag('labour_export_transfer'),
    transferredBackDate: text('transferred_back_date'),
    returnReportDate: text('return_report_date'),
    reportForeignContacts: text('report_foreign_contacts'),
    reportGifts: text('report_gifts'),
    reportDocumentsBrought: text('report_documents_brought'),
    reportIssues: text('report_issues'),
    evaluation: text('evaluation'),
    evaluatedAt: text('evaluated_at'),
    closingReason: text('closing_reason'),
    /** The day reconciliation with the border-crossing list found this trip, which nobody had reported. */
    unreportedFoundOn: text('unreported_found_on'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('trips_code_unique').on(table.code),
    index('trips_member').on(table.memberId),
    index('trips_state').on(table.state),
    index('trips_approval_date').on(table.approvalDate),
    index('trips_planned_departure').on(table.plannedDeparture),
  ],
);

export const tripCountries = sqliteTable(
  'trip_countries',
  {
    tripId: text('trip_id')
      .notNull()
      .references(() => trips.id, { onDelete: 'cascade' }),
    country: text('country').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [
    uniqueIndex('trip_countries_pk').on(table.tripId, table.country),
    index('trip_countries_country').on(table.country),
  ],
);

/** Every recorded transition of a trip: who, when, the document reference, the values it set. */
export const tripEvents = sqliteTable(
  'trip_events',
  {
    id: id(),
    tripId: text('trip_id')
      .notNull()
      .references(() => trips.id),
    transition: text('transition').notNull(),
    fromState: text('from_state', { enum: tripStates }),
    toState: text('to_state', { enum: tripStates }).notNull(),
    effectiveDate: text('effective_date'),
    documentRef: text('document_ref'),
    note: text('note'),
    values: text('values', { mode: 'json' }).$type<Record<string, unknown>>(),
    userId: text('user_id').references(() => users.id),
    at: text('at').notNull(),
  },
  (table) => [index('trip_events_trip').on(table.tripId, table.at)],
);

/** Party-activity events of a member, usually tied to a trip. */
export const partyActivityEvents = sqliteTable(
  'party_activity_events',
  {
    id: id(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    tripId: text('trip_id').references(() => trips.id),
    kind: text('kind', { enum: partyActivityEventKinds }).notNull(),
    effectiveDate: text('effective_date').notNull(),
    endDate: text('end_date'),
    reason: text('reason'),
    decidingBody: text('deciding_body'),
    decisionRef: text('decision_ref'),
    decisionDate: text('decision_date'),
    destination: text('destination'),
    returned: integer('returned', { mode: 'boolean' }),
    returnedDate: text('returned_date'),
    spouseCountry: text('spouse_country'),
    marriageOutcome: text('marriage_outcome', { enum: foreignMarriageOutcomes }),
    disciplineForm: text('discipline_form'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('party_activity_events_member').on(table.memberId),
    index('party_activity_events_kind_date').on(table.kind, table.effectiveDate),
  ],
);

/** Scans kept inside the encrypted registry, never as loose files. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: id(),
    ownerKind: text('owner_kind', { enum: ['trip', 'member', 'party_activity_event', 'issued_document'] }).notNull(),
    ownerId: text('owner_id').notNull(),
    kind: text('kind', { enum: attachmentKinds }).notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
    createdBy: text('created_by').references(() => users.id),
  },
  (table) => [index('attachments_owner').on(table.ownerKind, table.ownerId)],
);

/** Documents the committee issued on this subject (appendix 01). */
export const issuedDocuments = sqliteTable(
  'issued_documents',
  {
    id: id(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    issuer: text('issuer').notNull(),
    kind: text('kind', { enum: issuedDocumentKinds }).notNull(),
    kindLabel: text('kind_label'),
    ref: text('ref').notNull(),
    date: text('date').notNull(),
    title: text('title').notNull(),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('issued_documents_date').on(table.date)],
);

/** Governing texts as data: they are replaced often. */
export const legalBases = sqliteTable(
  'legal_bases',
  {
    id: id(),
    ref: text('ref').notNull(),
    date: text('date'),
    issuer: text('issuer').notNull(),
    title: text('title').notNull(),
    replacedBy: text('replaced_by').references((): AnySQLiteColumn => legalBases.id),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('legal_bases_ref_unique').on(table.ref)],
);

/** Enterprise party organisations abroad (appendix 03; usually none). */
export const enterpriseOrganisations = sqliteTable('enterprise_organisations', {
  id: id(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  committees: integer('committees').notNull().default(0),
  cells: integer('cells').notNull().default(0),
  members: integer('members').notNull().default(0),
  notes: text('notes'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** What the upper level asked for: reference, period, deadline. */
export const reportingRounds = sqliteTable(
  'reporting_rounds',
  {
    id: id(),
    ref: text('ref').notNull(),
    title: text('title'),
    refDate: text('ref_date'),
    issuerCode: text('issuer_code'),
    issuerName: text('issuer_name'),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    deadline: text('deadline'),
    detailsRequested: flag('details_requested'),
    isOwn: flag('is_own'),
    requestPackageId: text('request_package_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('reporting_rounds_period').on(table.periodFrom, table.periodTo)],
);

/** A periodic report being prepared: its header fields and the narrative the office edited. */
export const reports = sqliteTable(
  'reports',
  {
    id: id(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    roundId: text('round_id').references(() => reportingRounds.id),
    meta: text('meta', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    narrative: text('narrative', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(0),
    exportedAt: text('exported_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('reports_period_unique').on(table.periodFrom, table.periodTo)],
);

export const users = sqliteTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    passwordChangedAt: text('password_changed_at'),
    lastSignInAt: text('last_sign_in_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('users_username_unique').on(table.username)],
);

/** Append-only, hash-chained: each row's hash covers its content and the previous hash. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
    outcome: text('outcome', { enum: ['done', 'refused'] })
      .notNull()
      .default('done'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_log_at').on(table.at),
    index('audit_log_entity').on(table.entity, table.entityId),
    // The audit screen's filters list the users and actions the log has: found through these, not by reading every row.
    index('audit_log_username').on(table.username),
    index('audit_log_action').on(table.action),
  ],
);

/**
 * This office's signing (Ed25519) and encryption (X25519) public keys and card. The private halves
 * live in the key file, wrapped for the accounts that may sign (`registry/officeKeys.ts`); the two
 * private columns hold them only in a registry made before that, until its first sign-in by such
 * an account moves them out.
 */
export const ownKeys = sqliteTable('own_keys', {
  id: id(),
  signingPublicKey: blob('signing_public_key', { mode: 'buffer' }).notNull(),
  signingPrivateKey: blob('signing_private_key', { mode: 'buffer' }),
  encryptionPublicKey: blob('encryption_public_key', { mode: 'buffer' }).notNull(),
  encryptionPrivateKey: blob('encryption_private_key', { mode: 'buffer' }),
  fingerprint: text('fingerprint').notNull(),
  card: text('card').notNull(),
  createdAt: createdAt(),
  retiredAt: text('retired_at'),
  replacedBy: text('replaced_by'),
});

/** Other units' key cards, trusted after their fingerprint was confirmed. */
export const trustedCards = sqliteTable(
  'trusted_cards',
  {
    id: id(),
    unitCode: text('unit_code').notNull(),
    unitName: text('unit_name').notNull(),
    level: text('level', { enum: unitLevels }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    signingPublicKey: blob('signing_public_key', { mode: 'buffer' }).notNull(),
    encryptionPublicKey: blob('encryption_public_key', { mode: 'buffer' }).notNull(),
    card: text('card').notNull(),
    relation: text('relation', { enum: ['parent', 'child', 'other'] }).notNull(),
    trustedAt: text('trusted_at').notNull(),
    trustedBy: text('trusted_by').references(() => users.id),
    revokedAt: text('revoked_at'),
    revokedReason: text('revoked_reason'),
    replacesFingerprint: text('replaces_fingerprint'),
  },
  (table) => [
    uniqueIndex('trusted_cards_fingerprint_unique').on(table.fingerprint),
    index('trusted_cards_unit').on(table.unitCode),
  ],
);

/** Report packages received from subordinate units (and request files from the parent), kept with their history. */
export const importedPackages = sqliteTable(
  'imported_packages',
  {
    id: id(),
    kind: text('kind', { enum: ['report', 'request'] }).notNull(),
    unitCode: text('unit_code').notNull(),
    signerFingerprint: text('signer_fingerprint').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    roundRef: text('round_ref'),
    createdAt: createdAt(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').references(() => users.id),
    formatVersion: integer('format_version').notNull(),
    appVersion: text('app_version').notNull(),
    fileSha256: text('file_sha256').notNull(),
    manifest: text('manifest').notNull(),
    report: text('report'),
    details: text('details'),
    file: blob('file', { mode: 'buffer' }).notNull(),
    supersededBy: text('superseded_by'),
  },
  (table) => [
    uniqueIndex('imported_packages_file_unique').on(table.fileSha256),
    index('imported_packages_unit_period').on(table.unitCode, table.periodFrom, table.periodTo),
  ],
);

/**
 * Points of each lower unit's audit chain (row count and hash) carried by the report files it sent:
 * every later file from that unit must agree with them, so a rewritten log is seen here.
 */
export const auditAnchors = sqliteTable(
  'audit_anchors',
  {
    unitCode: text('unit_code').notNull(),
    rows: integer('rows').notNull(),
    hash: text('hash').notNull(),
    packageId: text('package_id').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (table) => [uniqueIndex('audit_anchors_unit_rows').on(table.unitCode, table.rows)],
);

/** Per-unit settings (deadlines, holidays, auto-lock, backups, page margins), one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: updatedAt(),
});

/**
 * Which members handed in their yearly supplement to the personal record (kê khai bổ sung lý lịch hằng năm) for a
 * year: a row means received; taking the mark back deletes it, and the audit log keeps both.
 */
export const annualRecordReceipts = sqliteTable(
  'annual_record_receipts',
  {
    id: id(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    year: integer('year').notNull(),
    receivedOn: text('received_on').notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('annual_record_receipts_member_year').on(table.memberId, table.year),
    index('annual_record_receipts_year').on(table.year),
  ],
);
