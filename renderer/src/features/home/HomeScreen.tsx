import { Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { MessageKey } from '@shared/i18n';
import { call } from '../../api/client';
import { useSession } from '../../state/sessionStore';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { Dashboard } from './Dashboard';
import { FirstSteps } from '../../components/FirstSteps';

export function HomeScreen() {
  const t = useT();
  const status = useSession((state) => state.status);
  const [overview, setOverview] = useState<{ counts: Record<string, number> } | null>(null);

  useEffect(() => {
    void call('registry.overview', {}).then(setOverview);
  }, []);

  return (
    <Stack gap="md" data-testid="home">
      <PageHeader title={t('home.title')} />
      <Card withBorder padding="sm">
        <Group justify="space-between" align="flex-end" gap="xs">
          <div>
            <Text size="sm" c="dimmed">
              {t('home.unit')}
            </Text>
            <Group gap="xs">
              <Text fw={700} data-testid="home-unit-name">
                {status?.unit?.name}
              </Text>
              <Text c="dimmed">
                ({status?.unit?.code} · {status?.unit && t(`level.${status.unit.level}` as MessageKey)})
              </Text>
            </Group>
          </div>
          {overview && (
            <Text size="sm">
              {t('home.counts', { members: overview.counts.members ?? 0, trips: overview.counts.trips ?? 0 })}
            </Text>
          )}
        </Group>
      </Card>
      {overview && (overview.counts.members ?? 0) === 0 && <FirstSteps />}
      <Dashboard />
    </Stack>
  );
}
