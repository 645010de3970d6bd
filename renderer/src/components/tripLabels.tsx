import { Badge, Group, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ComplianceFlag, DurationBracket, TripState } from '../../../shared/domain/enums';
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
    <Badge color={stateColours[state]} variant={state === 'closed' ? 'filled' : 'light'} radius="sm" tt="none" data-testid="trip-state">
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
