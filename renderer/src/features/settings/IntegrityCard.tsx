import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseSearch, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { IntegrityVerdict } from '@shared/contract/backup';
import { call } from '../../api/client';
import { FailureAlert } from '../../components/FailureAlert';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useFormatNumber, useT } from '../../i18n';

/** The quick check made when the registry opened, and SQLite's full integrity check on demand. */
export function IntegrityCard() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const read = useCallback(() => call('integrity.status', {}), []);
  const opening = useRecord(read);
  const [verdict, setVerdict] = useState<IntegrityVerdict | null>(null);
  const checking = useAction();
  const run = async () => {
    setVerdict(null);
    const result = await checking.run(() => call('integrity.check', {}));
    if (result) setVerdict(result);
  };
  return (
    <Card withBorder data-testid="integrity-card">
      <Stack gap="sm">
        <Title order={4}>{t('integrity.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('integrity.explain')}
        </Text>
        {opening.value && (
          <Text size="sm" data-testid="integrity-opening">
            {t('integrity.atOpening', {
              pages: formatNumber(opening.value.pages),
              milliseconds: formatNumber(opening.value.milliseconds),
            })}
          </Text>
        )}
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconDatabaseSearch size={16} />}
          loading={checking.busy}
          onClick={() => void run()}
          data-testid="integrity-run"
        >
          {t('integrity.run')}
        </Button>
        <FailureAlert error={checking.error ?? opening.failure} />
        {verdict?.ok && (
          <Alert color="green" icon={<IconShieldCheck size={18} />} data-testid="integrity-verdict">
            {t('integrity.ok', { pages: formatNumber(verdict.pages), milliseconds: formatNumber(verdict.milliseconds) })}
          </Alert>
        )}
        {verdict && !verdict.ok && (
          <Alert color="red" icon={<IconShieldX size={18} />} title={t('integrity.broken')} data-testid="integrity-verdict">
            {t('integrity.brokenExplain', { problems: verdict.problems.slice(0, 5).join('; ') })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
