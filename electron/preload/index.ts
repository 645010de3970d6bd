import { contextBridge, ipcRenderer } from 'electron';
import { callNames, ipcChannels, type Envelope } from '../../shared/contract';

const declaredCalls = new Set<string>(callNames);

const unknownCall = (name: string): Envelope<never> => ({
  ok: false,
  error: { code: 'UNKNOWN_CALL', params: { name: name.slice(0, 64) }, issues: [] },
});

/** Exactly the contract: one function per declared call name, one event subscription, nothing of Node or Electron. */
contextBridge.exposeInMainWorld('so86', {
  call: (name: string, input: unknown): Promise<Envelope<unknown>> =>
    declaredCalls.has(name) ? ipcRenderer.invoke(ipcChannels.call, name, input) : Promise.resolve(unknownCall(String(name))),
  onEvent: (listener: (name: string, payload: unknown) => void): (() => void) => {
    const forward = (_event: unknown, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => ipcRenderer.removeListener(ipcChannels.event, forward);
  },
});
