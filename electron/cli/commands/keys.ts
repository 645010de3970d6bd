import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandInput } from '../commandInput';
import { readKeyCardFile } from '../files';
import type { CommandContext } from '../io';

/** `so86 keys card`: writes this unit's public key card and says its fingerprint. */
export async function writeCardCommand({ options }: CommandInput, context: CommandContext): Promise<number> {
  const out = options.out as string;
  const session = await context.signIn();
  try {
    const own = await session.call('keys.ownCard', {});
    const { unit } = await session.call('app.status', {});
    await writeFile(out, Buffer.from(own.contentBase64, 'base64'));
    const summary = {
      file: path.resolve(out),
      unitCode: own.unitCode,
      unitName: unit?.name,
      level: unit?.level,
      fingerprint: own.fingerprint,
    };
    if (context.json) context.printJson(summary);
    else context.say('cli.keys.card', { path: summary.file, fingerprint: summary.fingerprint });
    return 0;
  } finally {
    session.close();
  }
}

/** `so86 keys trust CARD`: trusts another unit's card after its fingerprint is confirmed. */
export async function trustCommand({ options, positionals }: CommandInput, context: CommandContext): Promise<number> {
  const file = positionals[0]!;
  const contentBase64 = Buffer.from(await readKeyCardFile(file)).toString('base64');
  const session = await context.signIn();
  try {
    const record = await session.call('keys.trust', {
      fileName: path.basename(file),
      contentBase64,
      fingerprint: typeof options.fingerprint === 'string' ? options.fingerprint : null,
    });
    const summary = {
      unitCode: record.unitCode,
      unitName: record.unitName,
      level: record.level,
      relation: record.relation,
      fingerprint: record.fingerprint,
    };
    if (context.json) context.printJson(summary);
    else context.say('cli.keys.trusted', { unit: record.unitName, code: record.unitCode, fingerprint: summary.fingerprint });
    return 0;
  } finally {
    session.close();
  }
}
