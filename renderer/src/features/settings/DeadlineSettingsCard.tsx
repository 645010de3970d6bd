import { Card, NumberInput, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { RegistrySettings } from '@shared/contract/registry';
import { FailureAlert } from '../../components/FailureAlert';
import { useAction } from '../../components/useAction';
import { useRegistrySettings } from '../../data/registrySettings';
import { useT } from '../../i18n';
import { SettingsSaveRow } from './SettingsSaveRow';
import { useUnsavedCard } from './unsavedCards';

/** An emptied field is sent as no number at all, so that the schema names the allowed range at the field. */
export const asNumber = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);

/** The unit's deadlines: provinces set their own, so both numbers are the office's to choose. */
export function DeadlineSettingsCard({ settings, editable }: { settings: RegistrySettings; editable: boolean }) {
  const t = useT();
  const saveSettings = useRegistrySettings((state) => state.save);
  const [reportDays, setReportDays] = useState<string | number>(settings.deadlines.returnReportWorkingDays);
  const [applicationDays, setApplicationDays] = useState<string | number>(settings.deadlines.applicationDaysBeforeDeparture);
  const save = useAction();
  useUnsavedCard(
    'deadlines',
    String(reportDays) !== String(settings.deadlines.returnReportWorkingDays) ||
      String(applicationDays) !== String(settings.deadlines.applicationDaysBeforeDeparture),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() =>
      saveSettings({
        ...settings,
        deadlines: {
          ...settings.deadlines,
          returnReportWorkingDays: asNumber(reportDays),
          applicationDaysBeforeDeparture: asNumber(applicationDays),
        },
      }),
    );
    if (saved) notifications.show({ color: 'green', message: t('settingsPage.saved') });
  };

  return (
    <Card
      withBorder
      component="form"
      onSubmit={(event: FormEvent) => void submit(event)}
      noValidate
      data-testid="deadline-settings"
    >
      <Stack gap="sm">
        <Title order={4}>{t('settingsPage.deadlines')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <NumberInput
            label={t('settings.returnReportWorkingDays.label')}
            value={reportDays}
            onChange={setReportDays}
            allowDecimal={false}
            classNames={{ label: 'two-line-label' }}
            min={1}
            max={60}
            disabled={!editable}
            error={save.errors['deadlines.returnReportWorkingDays']}
            data-testid="setting-report-days"
          />
          <NumberInput
            label={t('settings.applicationDaysBeforeDeparture.label')}
            description={t('settings.applicationDaysBeforeDeparture.help')}
            value={applicationDays}
            onChange={setApplicationDays}
            allowDecimal={false}
            classNames={{ label: 'two-line-label' }}
            min={0}
            max={90}
            disabled={!editable}
            error={save.errors['deadlines.applicationDaysBeforeDeparture']}
            data-testid="setting-application-days"
          />
        </SimpleGrid>
        <FailureAlert
          error={save.error}
          shownFields={['deadlines.returnReportWorkingDays', 'deadlines.applicationDaysBeforeDeparture']}
        />
        <SettingsSaveRow editable={editable} busy={save.busy} testId="deadline-save" />
      </Stack>
    </Card>
  );
}
