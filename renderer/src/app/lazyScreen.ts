import { createElement, lazy, useState, type ComponentType } from 'react';

/**
 * A screen whose code is a chunk of its own, loaded when the screen is first shown (under a
 * `Suspense`) or earlier by `preload`, so that the first screen waits only for its own code.
 * Once its code is loaded the screen renders at once: a `lazy` component suspends on its first
 * render even when its code is already there, and React holds a suspended screen back for about
 * 300 ms before showing it.
 */
export function lazyScreen<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loading: Promise<ComponentType<Props>> | null = null;
  let loaded: ComponentType<Props> | null = null;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Deferred = lazy(async () => ({ default: await preload() }));
  function Screen(props: Props) {
    // Chosen once per mounted screen: changing the component under it would remount it and lose its state.
    const [Component] = useState<ComponentType<Props>>(() => loaded ?? Deferred);
    return createElement(Component, props);
  }
  return Object.assign(Screen, { preload });
}
