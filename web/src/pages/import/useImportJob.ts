// Runs one upload: POST the file (with upload progress), then poll GET /imports/{id} until the job
// has succeeded or failed. The job is asked for in the user's language (?lang=), so the problems'
// reasons come back in it; switching language re-reads a finished job.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, getJson, upload } from "../../api/client";
import type { Job, JobEnvelope } from "../../api/types";
import type { Lang } from "../../i18n";

export type ImportState =
  | { phase: "idle" }
  | { phase: "uploading"; loaded: number; total: number | null }
  | { phase: "processing"; job: Job }
  | { phase: "done"; job: Job }
  /** The server refused before reading the file: a snapshot exists on the date (409). */
  | { phase: "exists"; date: string }
  | { phase: "error"; error: unknown };

export type ImportRequest = {
  municipality: string;
  date: string;
  file: File;
  replace: boolean;
  profile: string;
};

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The type the server reads the body as, from the file name: browsers call a .csv anything from
 * text/csv to application/vnd.ms-excel (Windows), which the server would refuse with 415.
 */
export function uploadType(name: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith(".xlsx")) return xlsxType;
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "text/csv";
  return "application/octet-stream";
}

const pollIntervalMs = 400;

export function useImportJob(lang: Lang) {
  const [state, setState] = useState<ImportState>({ phase: "idle" });
  const alive = useRef(true);
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const fetchJob = useCallback(
    (id: string | number) => getJson<JobEnvelope>(`/imports/${encodeURIComponent(String(id))}`, { lang: langRef.current }),
    [],
  );

  const poll = useCallback(async (id: string | number) => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      if (!alive.current) return;
      const { job } = await fetchJob(id);
      if (!alive.current) return;
      if (job.state === "succeeded" || job.state === "failed") {
        setState({ phase: "done", job });
        return;
      }
      setState({ phase: "processing", job });
    }
  }, [fetchJob]);

  const start = useCallback(async (request: ImportRequest) => {
    setState({ phase: "uploading", loaded: 0, total: request.file.size });
    try {
      const body = request.file.slice(0, request.file.size, uploadType(request.file.name));
      const { job } = await upload<JobEnvelope>(
        `/municipalities/${request.municipality}/imports`,
        { date: request.date, replace: request.replace ? "true" : undefined,
          profile: request.profile && request.profile !== "standard" ? request.profile : undefined },
        body,
        (progress) => alive.current && setState({ phase: "uploading", loaded: progress.loaded, total: progress.total }),
      );
      if (!alive.current) return;
      setState({ phase: "processing", job });
      await poll(job.id);
    } catch (error) {
      if (!alive.current) return;
      if (error instanceof ApiError && error.code === "snapshot_exists") {
        setState({ phase: "exists", date: request.date });
      } else {
        setState({ phase: "error", error });
      }
    }
  }, [poll]);

  const reset = useCallback(() => setState({ phase: "idle" }), []);

  // A finished job's reasons are in the language it was read in: read it again after a switch.
  const finishedId = state.phase === "done" ? state.job.id : null;
  useEffect(() => {
    if (finishedId === null) return;
    let current = true;
    fetchJob(finishedId).then(({ job }) => {
      if (current && alive.current) setState({ phase: "done", job });
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps

  return { state, start, reset };
}
