import { lazy, type ComponentType } from 'react';

/**
 * A screen whose code is a chunk of its own, loaded when the screen is first shown (under a
 * `Suspense`) or earlier by `preload`, so that the first screen waits only for its own code.
 */
export function lazyScreen<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loading: Promise<ComponentType<Props>> | null = null;
  const preload = () => (loading ??= load());
  return Object.assign(
    lazy(async () => ({ default: await preload() })),
    { preload },
  );
}
