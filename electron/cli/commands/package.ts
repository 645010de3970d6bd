import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Period } from '../../../shared/contract/dashboard';
import type { PackageSummary } from '../../../shared/contract/exchange';
import { translate, type MessageKey } from '../../../shared/i18n';
import { exportReportPackage, importPackageFile, inspectWithoutRegistry, verifyPackageSummary } from '../../services/exchange/transfer';
import { formatFingerprint, parseKeyCard } from '../../services/packages';
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

async function exportFile(args: string[], io: CliIo): Promise<number> {
  const { values, context } = parseCommand(args, { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, recipient: { type: 'string' }, 'no-documents': { type: 'boolean', default: false } }, io);
  const period = Period.parse({ from: requireOption(values, 'from'), to: requireOption(values, 'to') });
  const recipient = typeof values.recipient === 'string' ? parseKeyCard(await readKeyCardFile(values.recipient)) : null;
  const registry = await context.unlock();
  try {
    const exported = await exportReportPackage(registry, { period, recipient, includeDocuments: values['no-documents'] !== true });
    const out = typeof values.out === 'string' ? values.out : exported.fileName;
    await writeFile(out, exported.content);
    if (context.json) context.printJson({ file: path.resolve(out), packageId: exported.packageId, version: exported.version, encrypted: recipient !== null });
    else context.say('cli.package.exported', { path: path.resolve(out), version: exported.version });
    return 0;
  } finally {
    registry.close();
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

async function readPackage(positionals: string[]): Promise<Uint8Array> {
  const file = positionals[0];
  if (!file) throw new UsageError('cli.missingOption', { option: 'FILE.so86' });
  return readPackageFile(file);
}

async function verifyFile(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, context } = parseCommand(args, {}, io);
  const bytes = await readPackage(positionals);
  if (typeof values.db !== 'string' || !existsSync(context.databaseFile)) {
    describe(context, inspectWithoutRegistry(bytes));
    return 0;
  }
  const registry = await context.unlock();
  try {
    describe(context, verifyPackageSummary(registry, bytes));
    return 0;
  } finally {
    registry.close();
  }
}

async function importFile(args: string[], io: CliIo): Promise<number> {
  const { positionals, context } = parseCommand(args, {}, io);
  const bytes = await readPackage(positionals);
  const registry = await context.unlock();
  try {
    const result = importPackageFile(registry, bytes);
    if (context.json) context.printJson(result);
    else {
      describe(context, result.summary);
      io.err(translate(context.lang, `exchange.outcome.${result.outcome}` as MessageKey));
    }
    return 0;
  } finally {
    registry.close();
  }
}
