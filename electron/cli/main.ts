import { ZodError } from 'zod';
import { DomainError, errorSentence, issueSentence } from '../../shared/errors';
import { translate, translatorIn, type Lang, type MessageKey } from '../../shared/i18n';
import { issuesFromZod } from '../../shared/validation';
import { appVersion } from '../services/storage/version';
import { fileErrorOf } from './files';
import { CallFailed, exitCodes, UsageError, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command loads only what it needs: the document libraries are not read to print a status. */
const commands: Record<string, Command> = {
  init: async (args, io) => (await import('./commands/init')).initCommand(args, io),
  status: async (args, io) => (await import('./commands/status')).statusCommand(args, io),
  report: async (args, io) => (await import('./commands/report')).reportCommand(args, io),
  keys: async (args, io) => (await import('./commands/keys')).keysCommand(args, io),
  package: async (args, io) => (await import('./commands/package')).packageCommand(args, io),
  import: async (args, io) => (await import('./commands/import')).importCommand(args, io),
  members: async (args, io) => (await import('./commands/members')).membersCommand(args, io),
  trips: async (args, io) => (await import('./commands/trips')).tripsCommand(args, io),
  audit: async (args, io) => (await import('./commands/audit')).auditCommand(args, io),
  backup: async (args, io) => (await import('./commands/backup')).backupCommand(args, io),
  restore: async (args, io) => (await import('./commands/backup')).restoreCommand(args, io),
  demo: async (args, io) => (await import('./commands/demo')).demoCommand(args, io),
  users: async (args, io) => (await import('./commands/users')).usersCommand(args, io),
  rekey: async (args, io) => (await import('./commands/users')).rekeyCommand(args, io),
  reconcile: async (args, io) => (await import('./commands/reconcile')).reconcileCommand(args, io),
  'annual-record': async (args, io) => (await import('./commands/annualRecord')).annualRecordCommand(args, io),
};

/** The names of every command, for the test that proves each one goes through the dispatcher. */
export const commandNames = Object.keys(commands);

const wrongPasswordCodes = new Set(['WRONG_PASSWORD', 'THROTTLED', 'WRONG_RECOVERY_KEY']);

/** Runs one `so86` command and returns its exit status; only `main` decides what reaches stdout and stderr. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.out(appVersion);
    return exitCodes.done;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.err(translate(lang, 'cli.usage'));
    return name ? exitCodes.done : exitCodes.usage;
  }
  const command = commands[name];
  if (!command) {
    io.err(translate(lang, 'cli.unknownCommand', { command: name }));
    return exitCodes.usage;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    return report(error, lang, io);
  }
}

function exitCodeOf(code: string): number {
  if (wrongPasswordCodes.has(code)) return exitCodes.wrongPassword;
  if (code.startsWith('PKG_')) return exitCodes.packageRefused;
  return exitCodes.failed;
}

function report(thrown: unknown, lang: Lang, io: CliIo): number {
  // A file that is missing, a folder or unreadable is the person's to fix, whichever command met it.
  const error = fileErrorOf(thrown) ?? thrown;
  if (error instanceof CallFailed) {
    const inLang = translatorIn(lang);
    const { code, issues } = error.payload;
    const details = issues.map((issue) => `${issue.path.join('.') || '-'}: ${issueSentence(issue, inLang)}`);
    io.err([`${code}: ${errorSentence(error.payload, inLang)}`, ...details].join('\n'));
    return code === 'VALIDATION' ? exitCodes.usage : exitCodeOf(code);
  }
  if (error instanceof UsageError) {
    io.err(translate(lang, error.key, error.params));
    return exitCodes.usage;
  }
  if (error instanceof ZodError) {
    const details = issuesFromZod(error).map((issue) => `${issue.path.join('.') || '-'}: ${translate(lang, issue.key as MessageKey, issue.params)}`);
    io.err(`VALIDATION: ${translate(lang, 'error.VALIDATION')}\n${details.join('\n')}`);
    return exitCodes.usage;
  }
  if (error instanceof DomainError) {
    io.err(`${error.code}: ${translate(lang, `error.${error.code}` as MessageKey, error.params)}`);
    return exitCodeOf(error.code);
  }
  io.err(`INTERNAL: ${translate(lang, 'error.INTERNAL')}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return exitCodes.failed;
}
