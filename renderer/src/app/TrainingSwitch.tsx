import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { trainingAccount } from '@shared/domain/training';
import { call } from '../api/client';
import { useT } from '../i18n';
import { errorText } from '../api/errors';
import { useNavigation } from '../state/navigation';
import { useSession } from '../state/sessionStore';

/**
 * Opens the training registry (made with sample data the first time) or goes back to the real
 * one. Switching locks whichever registry is open.
 */
export function TrainingSwitch({ withAccount = true }: { withAccount?: boolean }) {
  const t = useT();
  const training = useSession((state) => state.status?.training ?? false);
  const setStatus = useSession((state) => state.setStatus);
  const leaveThen = useNavigation((state) => state.leaveThen);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const toggle = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setStatus(await call('app.setTraining', { training: !training }));
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4}>
      {training && withAccount && (
        <Text size="sm" data-testid="training-account">
          {t('training.account', trainingAccount)}
        </Text>
      )}
      <Anchor
        component="button"
        type="button"
        size="sm"
        w="fit-content"
        disabled={busy}
        onClick={() => leaveThen(() => void toggle())}
        data-testid="training-switch"
      >
        {busy ? t(training ? 'ui.loading' : 'training.opening') : t(training ? 'training.leave' : 'training.open')}
      </Anchor>
      {failure && (
        <Alert color="red" data-testid="training-error">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
