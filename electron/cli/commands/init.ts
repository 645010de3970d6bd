import { UnitInput } from '../../../shared/contract/foundation';
import { Password, Username } from '../../../shared/domain/primitives';
import { Registry } from '../../services/registry/registry';
import { parseCommand, requireOption, type CliIo } from '../io';

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
  const unit = UnitInput.parse({
    code: requireOption(values, 'unit-code'),
    name: requireOption(values, 'unit-name'),
    level: requireOption(values, 'level'),
    parentCode: values['parent-code'] ?? null,
    ...(values['superior-name'] || values.symbol || values.place
      ? { reportHeading: { superiorName: values['superior-name'] ?? '', symbol: values.symbol ?? '', place: values.place ?? '' } }
      : {}),
  });
  const username = Username.parse(requireOption(values, 'admin'));
  const password = Password.parse(await context.password({ confirm: true }));
  const displayName = typeof values['admin-name'] === 'string' ? values['admin-name'] : username;
  const { registry, recoveryKey } = await Registry.create(context.databaseFile, { unit, admin: { username, displayName, password } });
  registry.close();
  if (context.json) {
    context.printJson({ databaseFile: context.databaseFile, unit, admin: username, recoveryKey });
  } else {
    context.say('cli.init.done', { unit: unit.name, path: context.databaseFile });
    context.say('cli.init.recovery');
    io.out(recoveryKey);
  }
  return 0;
}
