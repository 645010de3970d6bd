import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles/app.css';
import { InputWrapper, MantineProvider, Modal, createTheme } from '@mantine/core';
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
  components: {
    // Locking the page's scroll injects a <style> element without the page's nonce, which the policy refuses.
    Modal: Modal.extend({ defaultProps: { lockScroll: false } }),
    // A hint under its field keeps the fields of a row level whether or not they have one.
    InputWrapper: InputWrapper.extend({ defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } }),
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} getStyleNonce={() => styleNonce} defaultColorScheme="light">
      <Notifications position="top-right" />
      <App />
    </MantineProvider>
  </StrictMode>,
);
