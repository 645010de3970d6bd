import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Larger than any genuine report file; a bigger "report file" is not read into memory. */
const maximumReportFileBytes = 64 * 1024 * 1024;

/**
 * The report file the application was started with (Windows passes the double-clicked file
 * as an argument), or null. Only an existing `.so86` file counts.
 */
export function reportFileFromArguments(argv: readonly string[]): string | null {
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-') || path.extname(argument).toLowerCase() !== '.so86') continue;
    if (existsSync(argument) && statSync(argument).isFile()) return path.resolve(argument);
  }
  return null;
}

export async function readReportFile(file: string): Promise<{ fileName: string; content: Buffer } | null> {
  if (statSync(file).size > maximumReportFileBytes) return null;
  return { fileName: path.basename(file), content: await readFile(file) };
}
