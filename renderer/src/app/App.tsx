import { Center, Loader } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { onEvent } from '../api/client';
import { UnlockScreen } from '../features/unlock/UnlockScreen';
import { lazyScreen } from './lazyScreen';
import { useSession } from '../state/sessionStore';

// The sign-in screen comes with the page; the rest loads while a person types their password.
const Shell = lazyScreen(async () => (await import('./Shell')).Shell);
const SetupWizard = lazyScreen(async () => (await import('../features/setup/SetupWizard')).SetupWizard);

function Loading() {
  return (
    <Center h="100%">
      <Loader />
    </Center>
  );
}

export function App() {
  const status = useSession((state) => state.status);
  const refresh = useSession((state) => state.refresh);

  useEffect(() => {
    void refresh();
    return onEvent('session.locked', () => void refresh());
  }, [refresh]);

  useEffect(() => {
    if (status?.state === 'locked') void Shell.preload();
  }, [status?.state]);

  if (!status) return <Loading />;
  if (status.state === 'locked') return <UnlockScreen />;
  return <Suspense fallback={<Loading />}>{status.state === 'uninitialised' ? <SetupWizard /> : <Shell />}</Suspense>;
}
