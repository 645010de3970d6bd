import { Card, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { RegistrySettings } from '@shared/contract/registry';
import { FailureAlert } from '../../components/FailureAlert';
import { ReportHeadingFields } from '../../components/ReportHeadingFields';
import { useAction } from '../../components/useAction';
import { useRegistrySettings } from '../../data/registrySettings';
import { useT } from '../../i18n';
import { SettingsSaveRow } from './SettingsSaveRow';
import { useUnsavedCard } from './unsavedCards';

/** The superior organisation's line, the unit's symbol and the date-line place that head every report. */
export function ReportHeadingCard({ settings, editable }: { settings: RegistrySettings; editable: boolean }) {
  const t = useT();
  const saveSettings = useRegistrySettings((state) => state.save);
  const [heading, setHeading] = useState(settings.reportHeading);
  const save = useAction();
  useUnsavedCard('reportHeading', JSON.stringify(heading) !== JSON.stringify(settings.reportHeading));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() => saveSettings({ ...settings, reportHeading: heading }));
    if (saved) notifications.show({ color: 'green', message: t('settingsPage.saved') });
  };

  return (
    <Card
      withBorder
      component="form"
      onSubmit={(event: FormEvent) => void submit(event)}
      noValidate
      data-testid="report-heading-settings"
    >
      <Stack gap="sm">
        <Title order={4}>{t('settingsPage.reportHeading')}</Title>
        <Text size="sm" c="dimmed">
          {t('settingsPage.reportHeading.help')}
        </Text>
        <ReportHeadingFields
          value={heading}
          onChange={setHeading}
          errors={save.errors}
          disabled={!editable}
          errorPrefix="reportHeading"
        />
        <FailureAlert
          error={save.error}
          shownFields={['reportHeading.superiorName', 'reportHeading.symbol', 'reportHeading.place']}
        />
        <SettingsSaveRow editable={editable} busy={save.busy} testId="report-heading-save" />
      </Stack>
    </Card>
  );
}
