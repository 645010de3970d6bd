import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy, withStyleNonce } from '../../shared/csp';
import { createDispatcher } from '../services/application/api/dispatch';
import { stderrLogger } from '../services/storage/log';
import type { ServiceHostClient } from '../services/application/serviceHost/client';
import type { AppSession } from '../services/application/session';
import { mediaTypeOf, resolveRendererFile } from '../services/application/rendererFiles';

/**
 * The services the bridge serves: a session in this process, or the service host (the worker
 * thread the application runs its services in), so browser tests can go the application's way.
 */
export type BridgeServices = { session: AppSession } | { host: ServiceHostClient };

export type BridgeOptions = BridgeServices & {
  rendererFolder: string;
  port?: number;
};

export interface RunningBridge {
  /** The address to open, with the per-run token in the fragment (never sent to the server in a request line). */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const maximumBodyBytes = 32 * 1024 * 1024;

/**
 * Serves the built renderer and the service contract over HTTP for tests and development
 * in a plain browser: 127.0.0.1 only, a random token per run, the Origin checked on every
 * call. It is not part of the packaged application.
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const { rendererFolder, port = 0 } = options;
  const token = randomBytes(32).toString('hex');
  const services =
    'session' in options
      ? { dispatch: createDispatcher(options.session), events: options.session, logger: options.session.logger }
      : { dispatch: options.host.dispatch, events: options.host, logger: stderrLogger };
  const { dispatch, logger } = services;
  const eventStreams = new Set<ServerResponse>();
  let origin = '';

  const unsubscribe = services.events.onEvent((name, payload) => {
    for (const stream of eventStreams) stream.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
  });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('Bridge request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/api/call') return handleCall(request, response);
    if (url.pathname === '/api/events') return handleEvents(url, response);
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed');
    const file = resolveRendererFile(rendererFolder, url.pathname);
    if (!file) return send(response, 404, 'text/plain', 'Not found');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(response, 404, 'text/plain', 'Not found');
    }
    const styleNonce = randomBytes(16).toString('base64');
    const body = file.endsWith('.html') ? withStyleNonce(content.toString('utf8'), styleNonce) : content;
    response.writeHead(200, {
      'Content-Type': mediaTypeOf(file),
      'Content-Security-Policy': contentSecurityPolicy(styleNonce),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    response.end(body);
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method not allowed');
    if (request.headers.origin !== origin) return send(response, 403, 'text/plain', 'Forbidden origin');
    if (!tokenMatches(request.headers.authorization?.replace(/^Bearer /, ''), token))
      return send(response, 401, 'text/plain', 'Bad token');
    const body = await readBody(request);
    if (body === null) return send(response, 413, 'text/plain', 'Too large');
    let parsed: { name?: unknown; input?: unknown };
    try {
      parsed = JSON.parse(body) as { name?: unknown; input?: unknown };
    } catch {
      return send(response, 400, 'text/plain', 'Bad JSON');
    }
    const envelope = await dispatch(parsed.name, parsed.input);
    send(response, 200, 'application/json', JSON.stringify(envelope));
  }

  function handleEvents(url: URL, response: ServerResponse) {
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return send(response, 401, 'text/plain', 'Bad token');
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.add(response);
    response.on('close', () => eventStreams.delete(response));
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/#bridge=${token}`,
    origin,
    token,
    close: async () => {
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maximumBodyBytes) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}
