import type { dashboardCalls } from '../../../shared/contract/dashboard';
import { dashboard } from '../reports/dashboard';
import type { HandlerSet } from './types';

export const reportsHandlers: HandlerSet<keyof typeof dashboardCalls> = {
  'dashboard.get': (period, { session }) => dashboard(session.requireRegistry(), period),
};
