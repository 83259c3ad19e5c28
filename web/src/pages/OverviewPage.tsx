// The overview of one municipality or node (CONTRACT.md "Overview"): headline figures, age,
// position size, retirements, the category table and the drill-down to sectors and units.
// The URL holds the state: ?kommune=1841&node=1841/HO&kategori=a,b&dato=YYYY-MM-DD.
import { useEffect, useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { ApiError } from "../api/client";
import { useApi } from "../api/useApi";
import type { CategoryList, IndicatorRow, IndicatorTable, MunicipalityList, SnapshotList, Tree } from "../api/types";
import { DataTable, type Column } from "../components/DataTable";
import { ErrorMessage } from "../components/ErrorMessage";
import { ExportLinks } from "../components/ExportLinks";
import { KpiCard, KpiGrid } from "../components/KpiCard";
import { Loading } from "../components/Loading";
import { SuppressionNote } from "../components/SuppressionNote";
import { formatDate, formatInteger } from "../format";
import { useLang, useT } from "../i18n";
import { indicatorColumns } from "../indicatorColumns";
import { indicatorKinds, indicatorValue, type IndicatorName } from "../indicators";
import { useSession } from "../session";
import { readableSearch } from "../url";
import { AgePyramidChart, PositionSizeChart, RetirementsChart } from "./overview/OverviewCharts";
import { CategoryFilter } from "./overview/CategoryFilter";
import { rowsWithhold } from "./overview/figures";
import { crumbs, nodeLevel, treeMunicipalityName, unitLeaderMayOpen } from "./overview/scope";

const kpis: { name: IndicatorName; testId: string; attention?: boolean }[] = [
  { name: "persons", testId: "kpi-persons" },
  { name: "positions", testId: "kpi-positions" },
  { name: "fte", testId: "kpi-fte" },
  { name: "average_age", testId: "kpi-average-age" },
  { name: "aged_50_plus", testId: "kpi-aged-50-plus", attention: true },
  { name: "part_time", testId: "kpi-part-time", attention: true },
  { name: "unskilled", testId: "kpi-unskilled", attention: true },
  { name: "average_position_percent", testId: "kpi-average-position-percent" },
  { name: "retirements_5", testId: "kpi-retirements-5", attention: true },
  { name: "retirements_10", testId: "kpi-retirements-10", attention: true },
];

function isNumberPath(value: string | null): value is string {
  return value !== null && /^[0-9]{4}$/.test(value);
}

export default function OverviewPage() {
  const t = useT();
  const [lang] = useLang();
  const { user, role } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setParams = (next: URLSearchParams, options?: { replace?: boolean }) =>
    navigate(`/oversikt${readableSearch(next)}`, options);

  const municipalities = useApi<MunicipalityList>("/municipalities");
  const categories = useApi<CategoryList>("/categories");

  // ---- the scope from the URL, with the user's defaults -----------------------------------------
  const kommuneParam = params.get("kommune");
  const defaultMunicipality = user?.municipality ?? municipalities.data?.municipalities[0]?.number ?? null;
  const municipality = isNumberPath(kommuneParam) ? kommuneParam : null;
  const nodeParam = params.get("node");
  const node = municipality && nodeParam && nodeParam.startsWith(municipality + "/") ? nodeParam : null;
  const selectedCategories = useMemo(
    () => (params.get("kategori") ?? "").split(",").map((key) => key.trim()).filter(Boolean),
    [params],
  );
  const date = params.get("dato") && /^\d{4}-\d{2}-\d{2}$/.test(params.get("dato")!) ? params.get("dato") : null;
  const units = user?.units ?? [];

  // Fill in the defaults once known, so the URL always says what the page shows.
  // A unit leader sees only their units: without a node, the page opens their (first) unit.
  useEffect(() => {
    const leaderNeedsNode = role === "unit_leader" && units[0] !== undefined && !node;
    if ((municipality && !leaderNeedsNode) || !defaultMunicipality) return;
    const next = new URLSearchParams(params);
    if (!municipality) next.set("kommune", defaultMunicipality);
    if (leaderNeedsNode && (!municipality || units[0].startsWith(municipality + "/"))) next.set("node", units[0]);
    setParams(next, { replace: true });
  }, [municipality, defaultMunicipality, node]); // eslint-disable-line react-hooks/exhaustive-deps

  const scopeNode = node ?? municipality;
  const level = scopeNode ? nodeLevel(scopeNode) : "municipality";
  const categoryQuery = selectedCategories.length > 0 ? selectedCategories.join(",") : undefined;
  const baseQuery = municipality
    ? { municipality, node: node ?? undefined, category: categoryQuery, date: date ?? undefined }
    : null;

  const tree = useApi<Tree>(municipality ? `/municipalities/${municipality}/tree` : null);
  const snapshots = useApi<SnapshotList>(municipality ? `/municipalities/${municipality}/snapshots` : null);
  const main = useApi<IndicatorTable>(baseQuery ? "/indicators" : null, baseQuery ? { ...baseQuery, by: "category" } : undefined);
  const childBy = level === "municipality" ? "sector" : level === "sector" ? "unit" : null;
  const children = useApi<IndicatorTable>(baseQuery && childBy ? "/indicators" : null,
                                           baseQuery && childBy ? { ...baseQuery, by: childBy } : undefined);

  // ---- names ----------------------------------------------------------------------------------
  const municipalityName =
    municipalities.data?.municipalities.find((m) => m.number === municipality)?.name ??
    treeMunicipalityName(tree.data) ??
    (main.data?.scope.kind === "municipality" ? main.data.scope.name : null) ??
    municipality ?? "";
  const path = municipality ? crumbs(municipality, municipalityName, node, tree.data) : [];
  const current = path[path.length - 1];
  const scopeTitle = !current ? "" : current.level === "municipality"
    ? t("overview.municipalityName", { name: municipalityName }) : current.name;

  useEffect(() => {
    document.title = scopeTitle ? `${scopeTitle} – ${t("app.name")}` : t("app.name");
  }, [scopeTitle, t]);

  const categoryName = useMemo(() => {
    const names = new Map<string, string>();
    for (const category of categories.data?.categories ?? []) {
      names.set(category.key, lang === "en" && category.name_en ? category.name_en : category.name);
    }
    return names;
  }, [categories.data, lang]);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(name);
      else next.set(name, value);
    }
    setParams(next);
  }

  function nodeLink(target: string): string {
    const next = new URLSearchParams(params);
    if (municipality && target !== municipality) next.set("node", target);
    else next.delete("node");
    return `/oversikt${readableSearch(next)}`;
  }

  // ---- states without figures -----------------------------------------------------------------
  if (!municipality) {
    if (municipalities.error) return <ErrorMessage error={municipalities.error} onRetry={municipalities.reload} />;
    if (municipalities.loading || defaultMunicipality) return <Loading />;
    return (
      <section>
        <h1 data-testid="scope-title">{t("overview.title")}</h1>
        <p className="empty-state">{t("overview.noMunicipality")}</p>
      </section>
    );
  }

  const noSnapshot =
    (snapshots.data && snapshots.data.snapshots.length === 0) ||
    (main.error instanceof ApiError && main.error.code === "snapshot_not_found");
  // A refused scope (403) or an unknown one (404): trying again will not help.
  const refused = main.error instanceof ApiError && (main.error.status === 403 || main.error.status === 404);
  const table = main.data;
  const total: IndicatorRow | undefined = table?.rows[0];
  const categoryRows = (table?.rows.slice(1) ?? []) as IndicatorRow[];
  const childRows = (children.data?.rows.slice(1) ?? []) as IndicatorRow[];
  const snapshotDate = table?.snapshots[0]?.date ?? null;
  const withheld = (table ? rowsWithhold(table.rows as IndicatorRow[]) : false) ||
                   (children.data ? rowsWithhold(children.data.rows as IndicatorRow[]) : false);
  const minGroup = table?.suppression.min_group ?? children.data?.suppression.min_group ?? 5;
  const snapshotList = [...(snapshots.data?.snapshots ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  const latest = snapshotList[0]?.date;
  const mayOpenNode = (target: string) => role !== "unit_leader" || unitLeaderMayOpen(units, target);
  const exportQuery = { ...baseQuery!, by: "category", lang };

  const categoryColumns: Column<IndicatorRow>[] = [
    {
      key: "category",
      header: t("overview.category"),
      rowHeader: true,
      sortable: true,
      cell: (row) => {
        const key = row.key.category;
        const name = key === null ? t("overview.total") : categoryName.get(key) ?? row.label ?? t("overview.uncategorised");
        return { content: name, sortValue: name };
      },
    },
    ...indicatorColumns<IndicatorRow>((row) => row.indicators, t, lang),
  ];

  const childColumns: Column<IndicatorRow>[] = [
    {
      key: "name",
      header: t("overview.childName"),
      rowHeader: true,
      sortable: true,
      cell: (row) => {
        const target = childNode(municipality, row);
        const name = childName(row, tree.data, t("overview.unknownSector"));
        const content = target && mayOpenNode(target) ? <Link to={nodeLink(target)}>{name}</Link> : name;
        return { content, sortValue: name };
      },
    },
    ...indicatorColumns<IndicatorRow>((row) => row.indicators, t, lang),
  ];

  return (
    <div className="overview">
      <nav className="breadcrumb" aria-label={t("overview.breadcrumb")} data-testid="breadcrumb">
        <ol>
          {path.map((crumb, index) => (
            <li key={crumb.node}>
              {index < path.length - 1 && mayOpenNode(crumb.node) ? (
                <Link to={nodeLink(crumb.node)}>{crumb.level === "municipality" ? t("overview.municipalityName", { name: crumb.name }) : crumb.name}</Link>
              ) : (
                <span aria-current={index === path.length - 1 ? "page" : undefined}>
                  {crumb.level === "municipality" ? t("overview.municipalityName", { name: crumb.name }) : crumb.name}
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <div className="page-head">
        <div>
          <h1 data-testid="scope-title">{scopeTitle}</h1>
          <p className="page-kicker">
            {current && current.level !== "municipality" ? <>{t("overview.municipalityName", { name: municipalityName })} · </> : null}
            {snapshotDate ? (
              <>
                {t("overview.snapshotDate")}{" "}
                <strong data-testid="snapshot-date" data-value={snapshotDate}>{formatDate(snapshotDate, lang)}</strong>
              </>
            ) : null}
          </p>
        </div>
        <div className="toolbar">
          {(municipalities.data?.municipalities.length ?? 0) > 1 ? (
            <div className="field">
              <label htmlFor="overview-municipality">{t("overview.chooseMunicipality")}</label>
              <select id="overview-municipality" value={municipality}
                      onChange={(e) => update({ kommune: e.target.value, node: null, dato: null })}>
                {municipalities.data!.municipalities.map((m) => (
                  <option key={m.number} value={m.number}>{m.name} ({m.number})</option>
                ))}
              </select>
            </div>
          ) : null}
          {snapshotList.length > 0 ? (
            <div className="field">
              <label htmlFor="overview-date">{t("overview.chooseDate")}</label>
              <select id="overview-date" data-testid="date-select" value={date ?? ""}
                      onChange={(e) => update({ dato: e.target.value === "" ? null : e.target.value })}>
                <option value="">{t("overview.latest", { date: formatDate(latest!, lang) })}</option>
                {snapshotList.slice(1).map((snapshot) => (
                  <option key={snapshot.date} value={snapshot.date}>{formatDate(snapshot.date, lang)}</option>
                ))}
                {date && !snapshotList.some((s) => s.date === date) ? <option value={date}>{formatDate(date, lang)}</option> : null}
              </select>
            </div>
          ) : null}
        </div>
      </div>

      {refused ? null : (
        <CategoryFilter categories={categories.data?.categories ?? []} selected={selectedCategories}
                        onChange={(keys) => update({ kategori: keys.length > 0 ? keys.join(",") : null })} />
      )}

      {noSnapshot ? (
        <div className="empty-state">
          <p>{t("overview.noSnapshots", { name: scopeTitle })}</p>
          {role === "hr" ? <p><Link to="/import">{t("overview.noSnapshotsHr")}</Link></p> : null}
        </div>
      ) : main.error ? (
        <>
          <ErrorMessage error={main.error} onRetry={refused ? undefined : main.reload} />
          {refused && defaultMunicipality && defaultMunicipality !== municipality ? (
            <p><Link to={`/oversikt?kommune=${defaultMunicipality}`}>{t("overview.toOwn")}</Link></p>
          ) : null}
        </>
      ) : !table || main.loading ? (
        <Loading />
      ) : (
        <>
          <SuppressionNote minGroup={minGroup} show={withheld} />
          {total?.indicators === null ? <p className="note note-attention">{t("overview.withheldScope")}</p> : null}

          <section aria-labelledby="kpi-heading">
            <h2 id="kpi-heading" className="visually-hidden">{t("overview.kpis")}</h2>
            <KpiGrid label={t("overview.kpis")}>
              {kpis.map((kpi) => {
                const value = indicatorValue(total?.indicators ?? null, kpi.name);
                const persons = total?.indicators?.persons;
                const isShare = indicatorKinds[kpi.name] === "share";
                return (
                  <KpiCard key={kpi.name} label={t(`indicator.${kpi.name}.long`)} value={value}
                           kind={indicatorKinds[kpi.name]} testId={kpi.testId}
                           description={t(`indicator.${kpi.name}.help`)}
                           tone={kpi.attention ? "attention" : "default"}
                           detail={isShare && value !== null && typeof value === "object" && "count" in value && persons !== undefined
                             ? t("overview.kpiShareDetail", { count: formatInteger(value.count, lang), total: formatInteger(value.total, lang) })
                             : undefined} />
                );
              })}
            </KpiGrid>
          </section>

          {total?.indicators ? (
            <div className="chart-row">
              <AgePyramidChart indicators={total.indicators} />
              <div className="chart-stack">
                <PositionSizeChart indicators={total.indicators} />
                <RetirementsChart indicators={total.indicators}
                                  snapshotYear={Number((snapshotDate ?? "2000").slice(0, 4))} />
              </div>
            </div>
          ) : null}

          <section className="panel" aria-labelledby="categories-heading">
            <div className="section-head">
              <h2 id="categories-heading">{t("overview.categories")}</h2>
              <ExportLinks query={exportQuery} />
            </div>
            <DataTable<IndicatorRow>
              testId="table-categories"
              caption={t("overview.categoriesCaption", { scope: scopeTitle, date: snapshotDate ? formatDate(snapshotDate, lang) : "" })}
              columns={categoryColumns}
              pinnedRows={total ? [total] : []}
              rows={categoryRows}
              rowKey={(row) => row.key.category ?? ""}
              rowAttrs={(row) => ({ "data-category": row.key.category ?? "" })}
            />
          </section>

          {childBy ? (
            <section className="panel" aria-labelledby="children-heading">
              <h2 id="children-heading">{childBy === "sector" ? t("overview.childrenSectors") : t("overview.childrenUnits")}</h2>
              {children.error ? (
                <ErrorMessage error={children.error} onRetry={children.reload} />
              ) : children.loading || !children.data ? (
                <Loading />
              ) : childRows.length === 0 ? (
                <p className="empty-state">{t("overview.childrenNone")}</p>
              ) : (
                <DataTable<IndicatorRow>
                  testId="table-children"
                  caption={t("overview.childrenCaption", {
                    level: childBy === "sector" ? t("overview.childrenSectors").toLowerCase() : t("overview.childrenUnits").toLowerCase(),
                    scope: scopeTitle,
                  })}
                  columns={childColumns}
                  rows={childRows}
                  rowKey={(row) => childNode(municipality, row) ?? row.label}
                  rowAttrs={(row) => ({ "data-node": childNode(municipality, row) ?? "" })}
                />
              )}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

/** A sector's or unit's name from the tree; else the last part of the API's label ("Fauske / Helse og omsorg"). */
function childName(row: IndicatorRow, tree: Tree | null, unplaced: string): string {
  const sector = tree?.sectors.find((s) => s.code === row.key.sector);
  const fromTree = row.key.unit ? sector?.units.find((u) => u.code === row.key.unit)?.name : sector?.name;
  const fromLabel = row.label.split(" / ").pop() || row.label;
  if (row.key.sector === "?") return `${unplaced} (${row.key.unit ?? fromLabel})`;
  return fromTree || fromLabel;
}

/** The node path of a sector or unit row ("1841/HO", "1841/HO/SH01"). */
function childNode(municipality: string, row: IndicatorRow): string | null {
  if (!row.key.sector) return null;
  return row.key.unit ? `${municipality}/${row.key.sector}/${row.key.unit}` : `${municipality}/${row.key.sector}`;
}
