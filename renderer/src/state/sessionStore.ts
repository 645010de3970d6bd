import { create } from 'zustand';
import type { AppStatus } from '@shared/contract/foundation';
import type { Lang } from '@shared/i18n';
import { call } from '../api/client';

interface SessionState {
  status: AppStatus | null;
  lang: Lang;
  setStatus(status: AppStatus): void;
  refresh(): Promise<void>;
  setLang(lang: Lang): Promise<void>;
  lock(): Promise<void>;
}

const resetsOnLock = new Set<() => void>();

/** A store holding registry data registers here; its data is dropped the moment the session locks. */
export function clearOnLock(reset: () => void): void {
  resetsOnLock.add(reset);
}

/** The session as the renderer knows it. Locking forgets everything read while unlocked. */
export const useSession = create<SessionState>((set, get) => ({
  status: null,
  lang: 'vi',
  setStatus: (status) => {
    if (status.state !== 'unlocked') for (const reset of resetsOnLock) reset();
    set({ status, lang: status.lang });
  },
  refresh: async () => get().setStatus(await call('app.status', {})),
  setLang: async (lang) => {
    set({ lang });
    await call('app.setLanguage', { lang });
  },
  lock: async () => get().setStatus(await call('session.lock', {})),
}));
