import { useCallback } from 'react';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { useSession } from './app/sessionStore';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const lang = useSession((state) => state.lang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
