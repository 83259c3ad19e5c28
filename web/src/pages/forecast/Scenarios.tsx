// Saved scenarios of the scope on screen: save the levers on screen by name (hr for its
// municipality, a coordinator for its region), list them, load one, delete one after a confirm,
// and mark some to compare with the levers on screen (table-scenario-compare and
// chart-scenario-compare: the cumulative need in persons per milestone, one GET /forecast each).
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { ApiError, getJson, sendJson } from "../../api/client";
import type { Forecast, ForecastScenario, ForecastScenarioInput, ForecastScenarioList } from "../../api/types";
import type { ChartOption } from "../../charts";
import { forecastColors } from "../../chartsForecast";
import { ChartWithTable } from "../../components/ChartWithTable";
import { ErrorMessage } from "../../components/ErrorMessage";
import { figureAttributes } from "../../components/Figure";
import { formatDate, formatDecimal, formatInteger } from "../../format";
import { useLang, useT } from "../../i18n";
import { needThrough } from "./figures";
import type { LeverMap, Scope } from "./levers";

type Props = {
  scope: Scope;
  scopeName: string;
  list: ForecastScenarioList | null;
  listError: unknown;
  reloadList: () => void;
  /** The levers on screen, as they would be saved (those that differ from the defaults). */
  leversToSave: LeverMap;
  canSave: boolean;
  loadedId: number | null;
  onLoad: (scenario: ForecastScenario) => void;
  onSaved: (scenario: ForecastScenario) => void;
  onDeleted: (id: number) => void;
  current: Forecast | null;
  currentReady: boolean;
  to: number;
  milestones: readonly number[];
};

type Compared = Record<number, { forecast: Forecast | null; error: unknown }>;

