import { translate, type Lang, type MessageKey } from '../../shared/i18n';
import { placeholderOf } from './arguments';
import { commandTable, globalOptions, type CommandSpec, type OptionSpec } from './commandTable';

function optionUsage(lang: Lang, option: OptionSpec): string {
  if (option.type === 'flag') return `--${option.name}`;
  const value = option.arg ? translate(lang, `cli.arg.${option.arg}` as MessageKey) : option.choices!.join('|');
  return `--${option.name} ${value}`;
}

/** `so86 import members|trips TỆP [--dry-run] [--members TỆP]`: required options bare, the others in brackets. */
export function usageLine(lang: Lang, spec: CommandSpec): string {
  const positionals = spec.positionals.map((positional) =>
    positional.required ? placeholderOf(lang, positional) : `[${placeholderOf(lang, positional)}]`,
  );
  const oneOf = spec.oneOf ?? [];
  const options = spec.options.flatMap((option) => {
    if (oneOf.includes(option.name)) {
      const choices = spec.options
        .filter((candidate) => oneOf.includes(candidate.name))
        .map((candidate) => optionUsage(lang, candidate));
      return option.name === oneOf[0] ? [`(${choices.join(' | ')})`] : [];
    }
    return [option.required ? optionUsage(lang, option) : `[${optionUsage(lang, option)}]`];
  });
  return ['so86', spec.name, ...positionals, ...options].join(' ');
}

function optionLines(lang: Lang, options: readonly OptionSpec[]): string[] {
  const width = Math.max(...options.map((option) => optionUsage(lang, option).length)) + 2;
  return options.map((option) => {
    const notes = [
      translate(lang, option.summary ?? (`cli.option.${option.name}` as MessageKey)),
      option.required ? translate(lang, 'cli.help.required') : '',
      option.default !== undefined ? translate(lang, 'cli.help.default', { value: option.default }) : '',
      option.arg && option.choices ? translate(lang, 'cli.help.choices', { choices: option.choices.join(', ') }) : '',
    ].filter(Boolean);
    return `  ${optionUsage(lang, option).padEnd(width)}${notes.join(' ')}`;
  });
}

function commandList(lang: Lang, specs: readonly CommandSpec[]): string[] {
  return specs.flatMap((spec) => [`  ${usageLine(lang, spec)}`, `      ${translate(lang, spec.summary)}`]);
}

const commonFooter = (lang: Lang) => [
  '',
  translate(lang, 'cli.help.common'),
  ...optionLines(lang, globalOptions),
  '',
  translate(lang, 'cli.help.footer'),
];

/** `so86 --help`: every command with its usage and one sentence. */
export function generalHelp(lang: Lang): string {
  return [
    translate(lang, 'cli.help.usage'),
    '',
    translate(lang, 'cli.help.commands'),
    ...commandList(lang, commandTable),
    `  so86 --version`,
    `      ${translate(lang, 'cli.help.version')}`,
    ...commonFooter(lang),
  ].join('\n');
}

/** `so86 users --help`: the commands under one first word. */
export function groupHelp(lang: Lang, first: string, specs: readonly CommandSpec[]): string {
  return [
    translate(lang, 'cli.help.group', { command: first }),
    ...commandList(lang, specs),
    '',
    translate(lang, 'cli.help.groupMore', { command: first }),
  ].join('\n');
}

/** `so86 <command> --help`: its usage, what it does, each option. */
export function commandHelp(lang: Lang, spec: CommandSpec): string {
  const lines = [`${translate(lang, 'cli.help.usageOf')} ${usageLine(lang, spec)}`, '', translate(lang, spec.summary)];
  if (spec.options.length > 0) lines.push('', translate(lang, 'cli.help.options'), ...optionLines(lang, spec.options));
  return [...lines, ...commonFooter(lang)].join('\n');
}
