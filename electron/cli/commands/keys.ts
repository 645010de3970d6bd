import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { currentCard } from '../../services/exchange/identity';
import { trustCard } from '../../services/exchange/trust';
import { formatFingerprint } from '../../services/packages';
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
  const registry = await context.unlock();
  try {
    const own = currentCard(registry.db);
    await writeFile(out, own.cardBytes);
    const summary = { file: path.resolve(out), unitCode: own.card.unit.code, unitName: own.card.unit.name, level: own.card.unit.level, fingerprint: formatFingerprint(own.card.fingerprint) };
    if (context.json) context.printJson(summary);
    else context.say('cli.keys.card', { path: summary.file, fingerprint: summary.fingerprint });
    return 0;
  } finally {
    registry.close();
  }
}

async function trust(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, context } = parseCommand(args, { fingerprint: { type: 'string' } }, io);
  const file = positionals[0];
  if (!file) throw new UsageError('cli.missingOption', { option: 'CARD' });
  const bytes = await readKeyCardFile(file);
  const registry = await context.unlock();
  try {
    const record = trustCard(registry, bytes, typeof values.fingerprint === 'string' ? values.fingerprint : null);
    const summary = { unitCode: record.unitCode, unitName: record.unitName, level: record.level, relation: record.relation, fingerprint: formatFingerprint(record.fingerprint) };
    if (context.json) context.printJson(summary);
    else context.say('cli.keys.trusted', { unit: record.unitName, code: record.unitCode, fingerprint: summary.fingerprint });
    return 0;
  } finally {
    registry.close();
  }
}
