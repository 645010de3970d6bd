import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { Id } from './domain/primitives';

describe('newId', () => {
  it('makes valid version 7 UUIDs ordered by time', () => {
    const earlier = newId(1_700_000_000_000);
    const later = newId(1_700_000_000_001);
    expect(Id.parse(earlier)).toBe(earlier);
    expect(earlier[14]).toBe('7');
    expect(earlier < later).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newId())).size).toBe(1000);
  });
});
