import type { CommandContext } from './io';

export type OptionValues = Record<string, string | number | boolean | undefined>;

/** A command's arguments once the table's checks passed: dates in yyyy-mm-dd, integers as numbers. */
export interface CommandInput {
  options: OptionValues;
  positionals: string[];
}

export type Handler = (input: CommandInput, context: CommandContext) => Promise<number>;
