import { useEffect } from 'react';
import { call } from '../api/client';

const reportEveryMs = 30_000;

/** Typing or clicking keeps the session open; the services lock it after the idle time without either. */
export function useActivityReporter(): void {
  useEffect(() => {
    let lastReport = 0;
    const report = () => {
      const now = Date.now();
      if (now - lastReport < reportEveryMs) return;
      lastReport = now;
      void call('session.touch', {}).catch(() => undefined);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const event of events) window.addEventListener(event, report, { passive: true });
    return () => {
      for (const event of events) window.removeEventListener(event, report);
    };
  }, []);
}
