import { createHash } from 'node:crypto';
import type { FieldIssue } from '@shared/errors';
import { hasMessage } from '@shared/i18n';

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Strict UTF-8: invalid sequences and a byte-order mark are kept visible rather than silently repaired. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Lower-case hex only, so every value has exactly one spelling inside signed bytes. */
export function fromHex(text: string, byteLength: number): Uint8Array | null {
  if (text.length !== byteLength * 2 || !/^[0-9a-f]*$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

export function sha256(...chunks: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return new Uint8Array(hash.digest());
}

export function concatBytes(...chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No unpaired UTF-16 surrogates: such a string has no UTF-8 form. */
export function isWellFormedText(value: string): boolean {
  return !loneSurrogate.test(value);
}

/**
 * Canonical JSON (RFC 8785 restricted to integers): keys sorted by UTF-16 code units, no
 * whitespace, strings as ECMAScript serialises them. One value has exactly one byte form,
 * so signed JSON can be checked by re-encoding what was parsed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('Canonical JSON holds integers only');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) throw new TypeError('Canonical JSON holds well-formed strings only');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`Canonical JSON cannot hold ${typeof value}`);
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * The deepest nesting of arrays and objects, read from the raw bytes before any parsing so
 * that nothing recursive ever sees a hostile document. UTF-8 continuation bytes are never
 * ASCII, so a byte scan cannot be fooled by multi-byte characters.
 */
export function jsonNestingExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth -= 1;
    }
  }
  return false;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: 'too_deep' | 'invalid' };

export function parseJsonBytes(bytes: Uint8Array, maxDepth: number): JsonParseResult {
  if (jsonNestingExceeds(bytes, maxDepth)) return { ok: false, reason: 'too_deep' };
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, reason: 'invalid' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}

/** Zod issues as the field issues a DomainError carries: message keys where the schema gave one. */
export function toFieldIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.slice(0, 50).map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    key: hasMessage(issue.message) ? issue.message : 'validation.invalid',
  }));
}

/** A name taken from an untrusted file, made safe to show inside a message. */
export function displayName(name: string): string {
  const escaped = JSON.stringify(name).slice(1, -1);
  return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
}
