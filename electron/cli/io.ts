import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { translate, type Lang, type MessageKey, type MessageParams } from '../../shared/i18n';
import { createDispatcher } from '../services/application/api/dispatch';
import { defaultDatabaseFile } from '../services/storage/paths';
import { AppSession } from '../services/application/session';
import { appVersion } from '../services/storage/version';
import { CallFailed, CliError, exitCodes } from './errors';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Reads a password from the terminal without echo, or null when there is no terminal. */
  askPassword(prompt: string): Promise<string | null>;
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

export interface CommandContext {
  io: CliIo;
  lang: Lang;
  json: boolean;
  databaseFile: string;
  /** Whether --db named the registry, rather than the data folder's default. */
  databaseNamed: boolean;
  /** A line of the command's result, on stdout. */
  print(key: MessageKey, params?: MessageParams): void;
  /** A message about what happened, on stderr. */
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

export interface CommonOptions {
  db?: string;
  user?: string;
  json: boolean;
  lang: Lang;
}

/**
 * What every command works with. Output goes one way: what the command was asked for (a status, a
 * list, a verdict, JSON, a recovery key) on stdout with `print`/`printJson`; what it did and every
 * message on the way, on stderr with `say`.
 */
export function commandContext(common: CommonOptions, io: CliIo): CommandContext {
  const { lang, json } = common;
  const databaseFile = common.db !== undefined ? path.resolve(common.db) : defaultDatabaseFile({ env: io.env });
  const context: CommandContext = {
    io,
    lang,
    json,
    databaseFile,
    databaseNamed: common.db !== undefined,
    print: (key, params) => io.out(translate(lang, key, params)),
    say: (key, params) => io.err(translate(lang, key, params)),
    printJson: (value) => io.out(JSON.stringify(value, null, 2)),
    password: async ({ confirm = false } = {}) => {
      const fromEnvironment = io.env.SO86_PASSWORD;
      if (fromEnvironment) return fromEnvironment;
      const first = await io.askPassword(translate(lang, 'cli.passwordPrompt'));
      if (first === null) throw new CliError('NO_PASSWORD', 'cli.noTerminal', {}, exitCodes.usage);
      if (confirm && (await io.askPassword(translate(lang, 'cli.passwordRepeatPrompt'))) !== first)
        throw new DomainError('PASSWORD_MISMATCH');
      return first;
    },
    newPassword: async (user) => {
      const fromEnvironment = io.env.SO86_NEW_PASSWORD;
      if (fromEnvironment) return fromEnvironment;
      const first = await io.askPassword(translate(lang, 'cli.newPasswordPrompt', { user }));
      if (first === null) throw new CliError('NO_PASSWORD', 'cli.noTerminal', {}, exitCodes.usage);
      if ((await io.askPassword(translate(lang, 'cli.newPasswordRepeatPrompt'))) !== first)
        throw new DomainError('PASSWORD_MISMATCH');
      return first;
    },
    username: common.user ?? io.env.SO86_USER ?? null,
    session: () => openSession(databaseFile, lang),
    signIn: async () => {
      // Looked for before a session opens, so the message can name the file and the way to make one.
      if (!existsSync(databaseFile)) throw new CliError('NOT_INITIALISED', 'cli.error.registryNotFound', { path: databaseFile });
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
  return context;
}
