// Download links for the table on screen (the same scope, node, categories and date) as XLSX and CSV.
import { apiUrl, type Query } from "../api/client";
import { useT } from "../i18n";

export function ExportLinks({ query }: { query: Query }) {
  const t = useT();
  return (
    <div className="export-links" role="group" aria-label={t("export.label")}>
      <span className="export-label">{t("export.label")}</span>
      <a className="button button-secondary" download data-testid="export-xlsx"
         href={apiUrl("/indicators/export", { ...query, format: "xlsx" })}>{t("export.xlsx")}</a>
      <a className="button button-secondary" download data-testid="export-csv"
         href={apiUrl("/indicators/export", { ...query, format: "csv" })}>{t("export.csv")}</a>
    </div>
  );
}
