// The region page (CONTRACT.md "Region", route /region?region=&kategori=&dato=): every member
// municipality side by side, one sortable column per indicator, small groups withheld as ":",
// a category filter, a chart of one chosen indicator per member and the export links.
// Data: GET /indicators?region=…&by=municipality[&category=…][&date=…]. The default region is
// the user's: a coordinator's own, the region of an HR user's municipality, an administrator's
// first. The query string is the state, so a link shows the same view.
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useApi } from "../api/useApi";
import type { IndicatorRow, IndicatorTable, MunicipalityList, RegionList } from "../api/types";
import { ErrorMessage } from "../components/ErrorMessage";
import { ExportLinks } from "../components/ExportLinks";
import { Loading } from "../components/Loading";
import { SuppressionNote } from "../components/SuppressionNote";
import { formatDate } from "../format";
import { indicatorValue, tableIndicators, type IndicatorName } from "../indicators";
import { useLang, useT } from "../i18n";
import { useSession } from "../session";
import { CategoryChecklist } from "./region/CategoryChecklist";
import { RegionChart } from "./region/RegionChart";
import { RegionTable } from "./region/RegionTable";
import { useCategories } from "./region/categories";
import "./region/region.css";

/** The columns shown first: the figures of CONTRACT.md's category table and the retirements. */
const mainIndicators: IndicatorName[] = [
  "persons", "positions", "fte", "average_age", "aged_50_plus", "part_time", "unskilled",
  "average_position_percent", "retirements_5", "retirements_10",
];
const allIndicators: IndicatorName[] = [
  ...mainIndicators, ...tableIndicators.filter((name) => !mainIndicators.includes(name)),
];

export default function RegionPage() {
  const t = useT();
  const [lang] = useLang();
  const { user, role } = useSession();
  const [params, setParams] = useSearchParams();
  const categoryNames = useCategories();
  const [showAll, setShowAll] = useState(false);
  const [chosen, setChosen] = useState<IndicatorName>("aged_50_plus");

  const regions = useApi<RegionList>("/regions");
  const municipalities = useApi<MunicipalityList>(role === "hr" ? "/municipalities" : null);
  const ownMunicipality = municipalities.data?.municipalities.find((m) => m.number === user?.municipality);
  const ownRegion = role === "coordinator" ? user?.region ?? null
    : role === "hr" ? ownMunicipality?.region ?? null
      : null;
  const region = params.get("region")
    ?? ownRegion
    ?? (role === "administrator" ? regions.data?.regions[0]?.id ?? null : null);
  // Only an administrator may look at any region; the others see their own in the list.
  const regionChoices = (regions.data?.regions ?? []).filter((r) => role === "administrator" || r.id === region);

  const selected = (params.get("kategori") ?? "").split(",").filter(Boolean);
  const date = params.get("dato");
  const query = { region, by: "municipality", category: selected, date };
  const table = useApi<IndicatorTable>(region ? "/indicators" : null, query);

  function setParam(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value === null || value === "") next.delete(name);
    else next.set(name, value);
    setParams(next);
  }

  const indicators = showAll ? allIndicators : mainIndicators;
  const data = table.data;
  const rows = (data?.rows ?? []) as IndicatorRow[];
  const snapshotDates = [...new Set((data?.snapshots ?? []).map((s) => s.date))].sort();
  const oneDate = snapshotDates.length === 1 ? snapshotDates[0] : null;
  const withheld = useMemo(() => rows.some((row) =>
    row.suppressed || indicators.some((name) => indicatorValue(row.indicators, name) === null)),
  [rows, indicators]);
  const regionName = data?.scope.name ?? regions.data?.regions.find((r) => r.id === region)?.name ?? region ?? "";
  const memberCount = rows.filter((row) => row.key.municipality !== null).length;

  const overviewQuery = new URLSearchParams();
  if (selected.length > 0) overviewQuery.set("kategori", selected.join(","));
  if (date) overviewQuery.set("dato", date);

  const waitingForRegion = region === null && (regions.loading || municipalities.loading);

  let body;
  if (waitingForRegion) {
    body = <Loading />;
  } else if (region === null) {
    body = <p className="empty-state">{t("region.noRegion")}</p>;
  } else if (table.error) {
    body = <ErrorMessage error={table.error} onRetry={table.reload} />;
  } else if (!data) {
    body = <Loading />;
  } else {
    const caption = oneDate
      ? t("region.caption", { name: regionName, date: formatDate(oneDate, lang) })
      : t("region.captionMixed", { name: regionName });
    body = (
      <>
        <SuppressionNote minGroup={data.suppression.min_group} show={withheld} />
        <section className="panel" aria-labelledby="region-table-title">
          <div className="section-head">
            <h2 id="region-table-title">{t("region.tableTitle")}</h2>
            <ExportLinks query={query} />
          </div>
          <p className="panel-description">{t("region.tableHelp")}</p>
          <label className="region-show-all">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            {t("region.showAll", { count: allIndicators.length })}
          </label>
          <RegionTable table={data} indicators={indicators} caption={caption} overviewQuery={overviewQuery}
                       showDates={!oneDate} />
        </section>
        <RegionChart table={data} indicators={allIndicators} chosen={chosen} onChoose={setChosen} />
      </>
    );
  }

  return (
    <div className="page region-page">
      <div className="page-head">
        <div>
          <h1>{region ? t("region.title", { name: regionName }) : t("nav.region")}</h1>
          {data ? (
            <p className="page-kicker">
              {oneDate
                ? t("region.kicker", { count: memberCount, date: formatDate(oneDate, lang) })
                : t("region.kickerMixed", { count: memberCount })}
            </p>
          ) : null}
        </div>
        <form className="toolbar" aria-label={t("region.choose")} onSubmit={(e) => e.preventDefault()}>
          {regionChoices.length > 1 ? (
            <div className="field">
              <label htmlFor="region-choice">{t("region.region")}</label>
              <select id="region-choice" value={region ?? ""} onChange={(e) => setParam("region", e.target.value)}>
                {regionChoices.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="region-date">{t("region.date")}</label>
            <input id="region-date" type="date" value={date ?? ""} aria-describedby="region-date-help"
                   onChange={(e) => setParam("dato", e.target.value)} />
            <span id="region-date-help" className="field-help">{t("region.dateHelp")}</span>
          </div>
          {date ? (
            <button type="button" className="button button-secondary region-latest" onClick={() => setParam("dato", null)}>
              {t("region.latest")}
            </button>
          ) : null}
        </form>
      </div>
      {region !== null ? (
        <CategoryChecklist categoryNames={categoryNames} selected={selected}
                           onChange={(next) => setParam("kategori", next.join(","))} />
      ) : null}
      {selected.length > 0 ? (
        <p className="region-filter-active">
          {t("region.filterActive", { categories: selected.map((key) => categoryNames.nameOf(key)).join(", ") })}
        </p>
      ) : null}
      {body}
    </div>
  );
}
