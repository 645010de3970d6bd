import { useCallback, useEffect, useState } from 'react';

export interface LoadedRecord<Value> {
  value: Value | null;
  failure: unknown;
  /** Replaces the shown record with the one a save returned. */
  set(value: Value): void;
  reload(): Promise<void>;
}

/** One record read from the services when the page opens, and again on demand. */
export function useRecord<Value>(read: () => Promise<Value>): LoadedRecord<Value> {
  const [value, setValue] = useState<Value | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await read());
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  }, [read]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, failure, set: setValue, reload };
}
