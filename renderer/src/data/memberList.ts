import type { MemberRow } from '@shared/contract/registry';
import type { MemberStatus } from '@shared/domain/enums';
import { call } from '../api/client';
import { createPagedList } from '../components/pagedList';

export interface MemberFilters {
  query: string;
  cellId: string | null;
  status: MemberStatus | null;
  includeArchived: boolean;
}

export const useMemberList = createPagedList<MemberFilters, MemberRow>(
  (filters, offset, limit) =>
    call('members.search', {
      query: filters.query.trim() || undefined,
      cellId: filters.cellId ?? undefined,
      status: filters.status ?? undefined,
      includeArchived: filters.includeArchived,
      offset,
      limit,
    }),
  { query: '', cellId: null, status: null, includeArchived: false },
);
