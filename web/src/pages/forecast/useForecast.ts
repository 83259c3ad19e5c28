// GET /forecast for the levers on screen, debounced: a lever that moves starts one request
// ~150 ms after it stops, the request before it is aborted, and the figures already on screen stay
// there (the page dims them) until the new answer is in. `ready` is true only when the figures
// belong to the query asked for now (CONTRACT.md: forecast-status).
import { useEffect, useState } from "react";
import { getJson } from "../../api/client";
import type { Forecast } from "../../api/types";

export type ForecastLoad = {
  /** The latest answer, possibly for an earlier query (see `ready`). */
  data: Forecast | null;
  error: unknown;
  /** The figures on screen belong to `query`. */
  ready: boolean;
  /** The latest request for `query` failed. */
  failed: boolean;
  reload: () => void;
};

type Answer = { query: string; data: Forecast | null; error: unknown };

export const debounceMs = 150;

/** `query` is the query string of /forecast (null: nothing to ask yet). */
export function useForecast(query: string | null): ForecastLoad {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [data, setData] = useState<{ query: string; body: Forecast } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      getJson<Forecast>(`/forecast?${query}`, undefined, { signal: controller.signal })
        .then((body) => {
          setData({ query, body });
          setAnswer({ query, data: body, error: null });
        })
        .catch((caught: unknown) => {
          if (!controller.signal.aborted) setAnswer({ query, data: null, error: caught });
        });
    }, debounceMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, generation]);

  const current = answer !== null && answer.query === query ? answer : null;
  return {
    data: data?.body ?? null,
    error: current?.error ?? null,
    ready: current !== null && current.error === null && data?.query === query,
    failed: current !== null && current.error !== null,
    reload: () => setGeneration((n) => n + 1),
  };
}
