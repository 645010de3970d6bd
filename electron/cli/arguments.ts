import { parseArgs, type ParseArgsConfig } from 'node:util';
import { translate, type Lang, type MessageKey } from '../../shared/i18n';
import { parseCivilDate } from '../../shared/rules/dates';
import type { CommandInput, OptionValues } from './commandInput';
import { globalOptions, type CommandSpec, type OptionSpec, type PositionalSpec } from './commandTable';
import { UsageError } from './errors';

export interface ParsedCommandLine {
  input: CommandInput;
  /** The options every command takes: --db, --user, --json, --lang, --help. */
  common: { db?: string; user?: string; json: boolean; lang: 'vi' | 'en'; help: boolean };
}

function parserOptions(options: readonly OptionSpec[]): ParseArgsConfig['options'] {
  return Object.fromEntries(options.map((option) => [option.name, { type: option.type === 'flag' ? 'boolean' : 'string' }]));
}

/** Node's own words for a bad command line, said again in the user's language, naming the option. */
function usageErrorOf(error: unknown, command: string): UsageError {
  const failure = error as { code?: string; message?: string };
  const option = /'(-{1,2}[^\s']+)/.exec(failure.message ?? '')?.[1] ?? '';
  if (failure.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return new UsageError('cli.error.unknownOption', { command, option }, command);
  if (failure.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(failure.message ?? ''))
    return new UsageError('cli.error.flagTakesNoValue', { option }, command);
  if (failure.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return new UsageError('cli.error.optionNeedsValue', { option }, command);
  return new UsageError('cli.badUsage', { detail: failure.message ?? String(error) }, command);
}

/** How an argument is shown in a usage line: its choices, or its placeholder in the language asked. */
export function placeholderOf(lang: Lang, positional: Pick<PositionalSpec, 'arg' | 'choices'>): string {
  return positional.arg === 'choice' ? positional.choices!.join('|') : translate(lang, `cli.arg.${positional.arg}` as MessageKey);
}

function readOption(option: OptionSpec, raw: string, command: string): string | number {
  const name = `--${option.name}`;
  switch (option.type) {
    case 'date': {
      const date = parseCivilDate(raw);
      if (!date) throw new UsageError('cli.error.badDate', { option: name, value: raw }, command);
      return date;
    }
    case 'integer':
      if (!/^\d{1,9}$/.test(raw.trim())) throw new UsageError('cli.error.badInteger', { option: name, value: raw }, command);
      return Number(raw.trim());
    case 'choice':
      if (!option.choices!.includes(raw))
        throw new UsageError('cli.error.badChoice', { name, value: raw, choices: option.choices!.join(', ') }, command);
      return raw;
    default:
      return raw;
  }
}

/**
 * Reads a command's arguments by its row of the table: unknown options, missing values, missing
 * or extra arguments, dates, integers and choices are refused here, each naming the option.
 * With --help nothing else is checked: the help is printed however incomplete the line.
 */
export function parseCommandLine(spec: CommandSpec, args: string[], lang: Lang): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: parserOptions([...globalOptions, ...spec.options]),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageErrorOf(error, spec.name);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const common = {
    ...(typeof values.db === 'string' ? { db: values.db } : {}),
    ...(typeof values.user === 'string' ? { user: values.user } : {}),
    json: values.json === true,
    lang: values.lang === 'en' ? ('en' as const) : ('vi' as const),
    help: values.help === true,
  };
  if (common.help) return { input: { options: {}, positionals: parsed.positionals }, common };
  if (typeof values.lang === 'string')
    readOption(
      globalOptions.find((option) => option.name === 'lang')!,
      values.lang,
      spec.name,
    );

  const options: OptionValues = {};
  for (const option of spec.options) {
    const raw = values[option.name];
    if (option.type === 'flag') {
      options[option.name] = raw === true;
      continue;
    }
    const given = typeof raw === 'string' && raw.trim() !== '' ? raw : option.default;
    if (given === undefined) {
      if (option.required) throw new UsageError('cli.missingOption', { option: option.name }, spec.name);
      continue;
    }
    options[option.name] = readOption(option, given, spec.name);
  }

  const positionals = parsed.positionals;
  if (positionals.length > spec.positionals.length)
    throw new UsageError('cli.error.extraArgument', { argument: positionals[spec.positionals.length]! }, spec.name);
  spec.positionals.forEach((positional, index) => {
    const value = positionals[index];
    if (value === undefined) {
      if (positional.required)
        throw new UsageError(
          'cli.error.missingArgument',
          { command: spec.name, argument: placeholderOf(lang, positional) },
          spec.name,
        );
      return;
    }
    if (positional.choices && !positional.choices.includes(value)) {
      throw new UsageError(
        'cli.error.badChoice',
        { name: `${spec.name} ${placeholderOf(lang, positional)}`, value, choices: positional.choices.join(', ') },
        spec.name,
      );
    }
  });
  return { input: { options, positionals }, common };
}
