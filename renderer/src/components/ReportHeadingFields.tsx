import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ReportHeadingSettings } from '@shared/report/issuer';
import { useT } from '../i18n';

/** The three report-heading fields, as set at first run and in Settings: the superior line, the symbol, the date-line place. */
export function ReportHeadingFields({
  value,
  onChange,
  errors,
  disabled = false,
  errorPrefix,
  narrow = false,
}: {
  value: ReportHeadingSettings;
  onChange(next: ReportHeadingSettings): void;
  errors: Record<string, string | undefined>;
  disabled?: boolean;
  /** Where the form's errors name these fields: `reportHeading` in Settings, `unit.reportHeading` at first run. */
  errorPrefix: string;
  /** In a narrow form the superior organisation's long name takes a line of its own. */
  narrow?: boolean;
}) {
  const t = useT();
  const field = (key: keyof ReportHeadingSettings) => ({
    value: value[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: event.currentTarget.value }),
    disabled,
    error: errors[`${errorPrefix}.${key}`],
  });
  const superior = (
    <TextInput
      label={t('settingsPage.reportHeading.superiorName')}
      placeholder="Đảng bộ tỉnh An Giang"
      {...field('superiorName')}
      data-testid="setting-superior-name"
    />
  );
  const symbolAndPlace = (
    <>
      <TextInput
        label={t('settingsPage.reportHeading.symbol')}
        placeholder="ĐU, TU, BTCTW"
        {...field('symbol')}
        data-testid="setting-symbol"
      />
      <TextInput
        label={t('settingsPage.reportHeading.place')}
        placeholder="Vĩnh Trạch"
        {...field('place')}
        data-testid="setting-place"
      />
    </>
  );
  if (narrow) {
    return (
      <Stack gap="sm">
        {superior}
        <SimpleGrid cols={2} spacing="md">
          {symbolAndPlace}
        </SimpleGrid>
      </Stack>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      {superior}
      {symbolAndPlace}
    </SimpleGrid>
  );
}
