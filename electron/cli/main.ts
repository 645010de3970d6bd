import { ZodError } from 'zod';
import type { ErrorPayload } from '../../shared/contract';
import { DomainError, errorSentence, issueSentence } from '../../shared/errors';
import { translate, translatorIn, type Lang, type MessageKey } from '../../shared/i18n';
import { issuesFromZod } from '../../shared/validation';
import { appVersion } from '../services/storage/version';
import { parseCommandLine, placeholderOf } from './arguments';
import { commandsNamed, type CommandSpec } from './commandTable';
import { CallFailed, CliError, exitCodes, UsageError } from './errors';
import { fileErrorOf } from './files';
import { commandHelp, generalHelp, groupHelp } from './help';
import { commandContext, type CliIo } from './io';

export { commandNames } from './commandTable';

const helpWords = new Set(['--help', '-h', 'help']);
const wrongPasswordCodes = new Set(['WRONG_PASSWORD', 'THROTTLED', 'WRONG_RECOVERY_KEY']);

/** What an error report may name: the command being run and the registry it looked for. */
interface Where {
  spec: CommandSpec | null;
  databaseFile: string | null;
}

/** The command a line names, and the arguments after its name; help and unknown names are usage errors here. */
function commandOf(argv: string[]): { spec: CommandSpec; args: string[] } {
  const [first = '', second, ...rest] = argv;
  const specs = commandsNamed(first);
  if (specs.length === 0) throw new UsageError('cli.unknownCommand', { command: first });
  const single = specs.find((spec) => spec.name === first);
  if (single) return { spec: single, args: argv.slice(1) };
  const spec = specs.find((candidate) => candidate.name === `${first} ${second ?? ''}`);
  if (!spec) {
    const actions = specs.map((candidate) => candidate.name.split(' ')[1]).join(', ');
    if (second === undefined) throw new UsageError('cli.error.missingSubcommand', { command: first, actions }, first);
    throw new UsageError('cli.error.unknownSubcommand', { command: first, action: second, actions }, first);
  }
  return { spec, args: rest };
}

/** Runs one `so86` command and returns its exit status; only `main` and the commands' context write to stdout and stderr. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.out(appVersion);
    return exitCodes.done;
  }
  if (first === undefined) {
    io.err(generalHelp(lang));
    return exitCodes.usage;
  }
  const where: Where = { spec: null, databaseFile: null };
  try {
    if (helpWords.has(first))
      return printHelp(
        rest.filter((word, index) => !word.startsWith('-') && rest[index - 1] !== '--lang'),
        lang,
        io,
      );
    if (commandsNamed(first).length > 1 && rest.length > 0 && helpWords.has(rest[0]!)) return printHelp([first], lang, io);
    const { spec, args } = commandOf(argv);
    where.spec = spec;
    const { input, common } = parseCommandLine(spec, args, lang);
    if (common.help) {
      io.out(commandHelp(lang, spec));
      return exitCodes.done;
    }
    const context = commandContext(common, io);
    where.databaseFile = context.databaseFile;
    const handler = await spec.load();
    return await handler(input, context);
  } catch (error) {
    return report(error, lang, io, where);
  }
}

/** `so86 help`, `so86 help CMD`, `so86 CMD --help` for a command of several words: on stdout, so `| less` works. */
function printHelp(words: string[], lang: Lang, io: CliIo): number {
  if (words.length === 0) {
    io.out(generalHelp(lang));
    return exitCodes.done;
  }
  const specs = commandsNamed(words[0]!);
  if (specs.length === 0) throw new UsageError('cli.unknownCommand', { command: words[0]! });
  const spec = specs.find((candidate) => candidate.name === words.slice(0, candidate.name.split(' ').length).join(' '));
  io.out(spec ? commandHelp(lang, spec) : groupHelp(lang, words[0]!, specs));
  return exitCodes.done;
}

function exitCodeOf(code: string): number {
  if (wrongPasswordCodes.has(code)) return exitCodes.wrongPassword;
  if (code.startsWith('PKG_')) return exitCodes.packageRefused;
  return exitCodes.failed;
}

/** The name a person gave a refused field: the option or argument that filled it, or the variable a password came from. */
function fieldLabel(path: string, lang: Lang, spec: CommandSpec | null): string | null {
  const option = spec?.options.find((candidate) => candidate.field === path);
  if (option) return `--${option.name}`;
  const positional = spec?.positionals.find((candidate) => candidate.field === path);
  if (positional) return placeholderOf(lang, positional);
  if (/password/i.test(path)) return spec?.name.startsWith('users') ? 'SO86_NEW_PASSWORD' : 'SO86_PASSWORD';
  return path === '' ? null : path;
}

function issueLines(issues: ErrorPayload['issues'], lang: Lang, spec: CommandSpec | null): string[] {
  return issues.map((issue) => {
    const label = fieldLabel(issue.path.join('.'), lang, spec);
    const message = issueSentence(issue, translatorIn(lang));
    return label ? `${label}: ${message}` : message;
  });
}

/** Every error as `CODE: sentence`, the sentence saying what to do next; field problems under it, one a line. */
function report(thrown: unknown, lang: Lang, io: CliIo, where: Where): number {
  // A file that is missing, a folder or unreadable is the person's to fix, whichever command met it.
  const error = fileErrorOf(thrown) ?? thrown;
  const code = error instanceof CallFailed ? error.payload.code : error instanceof DomainError ? error.code : null;
  if (code === 'NOT_INITIALISED' && where.databaseFile) {
    io.err(`NOT_INITIALISED: ${translate(lang, 'cli.error.registryNotFound', { path: where.databaseFile })}`);
    return exitCodes.failed;
  }
  if (code === 'VALIDATION' || error instanceof ZodError) {
    const issues = error instanceof ZodError ? issuesFromZod(error) : (error as CallFailed).payload.issues;
    io.err([`VALIDATION: ${translate(lang, 'cli.error.validation')}`, ...issueLines(issues, lang, where.spec)].join('\n'));
    return exitCodes.usage;
  }
  if (error instanceof CallFailed) {
    const { code, issues } = error.payload;
    io.err([`${code}: ${errorSentence(error.payload, translatorIn(lang))}`, ...issueLines(issues, lang, where.spec)].join('\n'));
    return exitCodeOf(code);
  }
  if (error instanceof CliError) {
    const lines = [`${error.code}: ${translate(lang, error.key, error.params)}`];
    if (error.helpFor !== null)
      lines.push(translate(lang, 'cli.help.more', { command: error.helpFor ? `so86 ${error.helpFor} --help` : 'so86 --help' }));
    io.err(lines.join('\n'));
    return error.exitCode;
  }
  if (error instanceof DomainError) {
    io.err(`${error.code}: ${translate(lang, `error.${error.code}` as MessageKey, error.params)}`);
    return exitCodeOf(error.code);
  }
  const detail = error instanceof Error ? error.message : String(error);
  const technical =
    io.env.SO86_DEBUG && error instanceof Error && error.stack
      ? error.stack
      : `${detail}\n${translate(lang, 'cli.error.internalDetail')}`;
  io.err(`INTERNAL: ${translate(lang, 'error.INTERNAL')}\n${technical}`);
  return exitCodes.failed;
}
