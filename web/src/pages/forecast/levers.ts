// The forecast's levers (docs/forecast.md "Levers") as the page holds them: a map of lever name →
// value, exactly as GET /api/v1/forecast takes them (fractions, not percent; `population` as
// text; `task_shift` as a list of "from:to:share[:service]").
//
// The page's URL and its API query are the same thing: the scope, the horizon, the saved scenario
// it started from, and the levers that differ from that starting point (CONTRACT.md, route
// /fremskrivning). The API applies query levers over the saved scenario, and appends task shifts
// to the scenario's; what cannot be said that way (a target turned off, a shift removed) is said
// relative to the defaults instead, without the scenario.
import type { ForecastLeverRange, ForecastLeverValues } from "../../api/types";

export type LeverValue = number | string | string[];
export type LeverMap = Record<string, LeverValue>;

export type Scope = { kind: "municipality" | "region"; id: string };

/** What the page shows: scope, horizon, saved scenario and the levers that differ from its start. */
export type ForecastView = {
  scope: Scope | null;
  to: number;
  scenarioId: number | null;
  overrides: LeverMap;
};

export const milestones = [2030, 2035, 2040, 2050] as const;
export const defaultTo = 2050;

/** URL parameters that are not levers. */
const viewParams = new Set(["kommune", "region", "til", "scenario", "lang"]);

/** The sliders, in the order of the page, with the step a slider moves by and how it reads. */
export type SliderUnit = "percent" | "percentPerYear" | "years";
export type SliderLever = { name: string; unit: SliderUnit; step: number; fallback: { min: number; max: number } };

export const sliderLevers: SliderLever[] = [
  { name: "turnover", unit: "percent", step: 0.001, fallback: { min: 0, max: 0.5 } },
  { name: "sick_leave.to", unit: "percent", step: 0.001, fallback: { min: 0, max: 0.5 } },
  { name: "productivity_per_year", unit: "percentPerYear", step: 0.001, fallback: { min: -0.05, max: 0.05 } },
  { name: "staffing_change", unit: "percent", step: 0.01, fallback: { min: -0.5, max: 1 } },
  { name: "retirement_age_shift", unit: "years", step: 0.1, fallback: { min: -5, max: 5 } },
  { name: "position_size", unit: "percent", step: 0.01, fallback: { min: 0.1, max: 1 } },
  { name: "outside_recruit_share", unit: "percent", step: 0.01, fallback: { min: 0, max: 1 } },
];

/** Where a full-time target starts when it is switched on (the API's default is "off"). */
export const positionSizeStart = 0.8;

/** The order levers are written in a URL: the sliders first, then the rest by name. */
const leverOrder = ["population", ...sliderLevers.map((lever) => lever.name)];

export function rangeOf(lever: SliderLever, ranges: readonly ForecastLeverRange[] | undefined): { min: number; max: number } {
  const found = ranges?.find((range) => range.lever === lever.name)
    ?? (lever.name === "sick_leave.to" ? ranges?.find((range) => range.lever === "sick_leave") : undefined);
  return found ? { min: found.min, max: found.max } : lever.fallback;
}

/** A number as the API and the URL take it: no float noise (0.060000000000000005 → "0.06"). */
export function leverNumberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export function cleanNumber(value: number): number {
  return Number(value.toPrecision(12));
}

function sameValue(a: LeverValue | undefined, b: LeverValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

function shiftsOf(map: LeverMap): string[] {
  const shifts = map.task_shift;
  return Array.isArray(shifts) ? shifts : typeof shifts === "string" ? [shifts] : [];
}

/** The API's levers without nulls (an answer may spell "off" as null). */
export function leverMap(values: ForecastLeverValues | null | undefined): LeverMap {
  const map: LeverMap = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (value === null || value === undefined) continue;
    map[name] = value;
  }
  return map;
}

/** `base` with `overrides` applied the way the API applies query levers (task shifts appended). */
export function applyOverrides(base: LeverMap, overrides: LeverMap): LeverMap {
  const result: LeverMap = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    if (name === "task_shift") result.task_shift = [...shiftsOf(base), ...shiftsOf(overrides)];
    else result[name] = value;
  }
  if (shiftsOf(result).length === 0) delete result.task_shift;
  return result;
}

/**
 * The overrides that turn `base` into `levers`, or null when query levers cannot say it (a lever
 * `base` has is gone, or `base`'s task shifts are not the start of `levers`').
 */
