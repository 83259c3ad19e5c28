// What the HR export must look like (the standard profile, docs/import-format.md and
// data/profiles/standard.json): a short help box with the columns, which are required, and an
// example value each. The column names are the file's own headers, the same in both languages.
import { useT } from "../../i18n";

/** Fields in the order of docs/import-format.md; `required` as there ("either" = code or title). */
const fields: { field: string; required: "yes" | "either" | "no" }[] = [
  { field: "employee_id", required: "yes" },
  { field: "unit", required: "yes" },
  { field: "position_code", required: "either" },
  { field: "position_title", required: "either" },
  { field: "position_percent", required: "yes" },
  { field: "birth_year", required: "yes" },
  { field: "gender", required: "yes" },
  { field: "position_number", required: "no" },
  { field: "start_date", required: "no" },
  { field: "employment_type", required: "no" },
  { field: "education_level", required: "no" },
  { field: "relevant_education", required: "no" },
  { field: "further_education_credits", required: "no" },
  { field: "certifications", required: "no" },
];

export function FormatHelp() {
  const t = useT();
  return (
    <aside className="panel import-help" aria-labelledby="import-help-title">
      <h2 id="import-help-title">{t("import.help.title")}</h2>
      <p>{t("import.help.intro")}</p>
      <ul className="import-help-list">
        <li>{t("import.help.fileTypes")}</li>
        <li>{t("import.help.header")}</li>
        <li>{t("import.help.allOrNothing")}</li>
        <li><strong>{t("import.help.personalData")}</strong></li>
      </ul>
      <details className="import-help-columns">
        <summary>{t("import.help.showColumns")}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("import.help.columnsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("import.help.col.header")}</th>
                <th scope="col">{t("import.help.col.required")}</th>
                <th scope="col">{t("import.help.col.example")}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map(({ field, required }) => (
                <tr key={field}>
                  <th scope="row"><code>{t(`import.help.field.${field}`)}</code></th>
                  <td>{t(`import.help.required.${required}`)}</td>
                  <td>{t(`import.help.example.${field}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="import-help-note">{t("import.help.aliases")}</p>
      </details>
    </aside>
  );
}
