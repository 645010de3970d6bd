import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { Rekeyed } from '@shared/contract/users';
import { call } from '../../api/client';
import { FailureAlert } from '../../components/FailureAlert';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';
import { RecoveryKeyConfirmation } from '../../components/RecoveryKeyConfirmation';

/**
 * The new recovery key after a rekey, shown like at first run. The dialog closes only once the
 * box is ticked: the old key no longer opens the registry.
 */
export function NewRecoveryKeyModal({ rekeyed, note, onDone }: { rekeyed: Rekeyed | null; note?: string; onDone(): void }) {
  const t = useT();
  const [confirmed, setConfirmed] = useState(false);
  const finish = () => {
    setConfirmed(false);
    onDone();
  };
  return (
    <Modal opened={rekeyed !== null} onClose={() => undefined} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} title={t('rekey.newKeyTitle')} size="lg">
      {rekeyed && (
        <Stack data-testid="rekey-result">
          {note && <Alert color="blue">{note}</Alert>}
          {rekeyed.needNewPassword.length > 0 && <Alert color="orange">{t('rekey.needNewPassword', { users: rekeyed.needNewPassword.join(', ') })}</Alert>}
          <RecoveryKeyConfirmation recoveryKey={rekeyed.recoveryKey} explanation={t('rekey.recovery.explain')} confirmed={confirmed} onConfirmedChange={setConfirmed} />
          <Group justify="flex-end" className="no-print">
            <Button onClick={finish} disabled={!confirmed} data-testid="rekey-done">
              {t('rekey.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

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
          <Button variant="light" color="orange" leftSection={<IconKey size={16} />} onClick={() => setAsking(true)} data-testid="rekey-start">
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
