import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconHistory } from '@tabler/icons-react';
import type { FlagEntry } from '@shared/contract/registry';
import type { ComplianceFlag, DurationBracket, TripState } from '@shared/domain/enums';
import type { MessageKey } from '@shared/i18n';
import { dateText } from './DateField';
import { useT } from '../i18n';

const stateColours: Record<TripState, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  rejected: 'dark',
  cancelled: 'dark',
  departed: 'indigo',
  extended: 'violet',
  unauthorised_stay: 'red',
  returned: 'cyan',
  reported: 'green',
  closed: 'green',
};

export function TripStateBadge({ state }: { state: TripState }) {
  const t = useT();
  return (
    <Badge
      color={stateColours[state]}
      variant={state === 'closed' ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      data-testid="trip-state"
    >
      {t(`tripState.${state}`)}
    </Badge>
  );
}

export function BracketLabel({ bracket }: { bracket: DurationBracket | null }) {
  const t = useT();
  return <>{bracket ? t(`bracket.${bracket}`) : '—'}</>;
}

/** A warning mark per flag, named in full on hover, for dense lists. */
export function FlagMarks({ flags }: { flags: readonly ComplianceFlag[] }) {
  const t = useT();
  if (flags.length === 0) return null;
  return (
    <Tooltip label={flags.map((flag) => t(`flag.${flag}`)).join(' · ')} multiline maw={360} withArrow>
      <Badge color="orange" variant="light" radius="sm" leftSection={<IconAlertTriangle size={12} />} tt="none">
        {flags.length}
      </Badge>
    </Tooltip>
  );
}

/**
 * A list row's flags: an orange mark counting what still needs action, a grey one for violations
 * kept for the record; hovering or focusing it names each rule, since when, and what to do.
 */
export function FlagSummary({ flags }: { flags: readonly FlagEntry[] }) {
  const t = useT();
  if (flags.length === 0) return null;
  const open = flags.filter((flag) => flag.open).length;
  const label = (
    <Stack gap={6} data-testid="flag-tooltip">
      {flags.map((flag) => (
        <div key={flag.flag}>
          <Text size="xs" fw={700}>
            {flag.open ? '⚠ ' : ''}
            {t(`flag.${flag.flag}`)}
            {flag.since && ` — ${t('flags.since', { date: dateText(flag.since) })}`}
          </Text>
          <Text size="xs">{t(flag.advice as MessageKey)}</Text>
        </div>
      ))}
    </Stack>
  );
  return (
    <Tooltip label={label} multiline maw={380} withArrow events={{ hover: true, focus: true, touch: true }}>
      {open > 0 ? (
        <Badge
          color="orange"
          variant="light"
          radius="sm"
          leftSection={<IconAlertTriangle size={12} />}
          tt="none"
          tabIndex={0}
          aria-label={t('flags.openCount', { count: open })}
          data-testid="flag-summary"
        >
          {open}
        </Badge>
      ) : (
        <Badge
          color="gray"
          variant="light"
          radius="sm"
          leftSection={<IconHistory size={12} />}
          tt="none"
          tabIndex={0}
          aria-label={t('flags.recordCount', { count: flags.length })}
          data-testid="flag-summary"
        >
          {flags.length}
        </Badge>
      )}
    </Tooltip>
  );
}

/** The flags named in full, for a record's own page. */
export function FlagBadges({ flags }: { flags: readonly ComplianceFlag[] }) {
  const t = useT();
  return (
    <Group gap={4}>
      {flags.map((flag) => (
        <Badge key={flag} color="orange" variant="light" radius="sm" tt="none" leftSection={<IconAlertTriangle size={12} />}>
          {t(`flag.${flag}`)}
        </Badge>
      ))}
    </Group>
  );
}
