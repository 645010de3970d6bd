import type { UnitLevel } from '@shared/domain/enums';
import { parseCommand, requireOption, type CliIo } from '../io';

/** `so86 init`: the first-run set-up through the same calls as the window's set-up screens. */
export async function initCommand(args: string[], io: CliIo): Promise<number> {
  const { values, context } = parseCommand(
    args,
    {
      'unit-code': { type: 'string' },
      'unit-name': { type: 'string' },
      level: { type: 'string' },
      'parent-code': { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
      'superior-name': { type: 'string' },
      symbol: { type: 'string' },
      place: { type: 'string' },
    },
    io,
  );
  const unit = {
    code: requireOption(values, 'unit-code'),
    name: requireOption(values, 'unit-name'),
    // The dispatcher checks the level against the contract, like every other field.
    level: requireOption(values, 'level') as UnitLevel,
    parentCode: typeof values['parent-code'] === 'string' ? values['parent-code'] : null,
    ...(values['superior-name'] || values.symbol || values.place
      ? { reportHeading: { superiorName: values['superior-name'] ?? '', symbol: values.symbol ?? '', place: values.place ?? '' } }
      : {}),
  };
  const username = requireOption(values, 'admin');
  const displayName = typeof values['admin-name'] === 'string' ? values['admin-name'] : username;
  const session = context.session();
  try {
    const password = await context.password({ confirm: true });
    // On the command line the key is printed below; printing it is the confirmation the window asks for.
    const { recoveryKey } = await session.call('setup.newRecoveryKey', {});
    await session.call('setup.create', { unit, admin: { username, displayName, password, passwordConfirm: password }, recoveryKeyConfirmed: true });
    if (context.json) {
      context.printJson({ databaseFile: context.databaseFile, unit, admin: username, recoveryKey });
    } else {
      context.say('cli.init.done', { unit: unit.name, path: context.databaseFile });
      context.say('cli.init.recovery');
      io.out(recoveryKey);
    }
    return 0;
  } finally {
    session.close();
  }
}
