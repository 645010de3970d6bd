import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readKeyCardFile } from '../files';
import { parseCommand, requireOption, UsageError, type CliIo } from '../io';

/** `so86 keys card` writes this unit's public key card; `so86 keys trust` trusts another unit's after its fingerprint is confirmed. */
export async function keysCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'card') return writeCard(rest, io);
  if (action === 'trust') return trust(rest, io);
  throw new UsageError('cli.badUsage', { detail: `keys ${action ?? ''}`.trim() });
}

async function writeCard(args: string[], io: CliIo): Promise<number> {
  const { values, context } = parseCommand(args, { out: { type: 'string' } }, io);
  const out = requireOption(values, 'out');
  const session = await context.signIn();
  try {
    const own = await session.call('keys.ownCard', {});
    const { unit } = await session.call('app.status', {});
    await writeFile(out, Buffer.from(own.contentBase64, 'base64'));
    const summary = { file: path.resolve(out), unitCode: own.unitCode, unitName: unit?.name, level: unit?.level, fingerprint: own.fingerprint };
    if (context.json) context.printJson(summary);
    else context.say('cli.keys.card', { path: summary.file, fingerprint: summary.fingerprint });
    return 0;
  } finally {
    session.close();
  }
}

async function trust(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, context } = parseCommand(args, { fingerprint: { type: 'string' } }, io);
  const file = positionals[0];
  if (!file) throw new UsageError('cli.missingOption', { option: 'CARD' });
  const contentBase64 = Buffer.from(await readKeyCardFile(file)).toString('base64');
  const session = await context.signIn();
  try {
    const record = await session.call('keys.trust', { fileName: path.basename(file), contentBase64, fingerprint: typeof values.fingerprint === 'string' ? values.fingerprint : null });
    const summary = { unitCode: record.unitCode, unitName: record.unitName, level: record.level, relation: record.relation, fingerprint: record.fingerprint };
    if (context.json) context.printJson(summary);
    else context.say('cli.keys.trusted', { unit: record.unitName, code: record.unitCode, fingerprint: summary.fingerprint });
    return 0;
  } finally {
    session.close();
  }
}
