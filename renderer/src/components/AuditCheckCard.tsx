import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import type { AuditVerdictOutput } from '@shared/contract/registry';
import { call } from '../api/client';
import { FailureAlert } from './FailureAlert';
import { useAction } from './useAction';
import { useFormatNumber, useT } from '../i18n';

type AuditVerdict = z.infer<typeof AuditVerdictOutput>;

/** Recomputes the chain of hashes over the change log, so a row edited, removed or reordered outside the application shows. */
export function AuditCheckCard() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const check = useAction();
  const run = async () => {
    setVerdict(null);
    const result = await check.run(() => call('audit.verify', {}));
    if (result) setVerdict(result);
  };
  return (
    <Card withBorder data-testid="audit-card">
      <Stack gap="sm">
        <Title order={4}>{t('audit.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('audit.explain')}
        </Text>
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconShieldCheck size={16} />}
          loading={check.busy}
          onClick={() => void run()}
          data-testid="audit-verify"
        >
          {t('audit.run')}
        </Button>
        <FailureAlert error={check.error} />
        {verdict?.ok && (
          <Alert color="green" icon={<IconShieldCheck size={18} />} data-testid="audit-verdict">
            {t('audit.ok', { rows: formatNumber(verdict.rows) })}
          </Alert>
        )}
        {verdict?.anchor === 'unchecked' && (
          <Text size="sm" c="dimmed" data-testid="audit-anchor-unchecked">
            {t('audit.anchorUnchecked')}
          </Text>
        )}
        {verdict && !verdict.ok && (
          <Alert color="red" icon={<IconShieldX size={18} />} title={t('audit.broken')} data-testid="audit-verdict">
            {t(`audit.problem.${verdict.problem ?? 'edited'}`, {
              seq: verdict.brokenAtSeq ?? 0,
              rows: formatNumber(verdict.rows),
            })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
