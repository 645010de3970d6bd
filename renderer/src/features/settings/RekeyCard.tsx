import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { Rekeyed } from '@shared/contract/users';
import { call } from '../../api/client';
import { FailureAlert } from '../../components/FailureAlert';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';
import { NewRecoveryKeyModal } from '../../components/NewRecoveryKeyModal';

/** Đổi khóa sổ: administrators give the registry a new key and a new recovery key. */
export function RekeyCard() {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [rekeyed, setRekeyed] = useState<Rekeyed | null>(null);
  const rekey = useAction();
  const run = async () => {
    const result = await rekey.run(() => call('registry.rekey', {}));
    if (!result) return;
    setAsking(false);
    setRekeyed(result);
  };
  return (
    <Card withBorder data-testid="rekey-card">
      <Stack gap="sm">
        <Title order={4}>{t('rekey.title')}</Title>
        <Text size="sm">{t('rekey.explain')}</Text>
        <Group>
          <Button
            variant="light"
            color="orange"
            leftSection={<IconKey size={16} />}
            onClick={() => setAsking(true)}
            data-testid="rekey-start"
          >
            {t('rekey.start')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('rekey.confirmTitle')}>
        <Stack>
          <Text>{t('rekey.confirm')}</Text>
          <FailureAlert error={rekey.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} disabled={rekey.busy}>
              {t('ui.cancel')}
            </Button>
            <Button color="orange" onClick={() => void run()} loading={rekey.busy} data-testid="rekey-run">
              {t('rekey.run')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <NewRecoveryKeyModal rekeyed={rekeyed} onDone={() => setRekeyed(null)} />
    </Card>
  );
}
