import type { registryCalls } from '@shared/contract/registry';
import { decisions } from '@shared/contract/define';
import { verifyAuditLog } from '../../storage/auditAnchor';
import { deleteActivityEvent, saveActivityEvent } from '../../domain/records/activityEvents';
import { addAttachment, deleteAttachment, readAttachment } from '../../domain/records/attachments';
import {
  archiveCell,
  archiveMember,
  getMember,
  listCells,
  renameCell,
  saveMember,
  searchMembers,
} from '../../domain/records/members';
import {
  deleteEnterprise,
  deleteIssuedDocument,
  listEnterprises,
  listIssuedDocuments,
  listLegalBases,
  saveEnterprise,
  saveIssuedDocument,
  saveLegalBasis,
} from '../../domain/records/references';
import { readRegistrySettings, saveRegistrySettings } from '../../domain/records/registrySettings';
import { deleteTravelDocument, saveTravelDocument } from '../../domain/records/travelDocuments';
import { correctTripStep, deleteTrip, getTrip, saveTrip, searchTrips, transitionTrip } from '../../domain/records/trips';
import type { AppSession } from '../session';
import { refuse } from './refuse';
import type { HandlerSet } from './types';

/** Permission, refusal and extension are decisions: a leader's or an administrator's. */
const decidingTransitions = new Set(['approve', 'reject', 'extend']);

/** Recording or correcting a decision takes a leader's or an administrator's role; the refusal is audited. */
function refuseDecisionWithoutAuthority(session: AppSession, transition: string, action: string, tripId: string): void {
  const registry = session.requireRegistry();
  if (!decidingTransitions.has(transition) || decisions.includes(registry.user.role)) return;
  throw refuse(session, { action, entity: 'trip', entityId: tripId }, decisions);
}

export const registryHandlers: HandlerSet<keyof typeof registryCalls> = {
  'cells.list': ({ includeArchived }, { session }) => listCells(session.requireRegistry(), includeArchived),
  'cells.rename': ({ id, name }, { session }) => renameCell(session.requireRegistry(), id, name),
  'cells.archive': ({ id, archived }, { session }) => archiveCell(session.requireRegistry(), id, archived),

  'members.search': (input, { session }) => searchMembers(session.requireRegistry(), input),
  'members.get': ({ id }, { session }) => getMember(session.requireRegistry(), id),
  'members.save': (input, { session }) => saveMember(session.requireRegistry(), input),
  'members.archive': ({ id, archived }, { session }) => archiveMember(session.requireRegistry(), id, archived),

  'travelDocuments.save': (input, { session }) => saveTravelDocument(session.requireRegistry(), input),
  'travelDocuments.delete': ({ id }, { session }) => {
    deleteTravelDocument(session.requireRegistry(), id);
    return { done: true };
  },

  'trips.search': (input, { session }) => searchTrips(session.requireRegistry(), input),
  'trips.get': ({ id }, { session }) => getTrip(session.requireRegistry(), id),
  'trips.save': (input, { session }) => saveTrip(session.requireRegistry(), input),
  'trips.transition': (input, { session }) => {
    refuseDecisionWithoutAuthority(session, input.transition, `trip.${input.transition}`, input.tripId);
    return transitionTrip(session.requireRegistry(), input);
  },
  'trips.correctStep': (input, { session }) => {
    refuseDecisionWithoutAuthority(session, input.step.transition, 'trip.correct_step', input.tripId);
    return correctTripStep(session.requireRegistry(), input);
  },
  'trips.delete': ({ id, reason }, { session }) => {
    deleteTrip(session.requireRegistry(), id, reason);
    return { done: true };
  },

  'activityEvents.save': (input, { session }) => saveActivityEvent(session.requireRegistry(), input),
  'activityEvents.delete': ({ id }, { session }) => {
    deleteActivityEvent(session.requireRegistry(), id);
    return { done: true };
  },

  'attachments.add': (input, { session }) => addAttachment(session.requireRegistry(), input),
  'attachments.get': ({ id }, { session }) => readAttachment(session.requireRegistry(), id),
  'attachments.delete': ({ id }, { session }) => {
    deleteAttachment(session.requireRegistry(), id);
    return { done: true };
  },

  'issuedDocuments.list': (range, { session }) => listIssuedDocuments(session.requireRegistry(), range),
  'issuedDocuments.save': (input, { session }) => saveIssuedDocument(session.requireRegistry(), input),
  'issuedDocuments.delete': ({ id }, { session }) => {
    deleteIssuedDocument(session.requireRegistry(), id);
    return { done: true };
  },

  'legalBases.list': (_input, { session }) => listLegalBases(session.requireRegistry()),
  'legalBases.save': (input, { session }) => saveLegalBasis(session.requireRegistry(), input),

  'enterprises.list': (_input, { session }) => listEnterprises(session.requireRegistry()),
  'enterprises.save': (input, { session }) => saveEnterprise(session.requireRegistry(), input),
  'enterprises.delete': ({ id }, { session }) => {
    deleteEnterprise(session.requireRegistry(), id);
    return { done: true };
  },

  'settings.get': (_input, { session }) => readRegistrySettings(session.requireRegistry()),
  'settings.save': (input, { session }) => {
    const saved = saveRegistrySettings(session.requireRegistry(), input);
    session.reloadSettings();
    return saved;
  },

  'audit.verify': (_input, { session }) => verifyAuditLog(session.requireRegistry()),
};
