import { Card, NumberInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { RegistrySettings } from '@shared/contract/registry';
import { FailureAlert } from '../../components/FailureAlert';
import { useAction } from '../../components/useAction';
import { useRegistrySettings } from '../../data/registrySettings';
import { useT } from '../../i18n';
import { asNumber } from './DeadlineSettingsCard';
import { SettingsSaveRow } from './SettingsSaveRow';
import { useUnsavedCard } from './unsavedCards';

/** How long the registry stays open with nobody at the keyboard. */
export function AutoLockCard({ settings, editable }: { settings: RegistrySettings; editable: boolean }) {
  const t = useT();
  const saveSettings = useRegistrySettings((state) => state.save);
  const [idleMinutes, setIdleMinutes] = useState<string | number>(settings.idleMinutes);
  const save = useAction();
  useUnsavedCard('autoLock', String(idleMinutes) !== String(settings.idleMinutes));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() => saveSettings({ ...settings, idleMinutes: asNumber(idleMinutes) }));
    if (saved) notifications.show({ color: 'green', message: t('settingsPage.saved') });
  };

  return (
    <Card
      withBorder
      component="form"
      onSubmit={(event: FormEvent) => void submit(event)}
      noValidate
      data-testid="auto-lock-settings"
    >
      <Stack gap="sm">
        <Title order={4}>{t('settingsPage.autoLock')}</Title>
        <NumberInput
          label={t('settingsPage.idleMinutes')}
          description={t('settingsPage.idleMinutes.help')}
          value={idleMinutes}
          onChange={setIdleMinutes}
          allowDecimal={false}
          min={1}
          max={240}
          maw={360}
          disabled={!editable}
          error={save.errors.idleMinutes}
          data-testid="setting-idle-minutes"
        />
        <FailureAlert error={save.error} shownFields={['idleMinutes']} />
        <SettingsSaveRow editable={editable} busy={save.busy} testId="auto-lock-save" />
      </Stack>
    </Card>
  );
}
