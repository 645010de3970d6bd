import type { auditCalls } from '@shared/contract/audit';
import { auditFacets, listAudit } from '../../domain/auditLog/query';
import { exportAuditXlsx } from '../../domain/auditLog/xlsx';
import type { HandlerSet } from './types';

export const auditHandlers: HandlerSet<keyof typeof auditCalls> = {
  'audit.list': ({ offset, limit, ...filter }, { session }) => listAudit(session.requireRegistry(), filter, { offset, limit }),
  'audit.facets': (_input, { session }) => auditFacets(session.requireRegistry()),
  'audit.exportXlsx': async (filter, { session }) => {
    const exported = await exportAuditXlsx(session.requireRegistry(), filter, session.lang);
    return { fileName: exported.fileName, contentBase64: Buffer.from(exported.content).toString('base64'), rows: exported.rows };
  },
};
