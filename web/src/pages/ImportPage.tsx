// The import page (CONTRACT.md "Import", route /import, hr only): upload the HR system's export
// for the own municipality as the snapshot of one date. Shows the upload's progress, then the
// job's, then either what was stored (with a link to that date's overview) or every problem with
// its row, column, value and reason, and that nothing was stored. A date that already has a
// snapshot needs the replace box ticked; the server refuses it otherwise (409 snapshot_exists).
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../api/useApi";
import type { MunicipalityList, SnapshotList } from "../api/types";
import { ErrorMessage } from "../components/ErrorMessage";
import { formatDate, formatDecimal, formatInteger } from "../format";
import { useLang, useT, type Lang, type TFunction } from "../i18n";
import { useSession } from "../session";
import { FormatHelp } from "./import/FormatHelp";
import { ImportErrors } from "./import/ImportErrors";
import { useImportJob, type ImportState } from "./import/useImportJob";
import "./import/import.css";

/** "84 kB", "1,2 MB". */
function fileSize(bytes: number, lang: Lang, t: TFunction): string {
  if (bytes < 1024 * 1024) return t("import.size.kb", { value: formatInteger(Math.max(1, bytes / 1024), lang) });
  return t("import.size.mb", { value: formatDecimal(bytes / (1024 * 1024), 1, lang) });
}

// The upload is the first 40 % of the bar, the job's reading of the file the rest: one bar that
// only moves forward, with the status line saying which step it is in.
const uploadShare = 40;

function progressOf(state: ImportState, lang: Lang, t: TFunction): { value: number | null; status: string } | null {
  switch (state.phase) {
    case "uploading": {
      const fraction = state.total ? state.loaded / state.total : null;
      return {
        value: fraction === null ? null : fraction * uploadShare,
        status: state.total
          ? t("import.status.uploading", {
              percent: formatInteger(Math.floor((fraction ?? 0) * 100), lang),
              loaded: fileSize(state.loaded, lang, t),
              total: fileSize(state.total, lang, t),
            })
          : t("import.status.uploadingUnknown"),
      };
    }
    case "processing": {
      const { job } = state;
      if (job.state === "queued") return { value: uploadShare, status: t("import.status.queued") };
      const total = job.progress.bytes_total;
      const fraction = total ? Math.min(1, job.progress.bytes_done / total) : null;
      return {
        value: fraction === null ? null : uploadShare + fraction * (100 - uploadShare),
        status: t("import.status.reading", { rows: formatInteger(job.progress.rows, lang) }),
      };
    }
    case "done":
      return {
        value: 100,
        status: state.job.state === "succeeded"
          ? t("import.status.succeeded", { count: formatInteger(state.job.report?.records ?? 0, lang) })
          : t("import.status.failed"),
      };
    default:
      return null;
  }
}

