import { createElement, useEffect, useState, type ComponentType } from 'react';
import { Loader } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert';

/** A screen whose code loads when it is first shown (or asked for sooner with `preload`). */
export type LoadedScreen<P extends object> = ComponentType<P> & {
  /** Starts loading the screen's code; the same promise for every caller. */
  preload(): Promise<ComponentType<P>>;
};

/**
 * A screen loaded on first use, with a loader shown meanwhile. Not React.lazy under Suspense:
 * React 19 holds a Suspense boundary's content back for up to 300 ms after its fallback was
 * shown ("throttled" retries), so a cold start on a lazy screen waited that long after the code
 * had come (profile of the risk register's cold load: the code arrived ~180 ms before React
 * drew it). Here the code's arrival is a plain state change, drawn at once. A failed load says
 * so, with a way to try again (a reload: the browser keeps a failed import failed for the page's
 * life), instead of taking the whole page down.
 */
export function screenLoader<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LoadedScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load().then((screen) => (loaded = screen));
    return loading;
  };

  function Screen(props: P) {
    // A function in state must be wrapped, or React would call it as an updater.
    const [screen, setScreen] = useState<{ component: ComponentType<P> } | null>(() =>
      loaded ? { component: loaded } : null,
    );
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (screen) return undefined;
      let live = true;
      preload().then(
        (component) => live && setScreen({ component }),
        (error: unknown) =>
          live && setFailed(error instanceof Error ? error.message : String(error)),
      );
      return () => {
        live = false;
      };
    }, [screen]);
    if (screen) return createElement(screen.component, props);
    if (failed)
      return (
        <ErrorAlert
          message={`This screen could not be loaded (${failed}).`}
          onRetry={() => window.location.reload()}
        />
      );
    return <Loader aria-label="Loading" />;
  }
  return Object.assign(Screen, { preload });
}