export function overridesFrom(levers: LeverMap, base: LeverMap): LeverMap | null {
  const overrides: LeverMap = {};
  for (const name of Object.keys(base)) {
    if (name !== "task_shift" && !(name in levers)) return null;
  }
  for (const [name, value] of Object.entries(levers)) {
    if (name === "task_shift") continue;
    if (!sameValue(value, base[name])) overrides[name] = value;
  }
  const baseShifts = shiftsOf(base);
  const shifts = shiftsOf(levers);
  if (shifts.length < baseShifts.length || baseShifts.some((shift, i) => shift !== shifts[i])) return null;
  if (shifts.length > baseShifts.length) overrides.task_shift = shifts.slice(baseShifts.length);
  return overrides;
}

// ---- the URL and the API query ---------------------------------------------------------------

function readLever(name: string, params: URLSearchParams, into: LeverMap): void {
  if (name === "task_shift") {
    const shifts = params.getAll(name).filter((shift) => shift.split(":").length >= 3);
    if (shifts.length > 0) into.task_shift = shifts;
    return;
  }
  const text = params.get(name) ?? "";
  if (name === "population") {
    if (text === "main" || text === "low" || text === "high") into.population = text;
    return;
  }
  const value = Number(text.replace(",", "."));
  if (text.trim() === "" || !Number.isFinite(value)) return;
  if (name === "sick_leave") {
    into["sick_leave.from"] = value;
    into["sick_leave.to"] = value;
  } else if (name === "position_size.to") {
    into.position_size = value;
  } else {
    into[name] = value;
  }
}

export function parseView(params: URLSearchParams): ForecastView {
  const kommune = params.get("kommune");
  const region = params.get("region");
  const scope: Scope | null = kommune && /^[0-9]{4}$/.test(kommune) ? { kind: "municipality", id: kommune }
    : region ? { kind: "region", id: region } : null;
  const toText = Number(params.get("til"));
  const to = Number.isInteger(toText) && toText >= 2026 && toText <= 2050 ? toText : defaultTo;
  const scenarioText = Number(params.get("scenario"));
  const scenarioId = Number.isInteger(scenarioText) && scenarioText > 0 ? scenarioText : null;
  const overrides: LeverMap = {};
  for (const name of new Set(params.keys())) {
    if (!viewParams.has(name)) readLever(name, params, overrides);
  }
  return { scope, to, scenarioId, overrides };
}

/** The levers as query pairs, in a stable order; task shifts repeated. */
export function leverPairs(levers: LeverMap): [string, string][] {
  const names = Object.keys(levers).sort((a, b) => {
    const ia = leverOrder.indexOf(a);
    const ib = leverOrder.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    return a.localeCompare(b);
  });
  const pairs: [string, string][] = [];
  for (const name of names) {
    const value = levers[name];
    if (Array.isArray(value)) for (const item of value) pairs.push([name, item]);
    else pairs.push([name, typeof value === "number" ? leverNumberText(value) : value]);
  }
  return pairs;
}

/** Query strings that stay readable: "sick_leave.to=0.06&task_shift=a:b:0.1". */
function queryText(pairs: [string, string][]): string {
  const params = new URLSearchParams(pairs);
  return params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

/** The page's search string ("?kommune=1841&turnover=0.08"), "" when empty. */
export function viewSearch(view: ForecastView): string {
  const pairs: [string, string][] = [];
  if (view.scope) pairs.push([view.scope.kind === "municipality" ? "kommune" : "region", view.scope.id]);
  if (view.to !== defaultTo) pairs.push(["til", String(view.to)]);
  if (view.scenarioId !== null) pairs.push(["scenario", String(view.scenarioId)]);
  pairs.push(...leverPairs(view.overrides));
  const text = queryText(pairs);
  return text ? `?${text}` : "";
}

/** The query of GET /forecast and /forecast/export for the view (no leading "?"). */
export function apiQuery(view: ForecastView, lang: string, extra: [string, string][] = []): string {
  const pairs: [string, string][] = [...extra];
  if (view.scope) pairs.push([view.scope.kind, view.scope.id]);
  pairs.push(["to", String(view.to)]);
  if (view.scenarioId !== null) pairs.push(["scenario", String(view.scenarioId)]);
  pairs.push(...leverPairs(view.overrides));
  pairs.push(["lang", lang]);
  return queryText(pairs);
}

/** A task shift's parts ("from:to:share[:service]"). */
export type TaskShift = { from: string; to: string; share: number; service: string | null };

export function parseShift(text: string): TaskShift | null {
  const [from, to, share, service] = text.split(":");
  const value = Number(share);
  if (!from || !to || !Number.isFinite(value)) return null;
  return { from, to, share: value, service: service || null };
}

export function shiftText(shift: TaskShift): string {
  const text = `${shift.from}:${shift.to}:${leverNumberText(shift.share)}`;
  return shift.service ? `${text}:${shift.service}` : text;
}

export { shiftsOf };
