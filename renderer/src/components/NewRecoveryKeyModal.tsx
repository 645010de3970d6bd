import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Rekeyed } from '@shared/contract/users';
import { useT } from '../i18n';
import { RecoveryKeyConfirmation } from './RecoveryKeyConfirmation';

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
    <Modal
      opened={rekeyed !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('rekey.newKeyTitle')}
      size="lg"
    >
      {rekeyed && (
        <Stack data-testid="rekey-result">
          {note && <Alert color="blue">{note}</Alert>}
          {rekeyed.needNewPassword.length > 0 && (
            <Alert color="orange">{t('rekey.needNewPassword', { users: rekeyed.needNewPassword.join(', ') })}</Alert>
          )}
          <RecoveryKeyConfirmation
            recoveryKey={rekeyed.recoveryKey}
            explanation={t('rekey.recovery.explain')}
            confirmed={confirmed}
            onConfirmedChange={setConfirmed}
          />
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
