import type { dashboardCalls } from '@shared/contract/dashboard';
import type { reportsCalls } from '@shared/contract/reports';
import { dashboard } from '../../domain/reports/dashboard';
import { renderReport, reportDraft, saveReportDraft } from '../../domain/reports/drafts';
import { printMemberList, printTripList } from '../../domain/reports/printedLists';
import { renderTripForm } from '../../domain/reports/tripForms';
import type { HandlerSet } from './types';

export const reportsHandlers: HandlerSet<keyof typeof dashboardCalls | keyof typeof reportsCalls> = {
  'dashboard.get': (period, { session }) => dashboard(session.requireRegistry(), period),
  'reports.get': ({ period, roundId }, { session }) => reportDraft(session.requireRegistry(), period, roundId),
  'reports.save': (input, { session }) => saveReportDraft(session.requireRegistry(), input),
  'reports.render': async ({ period, roundId, format }, { session }) => {
    const file = await renderReport(session.requireRegistry(), period, format, roundId);
    return { fileName: file.fileName, contentBase64: file.content.toString('base64') };
  },
  'forms.trip': async ({ tripId, form, format }, { session }) => {
    const file = await renderTripForm(session.requireRegistry(), tripId, form, format);
    return { fileName: file.fileName, contentBase64: file.content.toString('base64') };
  },
  'lists.printTrips': async (filter, { session }) => {
    const file = await printTripList(session.requireRegistry(), filter);
    return { fileName: file.fileName, contentBase64: file.content.toString('base64') };
  },
  'lists.printMembers': async (filter, { session }) => {
    const file = await printMemberList(session.requireRegistry(), filter);
    return { fileName: file.fileName, contentBase64: file.content.toString('base64') };
  },
};
