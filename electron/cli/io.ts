import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { translate, type Lang, type MessageKey, type MessageParams } from '../../shared/i18n';
import { defaultDatabaseFile } from '../services/paths';
import { Registry } from '../services/registry/registry';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Reads a password from the terminal without echo, or null when there is no terminal. */
  askPassword(prompt: string): Promise<string | null>;
}

/** Exit status of contracts.md: 0 done, 1 failed, 2 bad usage, 3 package refused, 4 wrong password. */
export const exitCodes = { done: 0, failed: 1, usage: 2, packageRefused: 3, wrongPassword: 4 } as const;

export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
  }
}

export const globalOptions = {
  db: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'vi' },
} as const satisfies ParseArgsConfig['options'];

export interface CommandContext {
  io: CliIo;
  lang: Lang;
  json: boolean;
  databaseFile: string;
  say(key: MessageKey, params?: MessageParams): void;
  printJson(value: unknown): void;
  password(options?: { confirm?: boolean }): Promise<string>;
  /** Opens the registry as the account the password (and --user, when given) belongs to. */
  unlock(): Promise<Registry>;
}

export function parseCommand<const Options extends ParseArgsConfig['options']>(args: string[], options: Options, io: CliIo) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...globalOptions, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError('cli.badUsage', { detail: (error as Error).message });
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const lang: Lang = values.lang === 'en' ? 'en' : 'vi';
  const json = values.json === true;
  const databaseFile = typeof values.db === 'string' ? path.resolve(values.db) : defaultDatabaseFile({ env: io.env });
  const context: CommandContext = {
    io,
    lang,
    json,
    databaseFile,
    say: (key, params) => io.err(translate(lang, key, params)),
    printJson: (value) => io.out(JSON.stringify(value, null, 2)),
    password: async ({ confirm = false } = {}) => {
      const fromEnvironment = io.env.SO86_PASSWORD;
      if (fromEnvironment) return fromEnvironment;
      const first = await io.askPassword(translate(lang, 'cli.passwordPrompt'));
      if (first === null) throw new UsageError('cli.noTerminal');
      if (confirm && (await io.askPassword(translate(lang, 'cli.passwordRepeatPrompt'))) !== first) throw new DomainError('PASSWORD_MISMATCH');
      return first;
    },
    unlock: async () => Registry.unlock(databaseFile, typeof values.user === 'string' ? values.user : (io.env.SO86_USER ?? null), await context.password()),
  };
  return { values: parsed.values, positionals: parsed.positionals, context };
}

export function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('cli.missingOption', { option: name });
  return value;
}
