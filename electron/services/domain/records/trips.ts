import { and, eq, inArray } from 'drizzle-orm';
import type { RegistryDb } from '@db/connection';
import { attachments, members, partyActivityEvents, travelDocuments, tripCountries, tripEvents, trips, users } from '@db/schema';
import type { FlagEntry, ParsedTripInput, StepCorrection, TransitionCall, TripDetail, TripRow } from '@shared/contract/registry';
import type { ComplianceFlag, TripState } from '@shared/domain/enums';
import { DomainError, type FieldIssue } from '@shared/errors';
import { newId } from '@shared/ids';
import { tripDurationBracket } from '@shared/rules/brackets';
import { flagFollowUp, tripFlags } from '@shared/rules/flags';
import { validateTripFields } from '@shared/rules/tripChecks';
import { correctionEventName, correctLastStep, tripDeletionBlockers, type RecordedStep } from '@shared/rules/tripCorrection';
import { applyTransition, availableTransitions, TripTransition, type TransitionInputs } from '@shared/rules/tripMachine';
import type { MemberFacts, TripFacts, TripRecordFacts } from '@shared/rules/types';
import { foldForSearch, normaliseText } from '@shared/text/fold';
import { appendAudit } from '../../storage/audit';
import type { Registry } from '../../storage/registry/registry';
import { blankToNull, invalid, nowIso, ruleContext, type RuleContext } from './common';

export type TripRecord = typeof trips.$inferSelect;

/** The rules' view of a stored trip. */
export function tripFacts(record: TripRecord): TripRecordFacts {
  return {
    state: record.state,
    purpose: record.purpose,
    travelDocument: record.travelDocumentKind,
    selfFunded: record.selfFunded,
    applicationDate: record.applicationDate,
    commitmentDate: record.commitmentDate,
    approvalDate: record.approvalDate,
    approvalRef: record.approvalRef,
    plannedDeparture: record.plannedDeparture,
    plannedReturn: record.plannedReturn,
    actualDeparture: record.actualDeparture,
    actualReturn: record.actualReturn,
    extendedReturn: record.extendedReturn,
    returnReportDate: record.returnReportDate,
    overstay: record.overstay,
    activityTransfer: record.activityTransfer,
    exemption: record.exemption,
    labourExportTransfer: record.labourExportTransfer,
    unreportedFoundOn: record.unreportedFoundOn,
  };
}

export function flagsOf(record: TripRecord, context: RuleContext): ComplianceFlag[] {
  return tripFlags(tripFacts(record), context).map((result) => result.flag);
}

/** Each flag with its dates, whether the office must still act on it, and what to do. */
export function flagEntriesOf(record: TripRecord, context: RuleContext): FlagEntry[] {
  const facts = tripFacts(record);
  return tripFlags(facts, context).map((result) => ({
    flag: result.flag,
    since: result.since ?? null,
    dueDate: result.dueDate ?? null,
    ...flagFollowUp(result, facts),
  }));
}

export function countriesOf(db: RegistryDb, tripIds: string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (tripIds.length === 0) return result;
  const rows = db
    .select()
    .from(tripCountries)
    .where(inArray(tripCountries.tripId, tripIds))
    .orderBy(tripCountries.position)
    .all();
  for (const row of rows) result.set(row.tripId, [...(result.get(row.tripId) ?? []), row.country]);
  return result;
}

interface MemberLabel {
  code: string;
  fullName: string;
}

function toTripRow(record: TripRecord, member: MemberLabel, countries: string[], context: RuleContext): TripRow {
  return {
    id: record.id,
    code: record.code,
    memberId: record.memberId,
    memberCode: member.code,
    memberName: member.fullName,
    purpose: record.purpose,
    countries,
    state: record.state,
    plannedDeparture: record.plannedDeparture,
    plannedReturn: record.plannedReturn,
    actualDeparture: record.actualDeparture,
    actualReturn: record.actualReturn,
    approvalDate: record.approvalDate,
    bracket: tripDurationBracket(record),
    flags: flagsOf(record, context),
    flagDetails: flagEntriesOf(record, context),
  };
}

