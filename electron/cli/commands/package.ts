import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackageSummary } from '@shared/contract/exchange';
import { translate, type MessageKey } from '@shared/i18n';
import { inspectWithoutRegistry } from '../../services/domain/exchange/transfer';
import { formatFingerprint } from '../../services/formats/reportFiles';
import { readKeyCardFile, readPackageFile } from '../files';
import { parseCommand, requireOption, UsageError, type CliIo, type CommandContext } from '../io';

/** `so86 package export|verify|import`: the signed report files carried between levels. */
export async function packageCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'export') return exportFile(rest, io);
  if (action === 'verify') return verifyFile(rest, io);
  if (action === 'import') return importFile(rest, io);
  throw new UsageError('cli.badUsage', { detail: `package ${action ?? ''}`.trim() });
}

/** A file for a call, read by `read`, which checks its size before reading it. */
async function fileInput(file: string, read: (file: string) => Promise<Uint8Array>) {
  return { fileName: path.basename(file), contentBase64: Buffer.from(await read(file)).toString('base64') };
}

async function exportFile(args: string[], io: CliIo): Promise<number> {
  const { values, context } = parseCommand(args, { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, recipient: { type: 'string' }, 'no-documents': { type: 'boolean', default: false } }, io);
  const period = { from: requireOption(values, 'from'), to: requireOption(values, 'to') };
  const recipientCard = typeof values.recipient === 'string' ? await fileInput(values.recipient, readKeyCardFile) : undefined;
  const session = await context.signIn();
  try {
    const exported = await session.call('packages.export', { period, encryptToParent: false, ...(recipientCard ? { recipientCard } : {}), includeDocuments: values['no-documents'] !== true });
    const out = typeof values.out === 'string' ? values.out : exported.fileName;
    await writeFile(out, Buffer.from(exported.contentBase64, 'base64'));
    if (context.json) context.printJson({ file: path.resolve(out), packageId: exported.packageId, version: exported.version, encrypted: recipientCard !== undefined });
    else context.say('cli.package.exported', { path: path.resolve(out), version: exported.version });
    return 0;
  } finally {
    session.close();
  }
}

function describe(context: CommandContext, summary: PackageSummary) {
  if (context.json) return context.printJson(summary);
  context.say('cli.package.signer', { unit: summary.unit.name, code: summary.unit.code, fingerprint: formatFingerprint(summary.signerFingerprint) });
  context.say('cli.package.period', { from: summary.period.from, to: summary.period.to, round: summary.round ?? '—', createdAt: summary.createdAt });
  context.say(summary.signerTrusted ? 'cli.package.trusted' : 'cli.package.intactOnly');
  if (summary.report) {
    const figures = summary.report.figures;
    context.say('cli.package.figures', { permitted: figures.permitted, official: figures.official, private: figures.selfFundedOrPrivate });
  }
}

function packagePath(positionals: string[]): string {
  const file = positionals[0];
  if (!file) throw new UsageError('cli.missingOption', { option: 'FILE.so86' });
  return file;
}

/**
 * Without --db (or with no registry there), the file is only checked against itself: that reads
 * no registry and writes nothing, so it needs no account. With a registry, through the dispatcher.
 */
async function verifyFile(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, context } = parseCommand(args, {}, io);
  const file = packagePath(positionals);
  if (typeof values.db !== 'string' || !existsSync(context.databaseFile)) {
    describe(context, inspectWithoutRegistry(await readPackageFile(file)));
    return 0;
  }
  const input = await fileInput(file, readPackageFile);
  const session = await context.signIn();
  try {
    describe(context, await session.call('packages.verify', input));
    return 0;
  } finally {
    session.close();
  }
}

async function importFile(args: string[], io: CliIo): Promise<number> {
  const { positionals, context } = parseCommand(args, {}, io);
  const input = await fileInput(packagePath(positionals), readPackageFile);
  const session = await context.signIn();
  try {
    const result = await session.call('packages.import', input);
    if (context.json) context.printJson(result);
    else {
      describe(context, result.summary);
      io.err(translate(context.lang, `exchange.outcome.${result.outcome}` as MessageKey));
    }
    return 0;
  } finally {
    session.close();
  }
}
