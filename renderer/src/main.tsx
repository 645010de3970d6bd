import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles/app.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { styleNonceMetaName } from '../../shared/csp';
import { App } from './app/App';

const styleNonce = document.querySelector<HTMLMetaElement>(`meta[name="${styleNonceMetaName}"]`)?.content ?? '';

const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  fontFamily: '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  defaultRadius: 'sm',
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} getStyleNonce={() => styleNonce} defaultColorScheme="light">
      <Notifications position="top-right" />
      <App />
    </MantineProvider>
  </StrictMode>,
);
