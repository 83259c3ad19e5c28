// The forecast page (CONTRACT.md "Forecast", issue 6; route /fremskrivning): how many people each
// position category must recruit every year to 2050 and why, under levers for the seven factors
// of seed 004 (docs/forecast.md), with saved scenarios side by side and an Excel export.
// The URL holds scope, horizon, saved scenario and every lever that differs from where the view
// started (pages/forecast/levers.ts), so a view can be reloaded and shared. A lever that moves
// updates the figures without a page load: the request is debounced and the previous one
// aborted, the old figures stay (dimmed) until the new ones are in, and forecast-status says
// `ready` only when the figures on screen belong to the levers on screen.
import { useEffect, useMemo, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { API_BASE, ApiError } from "../api/client";
import { useApi } from "../api/useApi";
import type {
  Forecast, ForecastLevers, ForecastScenario, ForecastScenarioList, MunicipalityList, RegionList,
} from "../api/types";
import { DataTable, type Column } from "../components/DataTable";
import { ErrorMessage } from "../components/ErrorMessage";
import { KpiCard, KpiGrid } from "../components/KpiCard";
import { Loading } from "../components/Loading";
import { SuppressionNote } from "../components/SuppressionNote";
import { figureAttributes } from "../components/Figure";
import { formatDate, formatInteger, type FigureValue } from "../format";
import { useLang, useT } from "../i18n";
import { useSession } from "../session";
import { useCategories } from "./region/categories";
import { decompositionYears, ForecastLinesChart, WaterfallChart } from "./forecast/ForecastCharts";
import { groupNeedThrough, needThrough, yearOf } from "./forecast/figures";
import { LeverPanel } from "./forecast/LeverPanel";
import {
  apiQuery, applyOverrides, leverMap, milestones, overridesFrom, parseView, viewSearch,
  type ForecastView, type LeverMap, type Scope,
} from "./forecast/levers";
import { Scenarios } from "./forecast/Scenarios";
import { debounceMs, useForecast } from "./forecast/useForecast";
import "./forecast/forecast.css";

const horizons = [2030, 2035, 2040, 2050];
const scopeValue = (scope: Scope) => `${scope.kind}:${scope.id}`;

type GroupRow = { index: number; forecast: Forecast } | { index: -1; forecast: Forecast };

export default function ForecastPage() {
  const t = useT();
  const [lang] = useLang();
  const { user, role } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  // ---- the view: read from the URL, written back (levers debounced, so a dragged slider does not
  // flood the history) --------------------------------------------------------------------------
  const [view, setView] = useState<ForecastView>(() => parseView(new URLSearchParams(location.search)));
  const written = useRef(location.search);
  useEffect(() => {
    if (location.search === written.current) return;
    written.current = location.search;
    setView(parseView(new URLSearchParams(location.search)));
  }, [location.search]);
  const search = viewSearch(view);
  useEffect(() => {
    if (search === written.current) return;
    const timer = window.setTimeout(() => {
      written.current = search;
      navigate({ pathname: location.pathname, search }, { replace: true });
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  /** A new view now, as a new history entry (scope, horizon, a loaded scenario). */
  function go(next: ForecastView, replace = false) {
    const nextSearch = viewSearch(next);
    written.current = nextSearch;
    setView(next);
    navigate({ pathname: location.pathname, search: nextSearch }, { replace });
  }

  // ---- scope: the user's own by default --------------------------------------------------------
  const regions = useApi<RegionList>("/regions");
  const municipalities = useApi<MunicipalityList>("/municipalities");
  const ownRegion = role === "coordinator" ? user?.region ?? null
    : role === "hr" ? municipalities.data?.municipalities.find((m) => m.number === user?.municipality)?.region ?? user?.region ?? null
      : null;
  const defaultScope: Scope | null = role === "hr" && user?.municipality ? { kind: "municipality", id: user.municipality }
    : role === "coordinator" && user?.region ? { kind: "region", id: user.region }
      : regions.data?.regions[0] ? { kind: "region", id: regions.data.regions[0].id } : null;
  useEffect(() => {
    if (!view.scope && defaultScope) go({ ...view, scope: defaultScope }, true);
  }, [view.scope, defaultScope?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const scope = view.scope;
  const municipalityName = (number: string) => municipalities.data?.municipalities.find((m) => m.number === number)?.name;
  const regionName = (id: string) => regions.data?.regions.find((r) => r.id === id)?.name;
  const scopeChoices = useMemo(() => {
    const regionList = regions.data?.regions ?? [];
    const municipalityList = municipalities.data?.municipalities ?? [];
    const nameOf = (number: string) => municipalityList.find((m) => m.number === number)?.name ?? number;
    if (role === "administrator") {
      return {
        regions: regionList.map((r) => ({ kind: "region" as const, id: r.id, name: r.name })),
        municipalities: municipalityList.map((m) => ({ kind: "municipality" as const, id: m.number, name: nameOf(m.number) })),
      };
    }
    if (role === "coordinator") {
      const own = regionList.find((r) => r.id === ownRegion);
      return {
        regions: own ? [{ kind: "region" as const, id: own.id, name: own.name }] : [],
        municipalities: (own?.members ?? []).map((number) => ({ kind: "municipality" as const, id: number, name: nameOf(number) })),
      };
    }
    const own = user?.municipality;
    const region = regionList.find((r) => r.id === ownRegion);
    return {
      regions: region ? [{ kind: "region" as const, id: region.id, name: region.name }] : [],
      municipalities: own ? [{ kind: "municipality" as const, id: own, name: nameOf(own) }] : [],
    };
  }, [regions.data, municipalities.data, role, ownRegion, user?.municipality]);

  // ---- levers, scenarios, the forecast ---------------------------------------------------------
  const definitions = useApi<ForecastLevers>("/forecast/levers");
  const scenarioQuery = scope ? { [scope.kind]: scope.id } : undefined;
  const scenarioList = useApi<ForecastScenarioList>(scope ? "/forecast/scenarios" : null, scenarioQuery);
  // While the list is asked for again (after a save or a delete) the old one stays on screen.
  const lastList = useRef<{ scope: string; list: ForecastScenarioList } | null>(null);
  const scopeKey = scope ? scopeValue(scope) : "";
  if (scenarioList.data) lastList.current = { scope: scopeKey, list: scenarioList.data };
  const scenarios = scenarioList.data ?? (lastList.current?.scope === scopeKey ? lastList.current.list : null);
  const query = scope ? apiQuery(view, lang) : null;
  const forecast = useForecast(query);
  const data = forecast.data;

  const defaults = useMemo(() => leverMap(definitions.data?.defaults), [definitions.data]);
  // A scenario just saved is on screen before the list that holds it is in again.
  const [justSaved, setJustSaved] = useState<ForecastScenario | null>(null);
  const loadedScenario = view.scenarioId === null ? null
    : scenarios?.scenarios.find((s) => s.id === view.scenarioId)
      ?? (justSaved?.id === view.scenarioId ? justSaved : null);
  // The levers the view starts from: the saved scenario's, or the defaults; the scenario's own
  // answer stands in until the list is in.
  // (A saved scenario's levers are read over the defaults, in case it does not list them all.)
  const base: LeverMap | null = !definitions.data ? null
    : view.scenarioId === null ? defaults
      : loadedScenario ? applyOverrides(defaults, leverMap(loadedScenario.levers))
        : data && data.scenario.id === view.scenarioId && forecast.ready && Object.keys(view.overrides).length === 0
          ? applyOverrides(defaults, leverMap(data.scenario.levers)) : null;
  const levers = useMemo(() => (base ? applyOverrides(base, view.overrides) : null), [base, view.overrides]);
  const changed = view.scenarioId !== null || Object.keys(view.overrides).length > 0;

  function setLevers(next: LeverMap) {
    if (base && view.scenarioId !== null) {
      const overrides = overridesFrom(next, base);
      if (overrides) {
        setView({ ...view, overrides });
        return;
      }
    }
    // Said relative to the defaults (and so without the saved scenario).
    setView({ ...view, scenarioId: null, overrides: overridesFrom(next, defaults) ?? next });
  }

  function chooseScope(value: string) {
    const [kind, id] = value.split(":");
    if (kind !== "municipality" && kind !== "region") return;
    // The levers stay; a saved scenario belongs to its scope, so it does not.
    const overrides = levers ? overridesFrom(levers, defaults) ?? view.overrides : view.overrides;
    go({ scope: { kind, id }, to: view.to, scenarioId: null, overrides });
  }

  function loadScenario(scenario: ForecastScenario) {
    go({ ...view, scenarioId: scenario.id, overrides: {} });
  }

  function onSaved(scenario: ForecastScenario) {
    setJustSaved(scenario);
    loadScenario(scenario);
  }

  function onDeleted(id: number) {
    if (view.scenarioId !== id) return;
    const overrides = levers ? overridesFrom(levers, defaults) ?? {} : {};
    go({ ...view, scenarioId: null, overrides }, true);
  }

  const leversToSave = levers ? overridesFrom(levers, defaults) ?? levers : {};
  const canSave = (role === "hr" && scope?.kind === "municipality" && scope.id === user?.municipality)
    || (role === "coordinator" && scope?.kind === "region" && scope.id === user?.region);

  // ---- names and titles --------------------------------------------------------------------
  const scopeName = !scope ? ""
    : scope.kind === "municipality"
      ? t("forecast.municipalityName", { name: municipalityName(scope.id) ?? data?.scope.label ?? scope.id })
      : regionName(scope.id) ?? data?.scope.label ?? scope.id;
  useEffect(() => {
    document.title = `${t("forecast.title")}${scopeName ? ` – ${scopeName}` : ""} – ${t("app.name")}`;
  }, [scopeName, t]);

  const categories = useCategories();
  const shiftCategories = useMemo(() => {
    const keys = data?.groups.map((group) => group.category).filter((key): key is string => !!key) ?? [];
    const list = keys.length > 0 ? keys : categories.categories.map((c) => c.key);
    return list.map((key) => ({ key, name: data?.groups.find((g) => g.category === key)?.label ?? categories.nameOf(key) }));
  }, [data, categories]);

  const [decompositionYear, setDecompositionYear] = useState(2040);
  const years = data ? decompositionYears(data, milestones) : [];
  const shownYear = years.includes(decompositionYear) ? decompositionYear : years[years.length - 1] ?? decompositionYear;

  const exportHref = scope ? `${API_BASE}/forecast/export?${apiQuery(view, lang, [["format", "xlsx"]])}` : undefined;
  const state = forecast.failed ? "error" : forecast.ready ? "ready" : "loading";
  const stale = forecast.ready ? "" : " is-stale";
  // A refused or unknown scope: trying again will not help.
  const refused = forecast.error instanceof ApiError && (forecast.error.status === 403 || forecast.error.status === 404);

  // ---- the page --------------------------------------------------------------------------
  if (!scope) {
    if (regions.error) return <ErrorMessage error={regions.error} onRetry={regions.reload} />;
    if (regions.loading || defaultScope) return <Loading />;
    return (
      <section>
        <h1>{t("forecast.title")}</h1>
        <p className="empty-state">{t("forecast.noScope")}</p>
      </section>
    );
  }

  // A link to a scenario that has since been deleted (or belongs to another scope).
  const scenarioMissing = view.scenarioId !== null && scenarioList.data !== null && !loadedScenario;
  const choicesCount = scopeChoices.regions.length + scopeChoices.municipalities.length;
  const inChoices = [...scopeChoices.regions, ...scopeChoices.municipalities].some((c) => scopeValue(c) === scopeValue(scope));

  return (
    <div className="page forecast-page">
      <div className="page-head">
        <div>
          <p className="page-overline">{t("forecast.title")}</p>
          <h1 data-testid="forecast-scope">{scopeName}</h1>
          <p className="page-kicker">
            {data ? (
              <>
                {t("forecast.baseYear")}{" "}
                <strong data-testid="forecast-base-year" data-value={String(data.base_year)}>{data.base_year}</strong>
                {data.snapshots.length === 1
                  ? <> · {t("forecast.snapshot", { date: formatDate(data.snapshots[0].date, lang) })}</>
                  : data.snapshots.length > 1 ? <> · {t("forecast.snapshots", { count: data.snapshots.length })}</> : null}
                {" · "}{t(`forecast.populationSource.${data.population_source}`)}
                {data.scenario.id !== null && data.scenario.id === view.scenarioId ? <> · {t("forecast.scenarioShown", { name: data.scenario.name })}</> : null}
              </>
            ) : "\u00a0"}
          </p>
        </div>
        <form className="toolbar" aria-label={t("forecast.choose")} onSubmit={(e) => e.preventDefault()}>
          {choicesCount > 1 ? (
            <div className="field">
              <label htmlFor="forecast-scope-select">{t("forecast.scope")}</label>
              <select id="forecast-scope-select" data-testid="forecast-scope-select" value={scopeValue(scope)}
                      onChange={(e) => chooseScope(e.target.value)}>
                {!inChoices ? <option value={scopeValue(scope)}>{scopeName}</option> : null}
                {scopeChoices.regions.length > 0 ? (
                  <optgroup label={t("forecast.scopeRegions")}>
                    {scopeChoices.regions.map((c) => <option key={c.id} value={scopeValue(c)}>{c.name}</option>)}
                  </optgroup>
                ) : null}
                {scopeChoices.municipalities.length > 0 ? (
                  <optgroup label={t("forecast.scopeMunicipalities")}>
                    {scopeChoices.municipalities.map((c) => <option key={c.id} value={scopeValue(c)}>{c.name}</option>)}
                  </optgroup>
                ) : null}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="forecast-horizon">{t("forecast.horizon")}</label>
            <select id="forecast-horizon" data-testid="forecast-horizon" value={view.to}
                    onChange={(e) => go({ ...view, to: Number(e.target.value) })}>
              {(horizons.includes(view.to) ? horizons : [...horizons, view.to].sort()).map((year) => (
                <option key={year} value={year}>{year}</option>
              ))}
            </select>
          </div>
          {exportHref ? (
            <a className="button button-secondary" download data-testid="forecast-export-xlsx" href={exportHref}>
              {t("forecast.exportXlsx")}
            </a>
          ) : null}
        </form>
      </div>

      <p className="forecast-status" data-testid="forecast-status" data-state={state} role="status" aria-live="polite">
        <span className={`status-dot status-${state}`} aria-hidden="true" />
        {t(`forecast.status.${state}`)}
      </p>

      {scenarioMissing ? (
        <div className="note note-attention" role="alert">
          <p>{t("forecast.scenarioMissing")}</p>
          <button type="button" className="button button-secondary"
                  onClick={() => go({ ...view, scenarioId: null }, true)}>{t("forecast.scenarioMissingReset")}</button>
        </div>
      ) : null}

      {forecast.failed && !data ? (
        <ErrorMessage error={forecast.error} onRetry={refused ? undefined : forecast.reload} />
      ) : !data ? (
        <Loading label={t("forecast.computing")} />
      ) : (
        <div className="forecast-layout">
          {/* Headline, levers, then the rest: on a narrow screen the levers sit right under the
              figures they change. */}
          <div className={`forecast-headline${stale}`} aria-busy={!forecast.ready}>
            {forecast.failed ? <ErrorMessage error={forecast.error} onRetry={refused ? undefined : forecast.reload} /> : null}
            <Headline forecast={data} />
          </div>
          <div className={`forecast-figures${stale}`} aria-busy={!forecast.ready}>
            <SuppressionNote minGroup={data.min_group} show={data.groups.some((group) => group.withheld)} />
            {data.records_without_service > 0 ? (
              <p className="note note-attention">{t("forecast.withoutService", { count: formatInteger(data.records_without_service, lang) })}</p>
            ) : null}
            <ForecastLinesChart forecast={data} scopeName={scopeName} />
            <WaterfallChart forecast={data} year={shownYear} years={years} onYear={setDecompositionYear} />
            <GroupTable forecast={data} scopeName={scopeName} />
          </div>
          <div className="forecast-side">
            {definitions.error ? (
              <ErrorMessage error={definitions.error} onRetry={definitions.reload} />
            ) : !levers || !definitions.data ? (
              <Loading />
            ) : (
              <LeverPanel levers={levers} definitions={definitions.data} categories={shiftCategories}
                          onChange={setLevers} changed={changed}
                          onReset={() => setView({ ...view, scenarioId: null, overrides: {} })} />
            )}
          </div>
        </div>
      )}

      <Scenarios scope={scope} scopeName={scopeName} list={scenarios} listError={scenarioList.error}
                 reloadList={scenarioList.reload} leversToSave={leversToSave} canSave={canSave}
                 loadedId={view.scenarioId} onLoad={loadScenario} onSaved={onSaved} onDeleted={onDeleted}
                 current={forecast.ready ? data : null} currentReady={forecast.ready} to={view.to} milestones={milestones} />
    </div>
  );
}

function Headline({ forecast }: { forecast: Forecast }) {
  const t = useT();
  const persons = (year: number): FigureValue => {
    const through = needThrough(forecast, year);
    return through ? through.need_persons : { undefined: true };
  };
  const fte2040 = needThrough(forecast, 2040);
  const y2040 = yearOf(forecast, 2040);
  const ratio: FigureValue = y2040?.support_ratio ?? { undefined: true };
  const youth: FigureValue = y2040 && y2040.youth_cohort_share !== null ? y2040.youth_cohort_share * 100 : { undefined: true };
  const from = forecast.base_year + 1;
  return (
    <section aria-labelledby="forecast-kpi-heading">
      <h2 id="forecast-kpi-heading" className="visually-hidden">{t("forecast.kpis")}</h2>
      <KpiGrid label={t("forecast.kpis")}>
        {milestones.map((year) => (
          <KpiCard key={year} label={t("forecast.kpiNeed", { year })} value={persons(year)} kind="average"
                   testId={`forecast-need-${year}`} tone={year === 2040 ? "attention" : "default"}
                   description={t("forecast.kpiNeedHelp", { from, year })} />
        ))}
        <KpiCard label={t("forecast.kpiNeedFte")} value={fte2040 ? fte2040.need_fte : { undefined: true }} kind="fte"
                 testId="forecast-need-fte-2040" description={t("forecast.kpiNeedFteHelp", { from })} />
        <KpiCard label={t("forecast.kpiSupportRatio")} value={ratio} kind="average" testId="forecast-support-ratio-2040"
                 description={t("forecast.kpiSupportRatioHelp")} />
        <KpiCard label={t("forecast.kpiYouthShare")} value={youth} kind="percent" testId="forecast-youth-share-2040"
                 description={t("forecast.kpiYouthShareHelp")} />
      </KpiGrid>
    </section>
  );
}

function GroupTable({ forecast, scopeName }: { forecast: Forecast; scopeName: string }) {
  const t = useT();
  const [lang] = useLang();
  const rows: GroupRow[] = forecast.groups.map((_, index) => ({ index, forecast }));
  const total: GroupRow = { index: -1, forecast };

  const need = (row: GroupRow, year: number): number | null | undefined => {
    if (row.index === -1) {
      const through = needThrough(forecast, year);
      return through ? through.need_persons : undefined;
    }
    return groupNeedThrough(forecast, row.index, year);
  };

  const columns: Column<GroupRow>[] = [
    {
      key: "group",
      header: t("forecast.group"),
      rowHeader: true,
      sortable: true,
      cell: (row) => {
        const name = row.index === -1 ? t("forecast.total") : forecast.groups[row.index].label;
        return { content: name, sortValue: name };
      },
    },
    {
      key: "base_persons",
      header: t("forecast.basePersons", { year: forecast.base_year }),
      numeric: true,
      sortable: true,
      cell: (row) => {
        const value = row.index === -1
          ? forecast.groups.every((g) => g.base_persons !== null) ? forecast.groups.reduce((sum, g) => sum + (g.base_persons ?? 0), 0) : undefined
          : forecast.groups[row.index].base_persons;
        if (value === undefined) return { content: "–", attrs: { "data-field": "base_persons", "data-value": "" } };
        const shown = figureAttributes(value, "integer", lang);
        return { content: shown.text, attrs: { "data-field": "base_persons", ...shown.attrs }, sortValue: value };
      },
    },
    ...milestones.map<Column<GroupRow>>((year) => ({
      key: `need_${year}`,
      header: t("forecast.through", { year }),
      numeric: true,
      sortable: true,
      cell: (row) => {
        const value = need(row, year);
        if (value === undefined) return { content: "–", attrs: { "data-field": `need_${year}`, "data-value": "" } };
        const shown = figureAttributes(value, "average", lang);
        return { content: shown.text, attrs: { "data-field": `need_${year}`, ...shown.attrs }, sortValue: value };
      },
    })),
  ];

  return (
    <section className="panel" aria-labelledby="forecast-groups-heading">
      <h2 id="forecast-groups-heading">{t("forecast.groupsTitle")}</h2>
      <p className="panel-description">{t("forecast.groupsHelp", { from: forecast.base_year + 1 })}</p>
      <DataTable<GroupRow>
        testId="table-forecast-groups"
        caption={t("forecast.groupsCaption", { scope: scopeName })}
        columns={columns}
        rows={rows}
        pinnedRows={[total]}
        rowKey={(row) => (row.index === -1 ? "total" : String(row.index))}
        rowAttrs={(row) => row.index === -1 ? { "data-total": "true" }
          : { "data-group": forecast.groups[row.index].category ?? forecast.groups[row.index].service ?? "" }}
        initialSort={{ key: "need_2040", direction: "descending" }}
      />
    </section>
  );
}
