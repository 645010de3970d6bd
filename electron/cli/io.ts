import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import type { CallInput, CallName, CallOutput, ErrorPayload } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { translate, type Lang, type MessageKey, type MessageParams } from '../../shared/i18n';
import { createDispatcher } from '../services/api/dispatch';
import { defaultDatabaseFile } from '../services/paths';
import { AppSession } from '../services/session';
import { appVersion } from '../services/version';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Reads a password from the terminal without echo, or null when there is no terminal. */
  askPassword(prompt: string): Promise<string | null>;
}

/** Exit status (README, "Command line"): 0 done, 1 failed, 2 bad usage, 3 package refused, 4 wrong password. */
export const exitCodes = { done: 0, failed: 1, usage: 2, packageRefused: 3, wrongPassword: 4 } as const;

export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
  }
}

/** A call the dispatcher refused or that failed: its code, message and field issues, as the window gets them. */
export class CallFailed extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.code);
  }
}

/**
 * The command line's way to the services: the same session and dispatcher as the window and the
 * test bridge, so every command passes the same input checks, role checks and audit.
 */
export interface CliSession {
  call<Name extends CallName>(name: Name, input: CallInput<Name>): Promise<CallOutput<Name>>;
  close(): void;
}

function openSession(databaseFile: string, lang: Lang): CliSession {
  const session = new AppSession({ databaseFile, appVersion });
  session.lang = lang;
  const dispatch = createDispatcher(session);
  return {
    async call(name, input) {
      const envelope = await dispatch(name, input);
      if (!envelope.ok) throw new CallFailed(envelope.error);
      return envelope.value as never;
    },
    close: () => session.dispose(),
  };
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
  /** A new password for `user`: from SO86_NEW_PASSWORD, or asked twice without echo. */
  newPassword(user: string): Promise<string>;
  /** The acting account: --user, else SO86_USER, else whichever account the password opens. */
  username: string | null;
  /** A session over the registry that is not signed in (set-up, restore). */
  session(): CliSession;
  /** A session signed in as the acting account; every call then goes through the dispatcher. */
  signIn(): Promise<CliSession>;
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
    newPassword: async (user) => {
      const fromEnvironment = io.env.SO86_NEW_PASSWORD;
      if (fromEnvironment) return fromEnvironment;
      const first = await io.askPassword(translate(lang, 'cli.newPasswordPrompt', { user }));
      if (first === null) throw new UsageError('cli.noTerminal');
      if ((await io.askPassword(translate(lang, 'cli.newPasswordRepeatPrompt'))) !== first) throw new DomainError('PASSWORD_MISMATCH');
      return first;
    },
    username: typeof values.user === 'string' ? values.user : (io.env.SO86_USER ?? null),
    session: () => openSession(databaseFile, lang),
    signIn: async () => {
      const session = openSession(databaseFile, lang);
      try {
        await session.call('session.unlock', { username: context.username, password: await context.password() });
      } catch (error) {
        session.close();
        throw error;
      }
      return session;
    },
  };
  return { values: parsed.values, positionals: parsed.positionals, context };
}

export function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('cli.missingOption', { option: name });
  return value;
}
