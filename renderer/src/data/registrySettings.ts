import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { RegistrySettings } from '@shared/contract/registry';
import { civilDateInVietnam, type CivilDate } from '@shared/rules/dates';
import { createHolidayCalendar, type HolidayCalendar } from '@shared/rules/holidays';
import type { DeadlineSettings } from '@shared/rules/settings';
import { call } from '../api/client';
import { clearOnLock } from '../state/sessionStore';

interface RegistrySettingsState {
  settings: RegistrySettings | null;
  calendar: HolidayCalendar | null;
  load(): Promise<void>;
  save(settings: RegistrySettings): Promise<RegistrySettings>;
}

const withCalendar = (settings: RegistrySettings) => ({
  settings,
  calendar: createHolidayCalendar(settings.deadlines.holidayOverrides),
});

/** Counts the sessions, so that an answer arriving after the registry locked is dropped. */
let session = 0;

/** The unit's deadline settings and holiday calendar, read once per session: the rules need them for every hint. */
export const useRegistrySettings = create<RegistrySettingsState>((set, get) => ({
  settings: null,
  calendar: null,
  load: async () => {
    if (get().settings) return;
    const askedIn = session;
    const settings = await call('settings.get', {});
    if (askedIn === session) set(withCalendar(settings));
  },
  save: async (settings) => {
    const saved = await call('settings.save', settings);
    set(withCalendar(saved));
    return saved;
  },
}));

clearOnLock(() => {
  session += 1;
  useRegistrySettings.setState({ settings: null, calendar: null });
});

export interface RuleContext {
  settings: DeadlineSettings;
  calendar: HolidayCalendar;
  today: CivilDate;
}

/** What the shared rules need to judge a trip on screen; null while the settings load. */
export function useRuleContext(): RuleContext | null {
  const settings = useRegistrySettings((state) => state.settings);
  const calendar = useRegistrySettings((state) => state.calendar);
  const load = useRegistrySettings((state) => state.load);
  useEffect(() => {
    // Without the settings the forms simply show no hints yet; saving still goes through the services' own checks.
    load().catch(() => undefined);
  }, [load]);
  const today = civilDateInVietnam(new Date());
  return useMemo(
    () => (settings && calendar ? { settings: settings.deadlines, calendar, today } : null),
    [settings, calendar, today],
  );
}
