import { accountsMessages } from './accounts';
import { annualRecordsMessages } from './annualRecords';
import { backupMessages } from './backup';
import { cliMessages } from './cli';
import { commonMessages } from './common';
import { errorMessages } from './errors';
import { exchangeMessages } from './exchange';
import { importingMessages } from './importing';
import { packagesMessages } from './packages';
import { registryMessages } from './registry';
import { registryUiMessages } from './registryUi';
import { reportsMessages } from './reports';
import { reportsUiMessages } from './reportsUi';
import { rulesMessages } from './rules';
import { uiMessages } from './ui';
import { textMessages } from '../text/messages';
import { demoMessages } from './demo';
import { jobsMessages } from './jobs';
import { reconcileMessages } from './reconcile';

export type Lang = 'vi' | 'en';
export const languages: readonly Lang[] = ['vi', 'en'];

const modules = [
  commonMessages,
  errorMessages,
  rulesMessages,
  registryMessages,
  reportsMessages,
  packagesMessages,
  uiMessages,
  cliMessages,
  textMessages,
  importingMessages,
  exchangeMessages,
  registryUiMessages,
  reportsUiMessages,
  backupMessages,
  jobsMessages,
  demoMessages,
  accountsMessages,
  annualRecordsMessages,
  reconcileMessages,
] as const;

type ModuleKeys<M> = M extends { vi: infer Vi } ? keyof Vi : never;
export type MessageKey = ModuleKeys<(typeof modules)[number]> & string;
export type MessageParams = Record<string, string | number>;

const tables: Record<Lang, Map<string, string>> = { vi: new Map(), en: new Map() };
for (const module of modules) {
  for (const lang of languages) {
    for (const [key, value] of Object.entries(module[lang])) {
      if (tables[lang].has(key)) throw new Error(`Duplicate message key ${key}`);
      tables[lang].set(key, value);
    }
  }
}

export function hasMessage(key: string): key is MessageKey {
  return tables.vi.has(key);
}

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = tables[lang].get(key) ?? tables.vi.get(key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** `translate` with the language fixed, shaped like the window's `t`. */
export function translatorIn(lang: Lang): (key: MessageKey, params?: MessageParams) => string {
  return (key, params) => translate(lang, key, params);
}

export function allMessageKeys(): string[] {
  return [...tables.vi.keys()];
}
