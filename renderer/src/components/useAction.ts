import { useCallback, useMemo, useState } from 'react';
import { fieldErrors } from '../api/errors';
import { useT } from '../i18n';

export interface Action {
  busy: boolean;
  /** The last refusal or failure, kept until the next attempt so nothing typed is lost. */
  error: unknown;
  /** The refusal's field issues by dotted path, for the fields' `error` props. */
  errors: Record<string, string>;
  /** Runs one call at a time; resolves to its result, or to undefined when it failed. */
  run<Result>(work: () => Promise<Result>): Promise<Result | undefined>;
  clear(): void;
}

/** The state of a form's submit button: busy while the call runs, the refusal after it. */
export function useAction(): Action {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <Result>(work: () => Promise<Result>) => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  const errors = useMemo(() => fieldErrors(error, t), [error, t]);
  return { busy, error, errors, run, clear };
}
