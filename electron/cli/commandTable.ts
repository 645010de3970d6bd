import { tripStates, unitLevels, userRoles } from '../../shared/domain/enums';
import type { MessageKey } from '../../shared/i18n';
import type { DemoScale } from '../services/application/demo/scenarios';
import type { Handler } from './commandInput';

/** What a value looks like in a usage line: `cli.arg.<name>` is its placeholder in each language (NGÀY, DATE). */
export type ArgName =
  | 'date'
  | 'file'
  | 'fileOrFolder'
  | 'reportFile'
  | 'backupFile'
  | 'card'
  | 'hex'
  | 'code'
  | 'text'
  | 'name'
  | 'fullName'
  | 'cellName'
  | 'symbol'
  | 'place'
  | 'number'
  | 'year'
  | 'state'
  | 'role';

/**
 * How an option's value is read before the command sees it: `date` accepts dd/mm/yyyy and
 * yyyy-mm-dd and hands on yyyy-mm-dd; `integer` hands on a number; `choice` one of `choices`.
 */
export type OptionType = 'text' | 'flag' | 'date' | 'integer' | 'choice';

export interface OptionSpec {
  name: string;
  type: OptionType;
  /** The value's placeholder; a choice without one shows its choices. */
  arg?: ArgName;
  choices?: readonly string[];
  required?: boolean;
  default?: string;
  /** What the help says of it; `cli.option.<name>` unless given. */
  summary?: MessageKey;
  /** The path of the call's input the option fills, so a refusal of that field names the option. */
  field?: string;
}

export interface PositionalSpec {
  arg: ArgName | 'choice';
  choices?: readonly string[];
  required: boolean;
  /** The path of the call's input the argument fills. */
  field?: string;
}

export interface CommandSpec {
  /** One or two words: `status`, `package verify`. */
  name: string;
  /** The help's sentence: `cli.summary.<name with dots>`. */
  summary: MessageKey;
  positionals: readonly PositionalSpec[];
  options: readonly OptionSpec[];
  /** Options of which exactly one must be given, shown as `(--a X | --b Y)`; the command checks it. */
  oneOf?: readonly string[];
  /** Loaded only when the command runs: the document libraries are not read to print a status. */
  load: () => Promise<Handler>;
}

export const globalOptions: readonly OptionSpec[] = [
  { name: 'db', type: 'text', arg: 'file' },
  { name: 'user', type: 'text', arg: 'name' },
  { name: 'json', type: 'flag' },
  { name: 'lang', type: 'choice', choices: ['vi', 'en'], default: 'vi' },
  { name: 'help', type: 'flag' },
];

const from: OptionSpec = { name: 'from', type: 'date', arg: 'date', required: true, field: 'period.from' };
const to: OptionSpec = { name: 'to', type: 'date', arg: 'date', required: true, field: 'period.to' };
const userName: PositionalSpec = { arg: 'name', required: true, field: 'username' };
const demoScaleNames = ['commune', 'province', 'national'] as const satisfies readonly DemoScale[];

