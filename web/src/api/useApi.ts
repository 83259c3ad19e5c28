// Loads a GET endpoint for a component: { data, error, loading, reload }. A new path or query
// starts a new request and aborts the old one, so a fast click-through never shows stale data:
// `loading` is true from the very render in which the request changes, and `data` is null until
// the new answer is in.
import { useCallback, useEffect, useState } from "react";
import { useLang } from "../i18n";
import { getJson, type Query } from "./client";

export type ApiState<T> = { data: T | null; error: unknown; loading: boolean; reload: () => void };

type Answer<T> = { key: string; data: T | null; error: unknown };

/** `path` null means "nothing to load yet". */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  // The language is part of the key: the API's labels (category and unit names) follow it.
  const [lang] = useLang();
  const [generation, setGeneration] = useState(0);
  const key = path === null ? null : JSON.stringify([path, query ?? {}, lang, generation]);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);

  useEffect(() => {
    if (path === null || key === null) return;
    const controller = new AbortController();
    getJson<T>(path, query, { signal: controller.signal })
      .then((body) => setAnswer({ key, data: body, error: null }))
      .catch((caught) => {
        if (!controller.signal.aborted) setAnswer({ key, data: null, error: caught });
      });
    return () => controller.abort();
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const current = answer !== null && answer.key === key ? answer : null;
  return {
    data: current?.data ?? null,
    error: current?.error ?? null,
    loading: key !== null && current === null,
    reload,
  };
}