export default function ImportPage() {
  const t = useT();
  const [lang] = useLang();
  const { user } = useSession();
  const municipality = user?.municipality ?? null;
  const municipalities = useApi<MunicipalityList>("/municipalities");
  const snapshots = useApi<SnapshotList>(municipality ? `/municipalities/${municipality}/snapshots` : null);
  const municipalityName = municipalities.data?.municipalities.find((m) => m.number === municipality)?.name;

  const [date, setDate] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [profile, setProfile] = useState("standard");
  const [formError, setFormError] = useState<string | null>(null);
  const { state, start, reset } = useImportJob(lang);
  const replaceRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const ids = { date: useId(), dateHelp: useId(), file: useId(), fileHelp: useId(), profile: useId(), status: useId() };

  const finished = state.phase === "done" ? state.job : null;
  const existing = snapshots.data?.snapshots.find((s) => s.date === date);
  const serverSaysExists = state.phase === "exists" && state.date === date;
  // Just stored: the snapshot on this date is the user's own new one, not one to warn about.
  const justStored = finished?.state === "succeeded" && finished.date === date;
  const showReplace = date !== "" && !justStored && (existing !== undefined || serverSaysExists);
  const busy = state.phase === "uploading" || state.phase === "processing";
  const progress = progressOf(state, lang, t);

  // A new date is a new question: the replace box must be ticked again for it.
  useEffect(() => setReplace(false), [date]);
  useEffect(() => {
    if (serverSaysExists) replaceRef.current?.focus();
  }, [serverSaysExists]);
  // A stored snapshot changes the list the replace warning is based on.
  useEffect(() => {
    if (finished?.state === "succeeded") snapshots.reload();
  }, [finished?.id, finished?.state]); // eslint-disable-line react-hooks/exhaustive-deps

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || municipality === null) return;
    if (!date) return setFormError(t("import.needDate"));
    if (!file) {
      fileRef.current?.focus();
      return setFormError(t("import.needFile"));
    }
    if (showReplace && !replace) {
      replaceRef.current?.focus();
      return setFormError(t("import.needReplace", { date: formatDate(date, lang) }));
    }
    setFormError(null);
    void start({ municipality, date, file, replace: showReplace && replace, profile: profile.trim() || "standard" });
  }

  if (municipality === null) {
    return (
      <div className="page">
        <h1>{t("import.title")}</h1>
        <p className="empty-state">{t("import.noMunicipality")}</p>
      </div>
    );
  }

  return (
    <div className="page import-page">
      <div className="page-head">
        <div>
          <h1>{t("import.title")}</h1>
          <p className="page-kicker">
            {municipalityName ? t("import.kicker", { name: municipalityName, number: municipality }) : municipality}
          </p>
        </div>
      </div>
      <div className="import-layout">
        <div className="import-main">
          <form className="panel import-form" onSubmit={onSubmit} noValidate aria-labelledby="import-form-title">
            <h2 id="import-form-title">{t("import.formTitle")}</h2>
            <div className="field">
              <label htmlFor={ids.date}>{t("import.date")}</label>
              <input id={ids.date} type="date" data-testid="import-date" value={date} required disabled={busy}
                     aria-describedby={ids.dateHelp} onChange={(e) => setDate(e.target.value)} />
              <span className="field-help" id={ids.dateHelp}>{t("import.dateHelp")}</span>
            </div>
            <div className="field">
              <label htmlFor={ids.file}>{t("import.file")}</label>
              <input id={ids.file} ref={fileRef} type="file" data-testid="import-file" required disabled={busy}
                     accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                     aria-describedby={ids.fileHelp}
                     onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              <span className="field-help" id={ids.fileHelp}>
                {file ? t("import.fileChosen", { name: file.name, size: fileSize(file.size, lang, t) }) : t("import.fileHelp")}
              </span>
            </div>

            {showReplace ? (
              <div className="note note-attention import-replace-box" role="group" aria-labelledby="import-replace-title">
                <p className="note-title" id="import-replace-title">
                  {t("import.existsTitle", { date: formatDate(date, lang) })}
                </p>
                <p>
                  {existing
                    ? t("import.existsBody", {
                        date: formatDate(date, lang),
                        count: formatInteger(existing.positions, lang),
                        imported: formatDate(existing.imported_at, lang),
                      })
                    : t("import.existsBodyShort", { date: formatDate(date, lang) })}
                </p>
                <label className="import-replace-label">
                  <input ref={replaceRef} type="checkbox" data-testid="import-replace" checked={replace} disabled={busy}
                         onChange={(e) => { setReplace(e.target.checked); setFormError(null); }} />
                  {t("import.replace", { date: formatDate(date, lang) })}
                </label>
                <p className="import-replace-safe">{t("import.replaceSafe")}</p>
              </div>
            ) : null}

            <details className="import-advanced">
              <summary>{t("import.advanced")}</summary>
              <div className="field">
                <label htmlFor={ids.profile}>{t("import.profile")}</label>
                <input id={ids.profile} type="text" value={profile} disabled={busy} autoComplete="off"
                       spellCheck={false} onChange={(e) => setProfile(e.target.value)} />
                <span className="field-help">{t("import.profileHelp")}</span>
              </div>
            </details>

            {formError ? <p className="form-error" role="alert">{formError}</p> : null}
            <div className="import-actions">
              <button type="submit" className="button button-primary" data-testid="import-submit" disabled={busy}>
                {busy ? t("import.submitBusy") : t("import.submit")}
              </button>
            </div>

            {progress ? (
              <div className="import-progress">
                <progress data-testid="import-progress" max={100} value={progress.value ?? undefined}
                          aria-labelledby={ids.status} />
                <p className="import-status" id={ids.status} data-testid="import-status" role="status" aria-live="polite">
                  {progress.status}
                </p>
              </div>
            ) : null}
          </form>

          {state.phase === "error" ? <ErrorMessage error={state.error} /> : null}

          {finished && finished.state === "succeeded" ? (
            <section className="panel import-result import-succeeded" data-testid="import-summary"
                     data-positions={String(finished.report?.records ?? 0)} aria-labelledby="import-done-title">
              <h2 id="import-done-title">{t("import.doneTitle")}</h2>
              <p>
                {t("import.doneBody", {
                  count: formatInteger(finished.report?.records ?? 0, lang),
                  rows: formatInteger(finished.report?.data_rows ?? 0, lang),
                  date: formatDate(finished.date, lang),
                  name: municipalityName ?? finished.municipality,
                })}
              </p>
              {finished.report && finished.report.ignored_columns.length > 0 ? (
                <p className="note note-info">
                  {t("import.ignoredColumns", { columns: finished.report.ignored_columns.join(", ") })}
                </p>
              ) : null}
              <p className="import-next">
                <Link className="button button-primary"
                      to={`/oversikt?kommune=${finished.municipality}&dato=${finished.date}`}>
                  {t("import.toOverview", { date: formatDate(finished.date, lang) })}
                </Link>
                <Link className="button button-secondary"
                      to={`/sammenligning?kommune=${finished.municipality}`}>
                  {t("import.toCompare")}
                </Link>
                <button type="button" className="button-link" onClick={() => { reset(); setFile(null); if (fileRef.current) fileRef.current.value = ""; }}>
                  {t("import.another")}
                </button>
              </p>
            </section>
          ) : null}

          {finished && finished.state === "failed" ? <ImportErrors job={finished} /> : null}
        </div>
        <FormatHelp />
      </div>
    </div>
  );
}
