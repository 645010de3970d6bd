import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { RuleIssue, TripFacts } from '@shared/rules/types';
import { tripHints } from '@shared/rules/tripChecks';
import type { RuleContext } from '../../data/registrySettings';
import { useT } from '../../i18n';

interface TripHintsPanelProps {
  facts: TripFacts;
  context: RuleContext | null;
  /** Contradictions among the dates that have no field of their own on screen. */
  issues?: readonly RuleIssue[];
}

/**
 * What Regulation 86 and the unit's deadlines make of the trip as it stands: the duration
 * bracket, the party-activity handling it calls for, the commitment, the border pass, the
 * application deadline and the return report's due date. Computed by the shared rules.
 */
export function TripHintsPanel({ facts, context, issues = [] }: TripHintsPanelProps) {
  const t = useT();
  if (!context) return null;
  const hints = tripHints(facts, context.settings, context.calendar, context.today);
  const lines = [
    ...issues.map((issue) => ({ level: 'warning' as const, key: issue.key, params: issue.params })),
    ...hints.messages,
  ];
  return (
    <Paper withBorder p="sm" className="hints-panel" data-testid="trip-hints">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={4} fz="sm">
            {t('hints.title')}
          </Title>
          {hints.bracket && (
            <Badge variant="light" color="blue" tt="none" data-testid="hint-bracket">
              {t(`bracket.${hints.bracket}`)}
            </Badge>
          )}
        </Group>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('hints.empty')}
          </Text>
        ) : (
          lines.map((line) => (
            <Group
              key={line.key}
              gap={8}
              wrap="nowrap"
              align="flex-start"
              data-testid={`hint-${line.level}`}
              data-hint={line.key}
            >
              <ThemeIcon size={20} variant="light" color={line.level === 'warning' ? 'orange' : 'blue'} radius="xl">
                {line.level === 'warning' ? <IconAlertTriangle size={13} /> : <IconInfoCircle size={13} />}
              </ThemeIcon>
              <Text size="sm" flex={1}>
                {t(line.key, line.params)}
              </Text>
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}
