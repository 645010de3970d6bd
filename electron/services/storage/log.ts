import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface Logger {
  error(message: string, error?: unknown): void;
  info(message: string): void;
}

/** Stack traces go to the log file, never to a person's screen. */
export function fileLogger(file: string): Logger {
  mkdirSync(path.dirname(file), { recursive: true });
  const write = (level: string, message: string, error?: unknown) => {
    const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : error === undefined ? '' : `\n${String(error)}`;
    appendFileSync(file, `${new Date().toISOString()} ${level} ${message}${detail}\n`);
  };
  return { error: (message, error) => write('ERROR', message, error), info: (message) => write('INFO', message) };
}

export const stderrLogger: Logger = {
  error: (message, error) => console.error(message, error instanceof Error ? error.stack : (error ?? '')),
  info: () => undefined,
};