/** Every `so86` command, once: the parser, the checks and the help all read this table. */
export const commandTable: readonly CommandSpec[] = [
  {
    name: 'init',
    summary: 'cli.summary.init',
    positionals: [],
    options: [
      { name: 'unit-code', type: 'text', arg: 'code', required: true, field: 'unit.code' },
      { name: 'unit-name', type: 'text', arg: 'name', required: true, field: 'unit.name' },
      { name: 'level', type: 'choice', choices: unitLevels, required: true, field: 'unit.level' },
      { name: 'parent-code', type: 'text', arg: 'code', field: 'unit.parentCode' },
      { name: 'admin', type: 'text', arg: 'name', required: true, field: 'admin.username' },
      { name: 'admin-name', type: 'text', arg: 'fullName', field: 'admin.displayName' },
      { name: 'superior-name', type: 'text', arg: 'name', field: 'unit.reportHeading.superiorName' },
      { name: 'symbol', type: 'text', arg: 'symbol', field: 'unit.reportHeading.symbol' },
      { name: 'place', type: 'text', arg: 'place', field: 'unit.reportHeading.place' },
    ],
    load: async () => (await import('./commands/init')).initCommand,
  },
  {
    name: 'status',
    summary: 'cli.summary.status',
    positionals: [],
    options: [],
    load: async () => (await import('./commands/status')).statusCommand,
  },
  {
    name: 'report',
    summary: 'cli.summary.report',
    positionals: [],
    options: [
      from,
      to,
      { name: 'format', type: 'choice', choices: ['json', 'docx', 'xlsx', 'pdf'], default: 'json' },
      { name: 'out', type: 'text', arg: 'file', summary: 'cli.option.out.report' },
    ],
    load: async () => (await import('./commands/report')).reportCommand,
  },
  {
    name: 'keys card',
    summary: 'cli.summary.keys.card',
    positionals: [],
    options: [{ name: 'out', type: 'text', arg: 'card', required: true, summary: 'cli.option.out.card' }],
    load: async () => (await import('./commands/keys')).writeCardCommand,
  },
  {
    name: 'keys trust',
    summary: 'cli.summary.keys.trust',
    positionals: [{ arg: 'card', required: true }],
    options: [{ name: 'fingerprint', type: 'text', arg: 'hex', field: 'fingerprint' }],
    load: async () => (await import('./commands/keys')).trustCommand,
  },
  {
    name: 'package export',
    summary: 'cli.summary.package.export',
    positionals: [],
    options: [
      from,
      to,
      { name: 'out', type: 'text', arg: 'reportFile', summary: 'cli.option.out.package' },
      { name: 'recipient', type: 'text', arg: 'card' },
      { name: 'no-documents', type: 'flag' },
    ],
    load: async () => (await import('./commands/package')).packageExportCommand,
  },
  {
    name: 'package verify',
    summary: 'cli.summary.package.verify',
    positionals: [{ arg: 'reportFile', required: true }],
    options: [],
    load: async () => (await import('./commands/package')).packageVerifyCommand,
  },
  {
    name: 'package import',
    summary: 'cli.summary.package.import',
    positionals: [{ arg: 'reportFile', required: true }],
    options: [],
    load: async () => (await import('./commands/package')).packageImportCommand,
  },
  {
    name: 'import',
    summary: 'cli.summary.import',
    positionals: [
      { arg: 'choice', choices: ['members', 'trips'], required: true },
      { arg: 'file', required: true },
    ],
    options: [
      { name: 'dry-run', type: 'flag' },
      { name: 'members', type: 'text', arg: 'file' },
    ],
    load: async () => (await import('./commands/import')).importCommand,
  },
  {
    name: 'members list',
    summary: 'cli.summary.members.list',
    positionals: [],
    options: [{ name: 'search', type: 'text', arg: 'text', field: 'query' }],
    load: async () => (await import('./commands/members')).membersListCommand,
  },
  {
    name: 'trips list',
    summary: 'cli.summary.trips.list',
    positionals: [],
    options: [
      { name: 'member', type: 'text', arg: 'code' },
      { name: 'state', type: 'choice', arg: 'state', choices: tripStates, field: 'state' },
    ],
    load: async () => (await import('./commands/trips')).tripsListCommand,
  },
  {
    name: 'reconcile',
    summary: 'cli.summary.reconcile',
    positionals: [{ arg: 'file', required: true }],
    options: [{ name: 'tolerance-days', type: 'integer', arg: 'number', field: 'toleranceDays' }],
    load: async () => (await import('./commands/reconcile')).reconcileCommand,
  },
  {
    name: 'annual-record',
    summary: 'cli.summary.annual-record',
    positionals: [],
    oneOf: ['member', 'cell', 'all'],
    options: [
      { name: 'year', type: 'integer', arg: 'year', required: true, field: 'year' },
      { name: 'member', type: 'text', arg: 'code', summary: 'cli.option.member.annual-record' },
      { name: 'cell', type: 'text', arg: 'cellName' },
      { name: 'all', type: 'flag' },
      { name: 'out', type: 'text', arg: 'file', required: true, summary: 'cli.option.out.annual-record' },
    ],
    load: async () => (await import('./commands/annualRecord')).annualRecordCommand,
  },
  {
    name: 'audit verify',
    summary: 'cli.summary.audit.verify',
    positionals: [],
    options: [],
    load: async () => (await import('./commands/audit')).auditCommand,
  },
  {
    name: 'backup',
    summary: 'cli.summary.backup',
    positionals: [],
    options: [{ name: 'out', type: 'text', arg: 'fileOrFolder', required: true, summary: 'cli.option.out.backup' }],
    load: async () => (await import('./commands/backup')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'cli.summary.restore',
    positionals: [{ arg: 'backupFile', required: true }],
    options: [{ name: 'check', type: 'flag' }],
    load: async () => (await import('./commands/backup')).restoreCommand,
  },
  {
    name: 'demo',
    summary: 'cli.summary.demo',
    positionals: [],
    options: [
      { name: 'scale', type: 'choice', choices: demoScaleNames, required: true },
      { name: 'seed', type: 'integer', arg: 'number', default: '86' },
    ],
    load: async () => (await import('./commands/demo')).demoCommand,
  },
  {
    name: 'users list',
    summary: 'cli.summary.users.list',
    positionals: [],
    options: [],
    load: async () => (await import('./commands/users')).usersListCommand,
  },
  {
    name: 'users add',
    summary: 'cli.summary.users.add',
    positionals: [userName],
    options: [
      { name: 'role', type: 'choice', choices: userRoles, required: true, field: 'role' },
      { name: 'full-name', type: 'text', arg: 'fullName', field: 'displayName' },
    ],
    load: async () => (await import('./commands/users')).usersAddCommand,
  },
  {
    name: 'users disable',
    summary: 'cli.summary.users.disable',
    positionals: [userName],
    options: [],
    load: async () => (await import('./commands/users')).usersDisableCommand,
  },
  {
    name: 'users enable',
    summary: 'cli.summary.users.enable',
    positionals: [userName],
    options: [],
    load: async () => (await import('./commands/users')).usersEnableCommand,
  },
  {
    name: 'users role',
    summary: 'cli.summary.users.role',
    // The role as a second argument, or as --role like `users add`.
    positionals: [userName, { arg: 'role', choices: userRoles, required: false, field: 'role' }],
    options: [{ name: 'role', type: 'choice', arg: 'role', choices: userRoles, field: 'role' }],
    load: async () => (await import('./commands/users')).usersRoleCommand,
  },
  {
    name: 'users password',
    summary: 'cli.summary.users.password',
    positionals: [userName],
    options: [],
    load: async () => (await import('./commands/users')).usersPasswordCommand,
  },
  {
    name: 'rekey',
    summary: 'cli.summary.rekey',
    positionals: [],
    options: [],
    load: async () => (await import('./commands/users')).rekeyCommand,
  },
];

/** The first words of the commands: `package` for `package export`, `verify` and `import`. */
export const commandNames: readonly string[] = [...new Set(commandTable.map((spec) => spec.name.split(' ')[0]!))];

/** The commands under one first word: the one command `status`, or the three of `package`. */
export function commandsNamed(first: string): CommandSpec[] {
  return commandTable.filter((spec) => spec.name.split(' ')[0] === first);
}
