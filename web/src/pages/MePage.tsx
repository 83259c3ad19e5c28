// The "meg" page (CONTRACT.md, route /meg, employee only): the logged-in employee's own records
// as the municipality registered them (GET /api/v1/me/positions). One column per position and one
// row per field, so one or two positions read top to bottom like a form rather than a wide sheet.
import type { ReactNode } from "react";
import { useApi } from "../api/useApi";
import type { PositionList, PositionRecord } from "../api/types";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { formatDate, formatDecimal, formatInteger } from "../format";
import { useHasKey, useLang, useT } from "../i18n";
import { useSession } from "../session";
import { useCategories } from "./region/categories";

/**
 * The record as the server sends it. The API's field names have varied (`percent` and
 * `position_percent`, `employment` and `employment_type`, `education` and `education_level`), so
 * both are read.
 */
type Record_ = PositionRecord & {
  percent?: number;
  employment?: string;
  education?: string;
  unit?: string | { code?: string; name?: string };
};

type Field = { key: string; value: (record: Record_) => ReactNode };

export default function MePage() {
  const t = useT();
  const [lang] = useLang();
  const has = useHasKey();
  const { user } = useSession();
  const { nameOf } = useCategories();
  const { data, error, loading, reload } = useApi<PositionList>("/me/positions");

  /** A coded value in words ("me.education.bachelor"), or the code itself if the catalogue lacks it. */
  const coded = (prefix: string, code: string | null | undefined) =>
    code ? (has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code) : t("me.notRegistered");

  const fields: Field[] = [
    {
      key: "unit",
      value: (r) => {
        const unit = r.unit ?? r.unit_code;
        if (!unit) return t("me.notRegistered");
        return typeof unit === "string" ? unit : unit.name || unit.code || t("me.notRegistered");
      },
    },
    { key: "title", value: (r) => r.position_title || r.position_code || t("me.notRegistered") },
    { key: "category", value: (r) => (r.category ? nameOf(r.category) : t("me.notRegistered")) },
    {
      key: "percent",
      value: (r) => {
        const percent = r.position_percent ?? r.percent;
        return percent === undefined ? t("me.notRegistered") : t("me.percentValue", { value: formatDecimal(percent, percent % 1 === 0 ? 0 : 2, lang) });
      },
    },
    { key: "employment", value: (r) => coded("me.employment", r.employment_type ?? r.employment) },
    { key: "startDate", value: (r) => (r.start_date ? formatDate(r.start_date, lang) : t("me.notRegistered")) },
    { key: "education", value: (r) => coded("me.education", r.education_level ?? r.education) },
    {
      key: "relevantEducation",
      value: (r) => (r.relevant_education === undefined ? t("me.notRegistered") : r.relevant_education ? t("me.yes") : t("me.no")),
    },
    {
      key: "furtherEducation",
      value: (r) => t("me.credits", { count: formatInteger(r.further_education_credits ?? 0, lang) }),
    },
    { key: "birthYear", value: (r) => (r.birth_year ? String(r.birth_year) : t("me.notRegistered")) },
    { key: "gender", value: (r) => coded("me.gender", r.gender) },
    { key: "employeeId", value: (r) => <code>{r.employee_id}</code> },
  ];

  let body;
  if (error) {
    body = <ErrorMessage error={error} onRetry={reload} />;
  } else if (loading || !data) {
    body = <Loading />;
  } else if (data.positions.length === 0) {
    body = <p className="empty-state" data-testid="me-empty">{data.date ? t("me.none", { date: formatDate(data.date, lang) }) : t("me.noSnapshot")}</p>;
  } else {
    const records = data.positions as Record_[];
    body = (
      <section className="panel" style={{ maxWidth: "52rem" }}>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("me.caption")}>
          <table className="data-table me-table" data-testid="table-me">
            <caption>
              {data.date ? t("me.captionDate", { date: formatDate(data.date, lang) }) : t("me.caption")}
            </caption>
            <thead>
              <tr>
                <td />
                {records.map((_, index) => (
                  <th key={index} scope="col">
                    {records.length === 1 ? t("me.position") : t("me.positionNumber", { number: index + 1 })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field.key} data-field={field.key}>
                  <th scope="row">{t(`me.field.${field.key}`)}</th>
                  {records.map((record, index) => <td key={index}>{field.value(record)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="panel-description me-correct">{t("me.correct")}</p>
      </section>
    );
  }

  return (
    <div className="page me-page">
      <div className="page-head">
        <div>
          <h1>{t("me.title")}</h1>
          <p className="page-kicker">{user ? t("me.kicker", { name: user.display_name || user.username }) : null}</p>
        </div>
      </div>
      <p style={{ maxWidth: "52rem" }}>{t("me.intro")}</p>
      {body}
    </div>
  );
}
