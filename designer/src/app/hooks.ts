import { useCallback, useEffect, useState } from 'react';

const TOKEN_KEY = 'parley.token';

/** The API token, kept in localStorage so a reload stays signed in. */
export function useToken(): [string | null, (token: string | null) => void] {
  const [token, setState] = useState(() => localStorage.getItem(TOKEN_KEY));
  const setToken = useCallback((next: string | null) => {
    if (next) localStorage.setItem(TOKEN_KEY, next);
    else localStorage.removeItem(TOKEN_KEY);
    setState(next);
  }, []);
  return [token, setToken];
}

export type Async<T> = { state: 'loading' } | { state: 'failed'; error: Error } | { state: 'done'; value: T };

/** Runs `load` whenever `key` changes; a stale answer (key changed meanwhile) is dropped. */
export function useAsync<T>(load: () => Promise<T>, key: string): Async<T> {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` reads
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => current && setResult({ state: 'done', value }),
      (error: unknown) =>
        current &&
        setResult({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return result;
}
