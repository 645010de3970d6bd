import type { UnitLevel } from '@shared/domain/enums';
import type { CommandInput } from '../commandInput';
import type { CommandContext } from '../io';

/** `so86 init`: the first-run set-up through the same calls as the window's set-up screens. */
export async function initCommand({ options }: CommandInput, context: CommandContext): Promise<number> {
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const heading = { superiorName: text('superior-name'), symbol: text('symbol'), place: text('place') };
  const unit = {
    code: text('unit-code')!,
    name: text('unit-name')!,
    level: options.level as UnitLevel,
    parentCode: text('parent-code') ?? null,
    ...(heading.superiorName || heading.symbol || heading.place
      ? { reportHeading: { superiorName: heading.superiorName ?? '', symbol: heading.symbol ?? '', place: heading.place ?? '' } }
      : {}),
  };
  const username = text('admin')!;
  const displayName = text('admin-name') ?? username;
  const session = context.session();
  try {
    const password = await context.password({ confirm: true });
    // On the command line the key is printed below; printing it is the confirmation the window asks for.
    const { recoveryKey } = await session.call('setup.newRecoveryKey', {});
    await session.call('setup.create', {
      unit,
      admin: { username, displayName, password, passwordConfirm: password },
      recoveryKeyConfirmed: true,
    });
    if (context.json) {
      context.printJson({ databaseFile: context.databaseFile, unit, admin: username, recoveryKey });
    } else {
      context.say('cli.init.done', { unit: unit.name, path: context.databaseFile });
      context.say('cli.init.recovery');
      context.io.out(recoveryKey);
    }
    return 0;
  } finally {
    session.close();
  }
}