export interface TripFilter {
  memberId?: string | undefined;
  state?: TripState | undefined;
  query?: string | undefined;
}

function filterSql(filter: TripFilter): { where: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (filter.memberId) {
    conditions.push('t.member_id = ?');
    parameters.push(filter.memberId);
  }
  if (filter.state) {
    conditions.push('t.state = ?');
    parameters.push(filter.state);
  }
  for (const word of foldForSearch(filter.query ?? '')
    .split(' ')
    .filter(Boolean)) {
    const pattern = `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(`(m.name_folded LIKE ? ESCAPE '\\' OR m.code LIKE ? ESCAPE '\\' OR t.code LIKE ? ESCAPE '\\')`);
    parameters.push(pattern, pattern, pattern);
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', parameters };
}

/** Whole records by id, through drizzle so the columns come back mapped. */
export function recordsById(db: RegistryDb, ids: string[]): Map<string, TripRecord> {
  const map = new Map<string, TripRecord>();
  for (let start = 0; start < ids.length; start += 500) {
    for (const record of db
      .select()
      .from(trips)
      .where(inArray(trips.id, ids.slice(start, start + 500)))
      .all())
      map.set(record.id, record);
  }
  return map;
}

function rowsFor(registry: Registry, ids: string[], context: RuleContext): TripRow[] {
  const records = recordsById(registry.db, ids);
  const countries = countriesOf(registry.db, ids);
  const memberIds = [...new Set([...records.values()].map((record) => record.memberId))];
  const labels = new Map<string, MemberLabel>();
  for (let start = 0; start < memberIds.length; start += 500) {
    for (const member of registry.db
      .select({ id: members.id, code: members.code, fullName: members.fullName })
      .from(members)
      .where(inArray(members.id, memberIds.slice(start, start + 500)))
      .all()) {
      labels.set(member.id, member);
    }
  }
  return ids.map((id) => {
    const record = records.get(id)!;
    return toTripRow(record, labels.get(record.memberId)!, countries.get(id) ?? [], context);
  });
}

/** Rows for the given trips, in the given order. */
export function tripRowsById(registry: Registry, ids: string[]): TripRow[] {
  return rowsFor(registry, ids, ruleContext(registry.db));
}

/** Every trip matching the filter, newest planned departure first. */
export function tripRows(registry: Registry, filter: TripFilter): TripRow[] {
  const { where, parameters } = filterSql(filter);
  const ids = (
    registry.sqlite
      .prepare(`SELECT t.id FROM trips t JOIN members m ON m.id = t.member_id ${where} ORDER BY t.planned_departure DESC, t.id`)
      .all(...parameters) as { id: string }[]
  ).map((row) => row.id);
  return rowsFor(registry, ids, ruleContext(registry.db));
}

/**
 * A page of trips. Filtering by a compliance flag judges every candidate trip with the rules
 * (flags depend on today's date and the deadline settings, so they are not stored).
 */
export function searchTrips(
  registry: Registry,
  input: TripFilter & { flag?: ComplianceFlag | undefined; openFlagsOnly?: boolean | undefined; offset: number; limit: number },
): { total: number; rows: TripRow[] } {
  const context = ruleContext(registry.db);
  const { where, parameters } = filterSql(input);
  const order = 'ORDER BY t.planned_departure DESC, t.id';
  if (!input.flag) {
    const total = (
      registry.sqlite
        .prepare(`SELECT count(*) AS n FROM trips t JOIN members m ON m.id = t.member_id ${where}`)
        .get(...parameters) as { n: number }
    ).n;
    const ids = (
      registry.sqlite
        .prepare(`SELECT t.id FROM trips t JOIN members m ON m.id = t.member_id ${where} ${order} LIMIT ? OFFSET ?`)
        .all(...parameters, input.limit, input.offset) as { id: string }[]
    ).map((row) => row.id);
    return { total, rows: rowsFor(registry, ids, context) };
  }
  const candidates = (
    registry.sqlite
      .prepare(`SELECT t.id FROM trips t JOIN members m ON m.id = t.member_id ${where} ${order}`)
      .all(...parameters) as { id: string }[]
  ).map((row) => row.id);
  const records = recordsById(registry.db, candidates);
  const flag = input.flag;
  const carries = (id: string) =>
    flagEntriesOf(records.get(id)!, context).some((entry) => entry.flag === flag && (entry.open || !input.openFlagsOnly));
  const flagged = candidates.filter(carries);
  return { total: flagged.length, rows: rowsFor(registry, flagged.slice(input.offset, input.offset + input.limit), context) };
}

function tripRecord(db: RegistryDb, id: string): TripRecord {
  const record = db.select().from(trips).where(eq(trips.id, id)).get();
  if (!record) throw new DomainError('NOT_FOUND');
  return record;
}

function memberFactsOf(db: RegistryDb, memberId: string): MemberFacts & { archived: boolean; fullName: string } {
  const member = db.select().from(members).where(eq(members.id, memberId)).get();
  if (!member) throw invalid([{ path: ['memberId'], key: 'trip.member.unknown' }]);
  return {
    status: member.status,
    underDisciplinaryReview: member.underDisciplinaryReview,
    archived: member.archivedAt !== null,
    fullName: member.fullName,
  };
}

export function getTrip(registry: Registry, id: string): TripDetail {
  const context = ruleContext(registry.db);
  const record = tripRecord(registry.db, id);
  const member = memberFactsOf(registry.db, record.memberId);
  const [row] = rowsFor(registry, [id], context);
  const events = registry.db
    .select({ event: tripEvents, username: users.username })
    .from(tripEvents)
    .leftJoin(users, eq(users.id, tripEvents.userId))
    .where(eq(tripEvents.tripId, id))
    .orderBy(tripEvents.at)
    .all();
  const files = registry.db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      size: attachments.size,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.ownerId, id))
    .all();
  const hasReport = record.returnReportDate !== null;
  return {
    ...row!,
    purposeDetail: record.purposeDetail,
    selfFunded: record.selfFunded,
    fundingSource: record.fundingSource,
    fundingNote: record.fundingNote,
    invitedByName: record.invitedByName,
    inviter: record.inviter,
    specialMission: record.specialMission,
    travelDocumentKind: record.travelDocumentKind,
    travelDocumentId: record.travelDocumentId,
    carriesSecretDocuments: record.carriesSecretDocuments,
    secretDocumentsApproval: record.secretDocumentsApproval,
    applicationDate: record.applicationDate,
    cellOpinion: record.cellOpinion,
    commitmentDate: record.commitmentDate,
    approvalRef: record.approvalRef,
    approvingCommittee: record.approvingCommittee,
    extendedReturn: record.extendedReturn,
    overstay: record.overstay,
    activityTransfer: record.activityTransfer,
    exemption: record.exemption,
    labourExportTransfer: record.labourExportTransfer,
    transferredBackDate: record.transferredBackDate,
    returnReportDate: record.returnReportDate,
    unreportedFoundOn: record.unreportedFoundOn,
    report: hasReport
      ? {
          foreignContacts: record.reportForeignContacts ?? '',
          giftsAndInvitations: record.reportGifts ?? '',
          documentsBroughtBack: record.reportDocumentsBrought ?? '',
          issues: record.reportIssues ?? '',
        }
      : null,
    evaluation: record.evaluation,
    notes: record.notes,
    availableTransitions: member.archived ? [] : availableTransitions(tripFacts(record), { today: context.today, member }),
    correctableStep: member.archived ? null : (recordedSteps(registry.db, id).at(-1)?.transition ?? null),
    deletable: tripDeletionBlockers(tripFacts(record)).length === 0,
    events: events.map(({ event, username }) => ({
      id: event.id,
      transition: event.transition,
      fromState: event.fromState,
      toState: event.toState,
      effectiveDate: event.effectiveDate,
      documentRef: event.documentRef,
      note: event.note,
      values: event.values ?? {},
      username,
      at: event.at,
    })),
    attachments: files,
    memberArchived: member.archived,
  };
}

/** The fields a trip form edits; the dates of the trip's life are set by its transitions. */
export function tripValues(input: ParsedTripInput) {
  return {
    memberId: input.memberId,
    code: blankToNull(input.code ? normaliseText(input.code) : null),
    purpose: input.purpose,
    purposeDetail: blankToNull(input.purposeDetail),
    selfFunded: input.selfFunded,
    fundingSource: input.fundingSource ?? null,
    fundingNote: blankToNull(input.fundingNote),
    invitedByName: input.invitedByName,
    inviter: blankToNull(input.inviter),
    specialMission: input.specialMission,
    travelDocumentKind: input.travelDocumentKind ?? null,
    travelDocumentId: input.travelDocumentId ?? null,
    carriesSecretDocuments: input.carriesSecretDocuments,
    secretDocumentsApproval: blankToNull(input.secretDocumentsApproval),
    plannedDeparture: input.plannedDeparture,
    plannedReturn: input.plannedReturn,
    activityTransfer: input.activityTransfer,
    exemption: input.exemption,
    labourExportTransfer: input.labourExportTransfer,
    transferredBackDate: input.transferredBackDate ?? null,
    notes: blankToNull(input.notes),
  };
}

/** What the rules refuse in the dates and facts of a trip record, without the registry. */
export function tripFieldIssues(facts: TripFacts, today: string): FieldIssue[] {
  return validateTripFields(facts, today).map((issue) => ({
    path: issue.field ? [issue.field] : [],
    key: issue.key,
    params: issue.params,
  }));
}

export function archivedMemberIssue(fullName: string): FieldIssue {
  return { path: ['memberId'], key: 'member.archived', params: { name: fullName } };
}

export function duplicateTripCodeIssue(code: string): FieldIssue {
  return { path: ['code'], key: 'trip.code.duplicate', params: { code } };
}

/** What the rules and the registry refuse in a trip record, every problem at once. */
export function tripIssues(
  db: RegistryDb,
  record: Omit<TripRecord, 'id' | 'createdAt' | 'updatedAt'> & { id?: string },
  today: string,
): FieldIssue[] {
  const issues = tripFieldIssues(tripFacts(record as TripRecord), today);
  const member = db
    .select({ archivedAt: members.archivedAt, fullName: members.fullName })
    .from(members)
    .where(eq(members.id, record.memberId))
    .get();
  if (!member) issues.push({ path: ['memberId'], key: 'trip.member.unknown' });
  else if (member.archivedAt && !record.id) issues.push(archivedMemberIssue(member.fullName));
  if (record.code) {
    const holder = db.select({ id: trips.id }).from(trips).where(eq(trips.code, record.code)).get();
    if (holder && holder.id !== record.id) issues.push(duplicateTripCodeIssue(record.code));
  }
  if (record.travelDocumentId) {
    const document = db.select().from(travelDocuments).where(eq(travelDocuments.id, record.travelDocumentId)).get();
    if (!document || document.memberId !== record.memberId)
      issues.push({ path: ['travelDocumentId'], key: 'trip.travelDocument.notMember' });
    else if (record.travelDocumentKind && document.kind !== record.travelDocumentKind)
      issues.push({ path: ['travelDocumentId'], key: 'trip.travelDocument.kindMismatch' });
  }
  return issues;
}

export function replaceCountries(db: RegistryDb, tripId: string, countries: readonly string[]) {
  db.delete(tripCountries).where(eq(tripCountries.tripId, tripId)).run();
  [...new Set(countries)].forEach((country, position) => db.insert(tripCountries).values({ tripId, country, position }).run());
}

export function saveTrip(registry: Registry, input: ParsedTripInput): TripDetail {
  const context = ruleContext(registry.db);
  // The commitment about relatives abroad may arrive after the application: recorded here when given.
  const values = {
    ...tripValues(input),
    ...(input.commitmentDate === undefined ? {} : { commitmentDate: input.commitmentDate }),
  };
  const existing = input.id ? tripRecord(registry.db, input.id) : null;
  const candidate = { ...(existing ?? emptyLifeDates()), ...values, ...(input.id ? { id: input.id } : {}) };
  const issues = tripIssues(registry.db, candidate, context.today);
  if (issues.length > 0) throw invalid(issues, 'TRIP_FIELDS_INVALID');
  const id = registry.write((db) => {
    const now = nowIso();
    if (existing) {
      db.update(trips)
        .set({ ...values, updatedAt: now })
        .where(eq(trips.id, existing.id))
        .run();
      // The countries live in their own table: read before they are replaced, so the log shows what they were.
      const countriesBefore = countriesOf(db, [existing.id]).get(existing.id) ?? [];
      replaceCountries(db, existing.id, input.countries);
      appendAudit(db, registry.actor, {
        action: 'trip.update',
        entity: 'trip',
        entityId: existing.id,
        before: { ...existing, countries: countriesBefore },
        after: { ...existing, ...values, countries: input.countries },
      });
      return existing.id;
    }
    const id = newId();
    db.insert(trips)
      .values({ id, ...values, state: 'draft', createdAt: now, updatedAt: now })
      .run();
    replaceCountries(db, id, input.countries);
    appendAudit(db, registry.actor, {
      action: 'trip.create',
      entity: 'trip',
      entityId: id,
      after: { ...values, countries: input.countries },
    });
    return id;
  });
  return getTrip(registry, id);
}

/** The columns of a trip's recorded life, before anything has happened to it. */
export function emptyLifeDates() {
  return {
    state: 'draft' as const,
    applicationDate: null,
    cellOpinion: null,
    cellOpinionDate: null,
    commitmentDate: null,
    approvalRef: null,
    approvalDate: null,
    approvingCommittee: null,
    actualDeparture: null,
    actualReturn: null,
    extendedReturn: null,
    overstay: 'none' as const,
    overstayHandling: null,
    returnReportDate: null,
    reportForeignContacts: null,
    reportGifts: null,
    reportDocumentsBrought: null,
    reportIssues: null,
    evaluation: null,
    evaluatedAt: null,
    closingReason: null,
    unreportedFoundOn: null,
  };
}

/** The columns each transition writes, from the fields the rules return. */
export function columnsFor<T extends TripTransition>(
  transition: T,
  changes: TransitionInputs[T] & { overstay?: TripRecord['overstay'] },
): Partial<TripRecord> {
  const overstay = changes.overstay ? { overstay: changes.overstay } : {};
  switch (transition) {
    case 'submit': {
      const input = changes as TransitionInputs['submit'];
      // A commitment already on file (entered with the trip) stays unless the application brings one.
      const commitment = input.commitmentDate ? { commitmentDate: input.commitmentDate } : {};
      return {
        applicationDate: input.applicationDate,
        ...commitment,
        cellOpinion: input.cellOpinion,
        cellOpinionDate: input.applicationDate,
      };
    }
    case 'approve': {
      const input = changes as TransitionInputs['approve'];
      return { approvalRef: input.approvalRef, approvalDate: input.approvalDate, approvingCommittee: input.approvingCommittee };
    }
    case 'reject':
      return { closingReason: (changes as TransitionInputs['reject']).reason };
    case 'cancel':
      return { closingReason: (changes as TransitionInputs['cancel']).reason };
    case 'depart':
      return { actualDeparture: (changes as TransitionInputs['depart']).actualDeparture };
    case 'extend':
      return { extendedReturn: (changes as TransitionInputs['extend']).extendedReturn, ...overstay };
    case 'record_unauthorised_stay':
      return { overstayHandling: (changes as TransitionInputs['record_unauthorised_stay']).note ?? null, ...overstay };
    case 'return':
      return { actualReturn: (changes as TransitionInputs['return']).actualReturn, ...overstay };
    case 'report': {
      const input = changes as TransitionInputs['report'];
      return {
        returnReportDate: input.returnReportDate,
        reportForeignContacts: input.contents.foreignContacts,
        reportGifts: input.contents.giftsAndInvitations,
        reportDocumentsBrought: input.contents.documentsBroughtBack,
        reportIssues: input.contents.issues,
      };
    }
    case 'close': {
      const input = changes as TransitionInputs['close'];
      return { evaluation: input.evaluation, evaluatedAt: input.closedOn };
    }
    default:
      return {};
  }
}

/** The date and the document a transition is recorded under, for the trip's history. */
export function eventReference(call: TransitionCall): {
  effectiveDate: string | null;
  documentRef: string | null;
  note: string | null;
} {
  switch (call.transition) {
    case 'submit':
      return { effectiveDate: call.input.applicationDate, documentRef: null, note: call.input.cellOpinion };
    case 'approve':
      return { effectiveDate: call.input.approvalDate, documentRef: call.input.approvalRef, note: call.input.approvingCommittee };
    case 'reject':
      return { effectiveDate: call.input.decisionDate, documentRef: call.input.decisionRef ?? null, note: call.input.reason };
    case 'cancel':
      return { effectiveDate: call.input.cancelledOn, documentRef: null, note: call.input.reason };
    case 'depart':
      return { effectiveDate: call.input.actualDeparture, documentRef: null, note: null };
    case 'extend':
      return { effectiveDate: call.input.extensionDate, documentRef: call.input.extensionRef, note: null };
    case 'record_unauthorised_stay':
      return { effectiveDate: call.input.recordedOn, documentRef: null, note: call.input.note ?? null };
    case 'return':
      return { effectiveDate: call.input.actualReturn, documentRef: null, note: null };
    case 'report':
      return { effectiveDate: call.input.returnReportDate, documentRef: null, note: null };
    case 'close':
      return { effectiveDate: call.input.closedOn, documentRef: null, note: call.input.evaluation };
  }
}

/**
 * Moves a trip along its life. The rules decide; every reason for a refusal comes back at
 * once and nothing is written. An accepted transition records who, when and the document.
 */
export function transitionTrip(registry: Registry, call: TransitionCall): TripDetail {
  const context = ruleContext(registry.db);
  registry.write((db) => {
    const record = tripRecord(db, call.tripId);
    const member = memberFactsOf(db, record.memberId);
    if (member.archived)
      throw invalid([{ path: ['memberId'], key: 'member.archived', params: { name: member.fullName } }], 'TRANSITION_REFUSED');
    const result = applyTransition(tripFacts(record), call.transition, call.input as never, { today: context.today, member });
    if (!result.ok) throw invalid(result.issues, 'TRANSITION_REFUSED');
    const changes = { ...columnsFor(call.transition, result.changes as never), state: result.state, updatedAt: nowIso() };
    db.update(trips).set(changes).where(eq(trips.id, record.id)).run();
    db.insert(tripEvents)
      .values({
        id: newId(),
        tripId: record.id,
        transition: call.transition,
        fromState: record.state,
        toState: result.state,
        ...eventReference(call),
        values: result.changes as Record<string, unknown>,
        userId: registry.user.id,
        at: nowIso(),
      })
      .run();
    appendAudit(db, registry.actor, {
      action: `trip.${call.transition}`,
      entity: 'trip',
      entityId: record.id,
      before: record,
      after: { ...record, ...changes },
    });
  });
  return getTrip(registry, call.tripId);
}

/** The steps of the trip's life in the order they were recorded; corrections are notes in the history, not steps. */
function recordedSteps(db: RegistryDb, tripId: string) {
  return db
    .select()
    .from(tripEvents)
    .where(eq(tripEvents.tripId, tripId))
    .orderBy(tripEvents.at, tripEvents.id)
    .all()
    .flatMap((event) => {
      const transition = TripTransition.safeParse(event.transition);
      return transition.success ? [{ ...event, transition: transition.data }] : [];
    });
}

/**
 * Records the trip's last step again with corrected input (a wrong decision number, date or
 * return date). The rules judge it as if it were being recorded now on the trip as it stood
 * before that step; the step's history row takes the corrected values, a correction row with the
 * reason follows it, and the audit log keeps the trip before and after. Flags and deadlines are
 * derived from the dates, so they follow.
 */
export function correctTripStep(registry: Registry, correction: StepCorrection): TripDetail {
  const context = ruleContext(registry.db);
  registry.write((db) => {
    const record = tripRecord(db, correction.tripId);
    const member = memberFactsOf(db, record.memberId);
    if (member.archived)
      throw invalid([{ path: ['tripId'], key: 'member.archived', params: { name: member.fullName } }], 'TRANSITION_REFUSED');
    const steps = recordedSteps(db, record.id);
    const last = steps.at(-1);
    if (!last) throw invalid([{ path: ['step'], key: 'reason.correct.noStep' }], 'TRANSITION_REFUSED');
    const { transition, input } = correction.step;
    if (last.transition !== transition) {
      throw invalid([{ path: ['step', 'transition'], key: 'reason.correct.notLastStep' }], 'TRANSITION_REFUSED');
    }
    const previousExtension = steps.slice(0, -1).findLast((step) => step.transition === 'extend');
    const step: RecordedStep = { transition, fromState: last.fromState ?? 'draft', values: last.values ?? {} };
    const result = correctLastStep(tripFacts(record), step, input as never, {
      today: context.today,
      earlier: { previousExtendedReturn: stringOrNull(previousExtension?.values?.extendedReturn) },
    });
    if (!result.ok) throw invalid(result.issues, 'TRANSITION_REFUSED');
    const changes = {
      ...columnsFor(transition, result.changes as never),
      overstay: result.changes.overstay ?? result.before.overstay ?? 'none',
      state: result.state,
      updatedAt: nowIso(),
    };
    db.update(trips).set(changes).where(eq(trips.id, record.id)).run();
    const reference = eventReference({ tripId: record.id, ...correction.step } as TransitionCall);
    db.update(tripEvents)
      .set({ ...reference, values: result.changes as Record<string, unknown> })
      .where(eq(tripEvents.id, last.id))
      .run();
    db.insert(tripEvents)
      .values({
        id: newId(),
        tripId: record.id,
        transition: correctionEventName,
        fromState: result.state,
        toState: result.state,
        effectiveDate: context.today,
        documentRef: null,
        note: correction.reason,
        values: { step: transition, before: last.values, after: result.changes },
        userId: registry.user.id,
        at: nowIso(),
      })
      .run();
    appendAudit(db, registry.actor, {
      action: 'trip.correct_step',
      entity: 'trip',
      entityId: record.id,
      before: { ...record, step: transition },
      after: { ...record, ...changes, step: transition, reason: correction.reason },
    });
  });
  return getTrip(registry, correction.tripId);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Removes a trip entered by mistake (twice, or for the wrong member) on which nothing has been
 * decided. Its history, countries and scans go with it; party-activity events that named it
 * stay with the member. The audit log keeps the whole trip and the reason.
 */
export function deleteTrip(registry: Registry, id: string, reason: string): void {
  registry.write((db) => {
    const record = tripRecord(db, id);
    const blockers = tripDeletionBlockers(tripFacts(record));
    if (blockers.length > 0)
      throw invalid(
        blockers.map((issue) => ({ path: ['id'], key: issue.key, params: issue.params })),
        'TRANSITION_REFUSED',
      );
    const countries = countriesOf(db, [id]).get(id) ?? [];
    db.update(partyActivityEvents).set({ tripId: null }).where(eq(partyActivityEvents.tripId, id)).run();
    db.delete(attachments)
      .where(and(eq(attachments.ownerKind, 'trip'), eq(attachments.ownerId, id)))
      .run();
    db.delete(tripEvents).where(eq(tripEvents.tripId, id)).run();
    db.delete(trips).where(eq(trips.id, id)).run();
    appendAudit(db, registry.actor, {
      action: 'trip.delete',
      entity: 'trip',
      entityId: id,
      before: { ...record, countries },
      after: { reason },
    });
  });
}
