import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseSearch, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
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
  const read = useCallback(async () => ({ verdict: await call('integrity.status', {}) }), []);
  const opening = useRecord(read);
  const { value: openingStatus, reload: readOpeningAgain } = opening;
  const running = openingStatus !== null && openingStatus.verdict === null;
  const openingVerdict = openingStatus?.verdict ?? null;
  // The check started at sign-in takes a second or two on a large registry.
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void readOpeningAgain(), 1000);
    return () => clearTimeout(timer);
  }, [running, openingStatus, readOpeningAgain]);
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
        {running && (
          <Text size="sm" c="dimmed" data-testid="integrity-opening-running">
            {t('integrity.checkingAtOpening')}
          </Text>
        )}
        {openingVerdict && (
          <Text size="sm" data-testid="integrity-opening">
            {t('integrity.atOpening', {
              pages: formatNumber(openingVerdict.pages),
              milliseconds: formatNumber(openingVerdict.milliseconds),
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
