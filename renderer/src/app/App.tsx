import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { onEvent } from '../api/client';
import { SetupWizard } from '../features/setup/SetupWizard';
import { UnlockScreen } from '../features/unlock/UnlockScreen';
import { Shell } from './Shell';
import { useSession } from './sessionStore';

export function App() {
  const status = useSession((state) => state.status);
  const refresh = useSession((state) => state.refresh);

  useEffect(() => {
    void refresh();
    return onEvent('session.locked', () => void refresh());
  }, [refresh]);

  if (!status) {
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  }
  if (status.state === 'uninitialised') return <SetupWizard />;
  if (status.state === 'locked') return <UnlockScreen />;
  return <Shell />;
}
