import type { annualRecordsCalls } from '@shared/contract/annualRecords';
import {
  annualRecordList,
  annualRecordSummary,
  markAnnualRecordReceived,
  renderAnnualRecord,
  unmarkAnnualRecordReceived,
} from '../../domain/reports/annualRecords';
import type { HandlerSet } from './types';

export const annualRecordsHandlers: HandlerSet<keyof typeof annualRecordsCalls> = {
  'annualRecords.list': ({ year, cellId }, { session }) => annualRecordList(session.requireRegistry(), year, cellId),
  'annualRecords.summary': ({ year }, { session }) => annualRecordSummary(session.requireRegistry(), year),
  'annualRecords.render': async ({ year, scope, format }, { session }) => {
    const file = await renderAnnualRecord(session.requireRegistry(), year, scope, format);
    return { fileName: file.fileName, contentBase64: file.content.toString('base64'), members: file.members };
  },
  'annualRecords.markReceived': (input, { session }) => markAnnualRecordReceived(session.requireRegistry(), input),
  'annualRecords.unmarkReceived': (input, { session }) => unmarkAnnualRecordReceived(session.requireRegistry(), input),
};
