import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCalendarOff, IconTrash } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import type { RegistrySettings } from '@shared/contract/registry';
import type { Lang } from '@shared/i18n';
import { civilDateInVietnam, civilParts, yearOf, type CivilDate } from '@shared/rules/dates';
import { createHolidayCalendar, type Holiday } from '@shared/rules/holidays';
import type { HolidayOverride, HolidayOverrideKind } from '@shared/rules/settings';
import { useSession } from '../../state/sessionStore';
import { DateField, dateOf, dateText } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { useAction } from '../../components/useAction';
import { useRegistrySettings } from '../../data/registrySettings';
import { useT } from '../../i18n';

const kindColours: Record<Holiday['kind'], string> = { statutory: 'red', compensatory: 'orange', added: 'grape' };
const overrideKinds: readonly HolidayOverrideKind[] = ['add', 'working_day', 'remove'];

function weekdayName(date: CivilDate, lang: Lang): string {
  const { year, month, day } = civilParts(date);
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/**
 * The days off of a year as the deadlines count them: the Labour Code's holidays (Tết and the
 * Hùng Kings' day from the lunar calendar), compensatory days, and the office's own changes.
 */
export function HolidayCalendarCard({ settings, editable }: { settings: RegistrySettings; editable: boolean }) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const saveSettings = useRegistrySettings((state) => state.save);
  const thisYear = yearOf(civilDateInVietnam(new Date()));
  const [year, setYear] = useState(thisYear);
  const overrides = settings.deadlines.holidayOverrides;
  const holidays = useMemo(() => createHolidayCalendar(overrides).holidaysOfYear(year), [overrides, year]);
  const yearOverrides = overrides.filter((override) => yearOf(override.date) === year);
  const save = useAction();

  const saveOverrides = (next: HolidayOverride[]) =>
    save.run(() => saveSettings({ ...settings, deadlines: { ...settings.deadlines, holidayOverrides: next } }));

  return (
    <Card withBorder data-testid="holiday-calendar">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('settingsPage.holidays')}</Title>
          <Select
            w={120}
            aria-label={t('settingsPage.year')}
            data={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String)}
            value={String(year)}
            onChange={(value) => value && setYear(Number(value))}
            allowDeselect={false}
            data-testid="holiday-year"
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('settingsPage.holidays.explain')}
        </Text>
        <Table verticalSpacing={3} fz="sm" striped data-testid="holiday-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('settingsPage.holidayDate')}</Table.Th>
              <Table.Th w={110}>{t('settingsPage.weekday')}</Table.Th>
              <Table.Th>{t('settingsPage.holidayName')}</Table.Th>
              <Table.Th w={300}>{t('settingsPage.holidayKind')}</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holidays.map((holiday) => (
              <Table.Tr key={holiday.date}>
                <Table.Td>{dateText(holiday.date)}</Table.Td>
                <Table.Td>{weekdayName(holiday.date, lang)}</Table.Td>
                <Table.Td>{t(holiday.label.key, holiday.label.params)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={kindColours[holiday.kind]} tt="none">
                    {t(`holidayKind.${holiday.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {editable && holiday.kind !== 'added' && (
                    <Tooltip label={t('holidayOverride.remove')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('holidayOverride.remove')}
                        onClick={() => void saveOverrides([...overrides, { kind: 'remove', date: holiday.date }])}
                      >
                        <IconCalendarOff size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={5}>{t('settings.holidayOverrides.label')}</Title>
        {yearOverrides.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('settingsPage.noOverrides', { year })}
          </Text>
        ) : (
          <Table verticalSpacing={3} fz="sm" data-testid="override-table">
            <Table.Tbody>
              {yearOverrides.map((override) => (
                <Table.Tr key={`${override.kind}-${override.date}`}>
                  <Table.Td w={110}>{dateText(override.date)}</Table.Td>
                  <Table.Td w={210}>{t(`holidayOverride.${override.kind}`)}</Table.Td>
                  <Table.Td>{override.kind === 'add' ? override.name : override.note}</Table.Td>
                  <Table.Td w={50}>
                    {editable && (
                      <Tooltip label={t('settingsPage.undoOverride')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('settingsPage.undoOverride')}
                          onClick={() => void saveOverrides(overrides.filter((other) => other !== override))}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && <OverrideForm onAdd={(override) => saveOverrides([...overrides, override])} busy={save.busy} />}
        <FailureAlert error={save.error} />
      </Stack>
    </Card>
  );
}

function OverrideForm({ onAdd, busy }: { onAdd(override: HolidayOverride): Promise<unknown>; busy: boolean }) {
  const t = useT();
  const [kind, setKind] = useState<HolidayOverrideKind>('add');
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [dateError, setDateError] = useState<string | undefined>();
  const [textError, setTextError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const day = dateOf(date);
    const note = text.trim();
    setDateError(day ? undefined : t('reason.dateInvalid'));
    setTextError(kind === 'add' && note === '' ? t('settingsPage.holidayNameRequired') : undefined);
    if (!day || (kind === 'add' && note === '')) return;
    const override: HolidayOverride =
      kind === 'add' ? { kind, date: day, name: note } : { kind, date: day, ...(note ? { note } : {}) };
    if ((await onAdd(override)) !== undefined) {
      setDate('');
      setText('');
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="override-form">
      <Stack gap="xs">
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(value) => setKind(overrideKinds.find((candidate) => candidate === value) ?? 'add')}
          data={overrideKinds.map((value) => ({ value, label: t(`holidayOverride.${value}`) }))}
        />
        <SimpleGrid cols={3} spacing="xs">
          <DateField
            aria-label={t('settingsPage.holidayDate')}
            value={date}
            onChange={setDate}
            error={dateError}
            data-testid="override-date"
          />
          <TextInput
            aria-label={kind === 'add' ? t('settingsPage.holidayName') : t('settingsPage.overrideNote')}
            placeholder={kind === 'add' ? t('settingsPage.holidayName') : t('settingsPage.overrideNote')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={textError}
            data-testid="override-text"
          />
          <Button type="submit" variant="light" loading={busy} data-testid="override-add">
            {t('settingsPage.addOverride')}
          </Button>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t(`settingsPage.overrideHint.${kind}`)}
        </Text>
      </Stack>
    </form>
  );
}
