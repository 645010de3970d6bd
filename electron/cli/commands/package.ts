import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackageSummary } from '@shared/contract/exchange';
import type { MessageKey } from '@shared/i18n';
import { inspectWithoutRegistry } from '../../services/domain/exchange/transfer';
import { formatFingerprint } from '../../services/formats/reportFiles';
import { readKeyCardFile, readPackageFile } from '../files';
import type { CommandInput } from '../commandInput';
import type { CommandContext } from '../io';

/** A file for a call, read by `read`, which checks its size before reading it. */
async function fileInput(file: string, read: (file: string) => Promise<Uint8Array>) {
  return { fileName: path.basename(file), contentBase64: Buffer.from(await read(file)).toString('base64') };
}

/** `so86 package export`: the report of a period as a signed file, encrypted to the recipient's card when one is named. */
export async function packageExportCommand({ options }: CommandInput, context: CommandContext): Promise<number> {
  const period = { from: options.from as string, to: options.to as string };
  const recipientCard = typeof options.recipient === 'string' ? await fileInput(options.recipient, readKeyCardFile) : undefined;
  const session = await context.signIn();
  try {
    const exported = await session.call('packages.export', {
      period,
      encryptToParent: false,
      ...(recipientCard ? { recipientCard } : {}),
      includeDocuments: options['no-documents'] !== true,
    });
    const out = typeof options.out === 'string' ? options.out : exported.fileName;
    await writeFile(out, Buffer.from(exported.contentBase64, 'base64'));
    if (context.json)
      context.printJson({
        file: path.resolve(out),
        packageId: exported.packageId,
        version: exported.version,
        encrypted: recipientCard !== undefined,
      });
    else context.say('cli.package.exported', { path: path.resolve(out), version: exported.version });
    return 0;
  } finally {
    session.close();
  }
}

function describe(context: CommandContext, summary: PackageSummary) {
  if (context.json) return context.printJson(summary);
  context.print('cli.package.signer', {
    unit: summary.unit.name,
    code: summary.unit.code,
    fingerprint: formatFingerprint(summary.signerFingerprint),
  });
  context.print('cli.package.period', {
    from: summary.period.from,
    to: summary.period.to,
    round: summary.round ?? '—',
    createdAt: summary.createdAt,
  });
  context.print(summary.signerTrusted ? 'cli.package.trusted' : 'cli.package.intactOnly');
  if (summary.report) {
    const figures = summary.report.figures;
    context.print('cli.package.figures', {
      permitted: figures.permitted,
      official: figures.official,
      private: figures.selfFundedOrPrivate,
    });
  }
}

/**
 * Without --db (or with no registry there), the file is only checked against itself: that reads
 * no registry and writes nothing, so it needs no account. With a registry, through the dispatcher.
 */
export async function packageVerifyCommand({ positionals }: CommandInput, context: CommandContext): Promise<number> {
  const file = positionals[0]!;
  if (!context.databaseNamed || !existsSync(context.databaseFile)) {
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

/** `so86 package import`: a unit's signed report file into this registry, as the upper level receives it. */
export async function packageImportCommand({ positionals }: CommandInput, context: CommandContext): Promise<number> {
  const input = await fileInput(positionals[0]!, readPackageFile);
  const session = await context.signIn();
  try {
    const result = await session.call('packages.import', input);
    if (context.json) context.printJson(result);
    else {
      describe(context, result.summary);
      context.print(`exchange.outcome.${result.outcome}` as MessageKey);
    }
    return 0;
  } finally {
    session.close();
  }
}
