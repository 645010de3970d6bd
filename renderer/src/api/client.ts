import type { CallInput, CallName, CallOutput, Envelope, ErrorPayload, EventName, EventPayload } from '@shared/contract';

/** What the preload exposes in the Electron window. */
interface PreloadApi {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    so86?: PreloadApi;
  }
}

/** A refused or failed call, with the code, the message's parameters and the field issues to show. */
export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.code);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.payload.code;
  }
}

const bridgeTokenKey = 'so86.bridgeToken';

/**
 * In a plain browser the same contract is served by the test bridge over HTTP; the token
 * arrives once in the address fragment and stays in this tab's session storage.
 */
function bridgeToken(): string {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('bridge');
  if (fromFragment) {
    sessionStorage.setItem(bridgeTokenKey, fromFragment);
    history.replaceState(null, '', window.location.pathname);
    return fromFragment;
  }
  return sessionStorage.getItem(bridgeTokenKey) ?? '';
}

function createBridgeTransport(): PreloadApi {
  const token = bridgeToken();
  return {
    async call(name, input) {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ name, input }),
      });
      return (await response.json()) as Envelope<unknown>;
    },
    onEvent(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => {
        const { name, payload } = JSON.parse(message.data as string) as { name: string; payload: unknown };
        listener(name, payload);
      };
      return () => source.close();
    },
  };
}

const transport: PreloadApi = window.so86 ?? createBridgeTransport();

export async function call<Name extends CallName>(name: Name, input: CallInput<Name>): Promise<CallOutput<Name>> {
  const envelope = await transport.call(name, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as CallOutput<Name>;
}

export function onEvent<Name extends EventName>(wanted: Name, listener: (payload: EventPayload<Name>) => void): () => void {
  return transport.onEvent((name, payload) => {
    if (name === wanted) listener(payload as EventPayload<Name>);
  });
}
