import type { foundationCalls } from '@shared/contract/foundation';
import type { HandlerSet } from './types';

export const foundationHandlers: HandlerSet<keyof typeof foundationCalls> = {
  'app.status': (_input, { session }) => session.status(),
  'app.setLanguage': ({ lang }, { session }) => {
    session.lang = lang;
    return { done: true };
  },
  'app.setTraining': ({ training }, { session }) => session.setTraining(training),
  'setup.newRecoveryKey': (_input, { session }) => ({ recoveryKey: session.newRecoveryKey() }),
  'setup.create': ({ unit, admin }, { session }) =>
    session.setup({ unit, admin: { username: admin.username, displayName: admin.displayName, password: admin.password } }),
  'session.unlock': ({ username, password }, { session }) => session.unlock(username, password),
  'session.recover': ({ recoveryKey, username, password }, { session }) => session.recover(recoveryKey, username, password),
  'session.lock': (_input, { session }) => session.lock('manual'),
  'session.changePassword': async ({ currentPassword, password }, { session }) => {
    await session.requireRegistry().changePassword(currentPassword, password);
    return { done: true };
  },
  'app.takeOpenedFile': (_input, { session }) => {
    const file = session.takeOpenedFile();
    return file && { fileName: file.fileName, contentBase64: file.content.toString('base64') };
  },
  'registry.overview': (_input, { session }) => {
    const registry = session.requireRegistry();
    return { counts: registry.counts(), schemaVersion: registry.schemaVersion };
  },
};
