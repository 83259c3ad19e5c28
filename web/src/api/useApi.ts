// Loads a GET endpoint for a component: { data, error, loading, reload }. A new path or query
// starts a new request and aborts the old one, so a fast click-through never shows stale data.
import { useCallback, useEffect, useState } from "react";
import { useLang } from "../i18n";
import { getJson, type Query } from "./client";

export type ApiState<T> = { data: T | null; error: unknown; loading: boolean; reload: () => void };

/** `path` null means "nothing to load yet". */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  // The language is part of the key: the API's labels (category and unit names) follow it.
  const [lang] = useLang();
  const key = path === null ? null : JSON.stringify([path, query ?? {}, lang]);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    getJson<T>(path, query, { signal: controller.signal })
      .then((body) => {
        setData(body);
        setLoading(false);
      })
      .catch((caught) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setData(null);
        setLoading(false);
      });
    return () => controller.abort();
  }, [key, generation]); // eslint-disable-line react-hooks/exhaustive-deps

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload };
}
