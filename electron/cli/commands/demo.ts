import { z } from 'zod';
import { Password } from '@shared/domain/primitives';
import { translate, type MessageKey } from '@shared/i18n';
import {
  communeDemo,
  demoAdministrator,
  nationalDemo,
  provinceDemo,
  type DemoPhase,
  type ProvinceDemoResult,
  type UnitDemoResult,
} from '../../services/application/demo/scenarios';
import { defaultDatabaseFile } from '../../services/storage/paths';
import type { CommandInput } from '../commandInput';
import { UsageError } from '../errors';
import type { CommandContext } from '../io';

/** One line per step of a long demonstration, and about every tenth of the way through it. */
function progressPrinter(context: CommandContext) {
  let lastShown = '';
  return (phase: DemoPhase, done: number, total: number) => {
    const tenth = total > 0 ? Math.floor((10 * done) / total) : 10;
    const shown = `${phase}:${tenth}`;
    if (context.json || shown === lastShown) return;
    lastShown = shown;
    context.say('cli.demo.progress', { phase: translate(context.lang, `cli.demo.phase.${phase}` as MessageKey), done, total });
  };
}

/**
 * `so86 demo [--db F] --scale commune|province|national [--seed N]`: fills a registry with
 * realistic made-up data: by default the training registry (for `national`, `--db` names a folder). The password of the demo
 * registries' administrator comes from SO86_PASSWORD or the prompt, like every password.
 */
export async function demoCommand({ options: given }: CommandInput, context: CommandContext): Promise<number> {
  const scale = given.scale as string;
  const io = context.io;
  if (scale === 'national' && !context.databaseNamed) throw new UsageError('cli.missingOption', { option: 'db' }, 'demo');
  // Without --db, a commune or province fills the training registry the application opens in training mode.
  const target = context.databaseNamed ? context.databaseFile : defaultDatabaseFile({ training: true, env: io.env });
  const options = {
    seed: given.seed as number,
    password: z.object({ password: Password }).parse({ password: await context.password() }).password,
    onProgress: progressPrinter(context),
  };

  if (scale === 'national') {
    const result = await nationalDemo(target, options);
    if (context.json) context.printJson({ scale, seed: options.seed, ...result });
    else {
      context.say('cli.demo.national.done', {
        folder: result.folder,
        communes: result.communePackages,
        provinces: result.provinces,
        centre: 'Ban Tổ chức Trung ương',
        keys: result.recoveryKeysFile,
      });
      context.say('cli.demo.password', { user: demoAdministrator.username });
    }
    return 0;
  }

  const result = scale === 'commune' ? await communeDemo(target, options) : await provinceDemo(target, options);
  if (context.json) {
    context.printJson({ scale, seed: options.seed, ...result });
    return 0;
  }
  const { counts } = result;
  context.say('cli.demo.unit.done', {
    unit: result.unit.name,
    path: result.databaseFile,
    members: counts.members,
    cells: counts.cells,
    trips: counts.trips,
    events: counts.activityEvents,
    documents: counts.issuedDocuments,
  });
  if (isProvince(result)) {
    context.say('cli.demo.province.done', {
      imported: result.imported,
      communes: result.communes,
      submitted: result.submitted,
      late: result.late,
      missing: result.missing,
      folder: result.communesFolder,
    });
  }
  if (result.recoveryKey) {
    context.say('cli.demo.password', { user: demoAdministrator.username });
    context.say('cli.init.recovery');
    io.out(result.recoveryKey);
  }
  return 0;
}

function isProvince(result: UnitDemoResult): result is ProvinceDemoResult {
  return 'communesFolder' in result;
}
