import { useCallback } from 'react';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { useSession } from './state/sessionStore';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const lang = useSession((state) => state.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}

/** Whole numbers with the current language's grouping: 100.000 in Vietnamese, 100,000 in English. */
export function useFormatNumber(): (value: number) => string {
  const lang = useSession((state) => state.lang);
  return useCallback((value) => value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'), [lang]);
}