export function Scenarios(props: Props) {
  const { scope, list, canSave, loadedId, milestones } = props;
  const t = useT();
  const [lang] = useLang();
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [marked, setMarked] = useState<number[]>([]);
  const [compared, setCompared] = useState<Compared>({});

  const scenarios = list?.scenarios ?? [];
  const scopeKey = `${scope.kind}:${scope.id}`;

  // A new scope has other scenarios: nothing stays marked.
  useEffect(() => {
    setMarked([]);
    setCompared({});
  }, [scopeKey]);

  // One forecast per marked scenario (same scope and horizon), kept until unmarked.
  useEffect(() => {
    const controller = new AbortController();
    for (const id of marked) {
      if (compared[id]) continue;
      getJson<Forecast>(`/forecast?${scope.kind}=${encodeURIComponent(scope.id)}&to=${props.to}&scenario=${id}&lang=${lang}`,
                        undefined, { signal: controller.signal })
        .then((forecast) => setCompared((old) => ({ ...old, [id]: { forecast, error: null } })))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setCompared((old) => ({ ...old, [id]: { forecast: null, error } }));
        });
    }
    return () => controller.abort();
  }, [marked, scopeKey, props.to, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  // A changed horizon or language asks again.
  useEffect(() => setCompared({}), [props.to, lang]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    const body: ForecastScenarioInput = { name: trimmed, levers: props.leversToSave };
    if (scope.kind === "municipality") body.municipality = scope.id;
    else body.region = scope.id;
    try {
      const scenario = await sendJson<ForecastScenario>("POST", "/forecast/scenarios", body);
      setName("");
      setSaved(scenario.name);
      props.reloadList();
      props.onSaved(scenario);
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  }

  async function remove(scenario: ForecastScenario) {
    if (!window.confirm(t("forecast.scenarioDeleteConfirm", { name: scenario.name }))) return;
    setDeleteError(null);
    try {
      await sendJson<void>("DELETE", `/forecast/scenarios/${scenario.id}`);
      setMarked((old) => old.filter((id) => id !== scenario.id));
      props.onDeleted(scenario.id);
      props.reloadList();
    } catch (error) {
      setDeleteError(error);
    }
  }

  function toggle(id: number, checked: boolean) {
    setMarked((old) => (checked ? [...old.filter((x) => x !== id), id] : old.filter((x) => x !== id)));
  }

  const nameTaken = saveError instanceof ApiError && saveError.code === "scenario_name_taken";

  return (
    <section className="panel scenario-panel" aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">{t("forecast.scenariosTitle")}</h2>
      <p className="panel-description">{t("forecast.scenariosHelp", { scope: props.scopeName })}</p>

      {canSave ? (
        <form className="scenario-save" onSubmit={save}>
          <div className="field">
            <label htmlFor="scenario-name">{t("forecast.scenarioName")}</label>
            <input id="scenario-name" type="text" data-testid="scenario-name" maxLength={80} value={name}
                   aria-invalid={nameTaken ? true : undefined} aria-describedby={saveError ? "scenario-save-error" : undefined}
                   onChange={(e) => { setName(e.target.value); setSaveError(null); setSaved(null); }} />
          </div>
          <button type="submit" className="button button-primary" data-testid="scenario-save" disabled={saving || name.trim() === ""}>
            {saving ? t("forecast.scenarioSaving") : t("forecast.scenarioSave")}
          </button>
        </form>
      ) : (
        <p className="scenario-readonly">{t("forecast.scenarioReadOnly")}</p>
      )}
      {saveError ? (
        nameTaken ? (
          <p id="scenario-save-error" className="form-error" role="alert" data-testid="scenario-error">
            {t("forecast.scenarioNameTaken", { name: name.trim() })}
          </p>
        ) : <ErrorMessage error={saveError} />
      ) : null}
      {saved ? <p className="scenario-saved" role="status">{t("forecast.scenarioSaved", { name: saved })}</p> : null}
      {deleteError ? <ErrorMessage error={deleteError} /> : null}

      {props.listError ? (
        <ErrorMessage error={props.listError} onRetry={props.reloadList} />
      ) : scenarios.length === 0 ? (
        <p className="scenario-empty" data-testid="scenario-list-empty">{list ? t("forecast.scenarioNone") : t("loading")}</p>
      ) : null}
      <ul className="scenario-list" data-testid="scenario-list" hidden={scenarios.length === 0}>
        {scenarios.map((scenario) => (
          <li key={scenario.id} data-scenario-id={scenario.id} className={scenario.id === loadedId ? "is-loaded" : undefined}>
            <label className="scenario-mark">
              <input type="checkbox" data-testid="scenario-compare" checked={marked.includes(scenario.id)}
                     onChange={(e) => toggle(scenario.id, e.target.checked)}
                     aria-label={t("forecast.scenarioCompareLabel", { name: scenario.name })} />
              <span className="scenario-name">{scenario.name}</span>
            </label>
            <span className="scenario-meta">
              {scenario.id === loadedId ? <strong>{t("forecast.scenarioOnScreen")} · </strong> : null}
              {t("forecast.scenarioBy", { user: scenario.created_by, date: formatDate(scenario.updated_at.slice(0, 10), lang) })}
            </span>
            <span className="scenario-actions">
              <button type="button" className="button button-secondary" data-testid="scenario-load"
                      aria-label={t("forecast.scenarioLoadLabel", { name: scenario.name })} onClick={() => props.onLoad(scenario)}>
                {t("forecast.scenarioLoad")}
              </button>
              {canSave ? (
                <button type="button" className="button button-secondary" data-testid="scenario-delete"
                        aria-label={t("forecast.scenarioDeleteLabel", { name: scenario.name })} onClick={() => remove(scenario)}>
                  {t("forecast.scenarioDelete")}
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>

      <ScenarioCompare scenarios={scenarios} marked={marked} compared={compared} current={props.current}
                       currentReady={props.currentReady} milestones={milestones} />
    </section>
  );
}

type CompareProps = {
  scenarios: ForecastScenario[];
  marked: number[];
  compared: Compared;
  current: Forecast | null;
  currentReady: boolean;
  milestones: readonly number[];
};

function ScenarioCompare({ scenarios, marked, compared, current, currentReady, milestones }: CompareProps) {
  const t = useT();
  const [lang] = useLang();
  const rows = useMemo(() => [
    ...marked.map((id) => ({
      key: String(id),
      name: scenarios.find((s) => s.id === id)?.name ?? `#${id}`,
      forecast: compared[id]?.forecast ?? null,
      error: compared[id]?.error ?? null,
    })),
    { key: "current", name: t("forecast.compareCurrent"), forecast: current, error: null },
  ], [marked, scenarios, compared, current, t]);

  const option = useMemo<ChartOption | null>(() => {
    if (marked.length === 0 || rows.some((row) => !row.forecast)) return null;
    return {
      aria: { enabled: true },
      animation: false,
      textStyle: { fontFamily: "inherit", color: "#1b2631" },
      color: forecastColors.scenarios,
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 valueFormatter: (value: unknown) => (typeof value === "number" ? formatDecimal(value, 1, lang) : "") },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: milestones.map((year) => t("forecast.through", { year })) },
      yAxis: { type: "value", name: t("forecast.needPersons"), nameTextStyle: { align: "left" },
               axisLabel: { formatter: (v: number) => formatInteger(v, lang) } },
      series: rows.map((row) => ({
        name: row.name,
        type: "bar",
        data: milestones.map((year) => needThrough(row.forecast!, year)?.need_persons ?? null),
      })),
    };
  }, [rows, marked.length, milestones, lang, t]);

  const table = (
    <div className="table-scroll">
      <table className="data-table" data-testid="table-scenario-compare">
        <caption>{t("forecast.compareCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("forecast.scenario")}</th>
            {milestones.map((year) => <th key={year} scope="col" className="num">{t("forecast.through", { year })}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-scenario={row.key} className={row.key === "current" ? "row-pinned" : undefined}>
              <th scope="row">{row.name}</th>
              {milestones.map((year) => {
                const field = `need_${year}`;
                // Not in yet: no data-value, so nothing reads a placeholder as a figure.
                if (row.error) return <td key={year} className="num" data-field={field}>{t("forecast.compareFailed")}</td>;
                if (!row.forecast || (row.key === "current" && !currentReady)) {
                  return <td key={year} className="num" data-field={field} aria-busy="true">…</td>;
                }
                const through = needThrough(row.forecast, year);
                if (!through) return <td key={year} className="num" data-field={field} data-value="">–</td>;
                const shown = figureAttributes(through.need_persons, "average", lang);
                return <td key={year} className="num" data-field={field} {...shown.attrs}>{shown.text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartWithTable title={t("forecast.compareTitle")} description={t("forecast.compareHelp")} option={option}
                    chartTestId="chart-scenario-compare" height={300} table={table} headingLevel={3}
                    empty={marked.length === 0 ? t("forecast.compareEmpty") : t("loading")} tableOpen />
  );
}
