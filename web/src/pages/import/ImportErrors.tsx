// A refused import: says plainly that nothing was stored, lists the problems (data-testid=
// "import-errors": one tr per problem, td[data-field="row|column|value|reason"]) and links to the
// whole list as CSV (data-testid="import-errors-download").
import { apiUrl } from "../../api/client";
import type { ImportProblem, Job } from "../../api/types";
import { formatDate, formatInteger } from "../../format";
import { useLang, useT } from "../../i18n";

type Props = { job: Job };

export function ImportErrors({ job }: Props) {
  const t = useT();
  const [lang] = useLang();
  const report = job.report;
  const problems: ImportProblem[] = report?.errors ?? [];
  const total = report?.error_count ?? problems.length;

  /** The reason in the user's language: the job is read with ?lang=, and a message may carry both. */
  function reason(problem: ImportProblem): string {
    const message = problem.message;
    if (typeof message === "object" && message !== null) return message[lang];
    return message || problem.code;
  }

  const downloadHref = apiUrl(`/imports/${encodeURIComponent(String(job.id))}/errors`, { format: "csv", lang });

  return (
    <section className="panel import-result import-failed" aria-labelledby="import-failed-title">
      <h2 id="import-failed-title">{t("import.failedTitle")}</h2>
      <p className="import-nothing-stored"><strong>{t("import.nothingStored", { date: formatDate(job.date, lang) })}</strong></p>
      {job.error && problems.length === 0 ? (
        <p className="form-error">{job.error.message}</p>
      ) : null}
      {problems.length > 0 ? (
        <>
          <p>{t("import.problemCount", { count: formatInteger(total, lang), rows: formatInteger(report?.data_rows ?? 0, lang) })}</p>
          <p>{t("import.fixAndRetry")}</p>
          <p>
            <a className="button button-secondary" data-testid="import-errors-download" download href={downloadHref}>
              {t("import.downloadErrors", { count: formatInteger(total, lang) })}
            </a>
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("import.errorsCaption")}>
            <table className="data-table import-errors" data-testid="import-errors">
              <caption>
                {total > problems.length
                  ? t("import.errorsCaptionFirst", { shown: formatInteger(problems.length, lang), count: formatInteger(total, lang) })
                  : t("import.errorsCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t("import.col.row")}</th>
                  <th scope="col">{t("import.col.column")}</th>
                  <th scope="col">{t("import.col.value")}</th>
                  <th scope="col">{t("import.col.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((problem, index) => (
                  <tr key={index} data-code={problem.code}>
                    <td className="num" data-field="row" data-value={String(problem.row)}
                        title={problem.row === 0 ? t("import.wholeFile") : undefined}>
                      {problem.row}
                    </td>
                    <td data-field="column">{problem.column ?? ""}</td>
                    <td data-field="value" className="import-value">{problem.value ?? ""}</td>
                    <td data-field="reason" className="import-reason">{reason(problem)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
