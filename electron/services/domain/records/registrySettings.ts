import type { RegistrySettings } from '@shared/contract/registry';
import type { Registry } from '../../storage/registry/registry';
import { deadlineSetting, idleMinutesSetting, readSetting, reportHeadingSetting, writeSetting } from '../../storage/settings';

export function readRegistrySettings(registry: Registry): RegistrySettings {
  return {
    deadlines: readSetting(registry.db, deadlineSetting),
    idleMinutes: readSetting(registry.db, idleMinutesSetting),
    reportHeading: readSetting(registry.db, reportHeadingSetting),
  };
}

export function saveRegistrySettings(registry: Registry, input: RegistrySettings): RegistrySettings {
  registry.write((db) => {
    writeSetting(db, registry.actor, deadlineSetting, input.deadlines);
    writeSetting(db, registry.actor, idleMinutesSetting, input.idleMinutes);
    writeSetting(db, registry.actor, reportHeadingSetting, input.reportHeading);
  });
  return readRegistrySettings(registry);
}
