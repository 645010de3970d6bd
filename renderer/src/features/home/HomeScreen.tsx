import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../../shared/i18n';
import { call } from '../../api/client';
import { useSession } from '../../app/sessionStore';
import { useT } from '../../i18n';

export function HomeScreen() {
  const t = useT();
  const status = useSession((state) => state.status);
  const [overview, setOverview] = useState<{ counts: Record<string, number>; schemaVersion: number } | null>(null);

  useEffect(() => {
    void call('registry.overview', {}).then(setOverview);
  }, []);

  return (
    <Stack data-testid="home">
      <Title order={2}>{t('home.welcome')}</Title>
      <Card withBorder>
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
        {overview && (
          <>
            <Text mt="sm">{t('home.counts', { members: overview.counts.members ?? 0, trips: overview.counts.trips ?? 0 })}</Text>
            <Text size="xs" c="dimmed">
              {t('home.schema', { version: overview.schemaVersion })}
            </Text>
          </>
        )}
      </Card>
    </Stack>
  );
}
