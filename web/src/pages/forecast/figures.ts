// Figures the page reads out of a Forecast answer: the need through a year (the API's
// `cumulative[]`, or the years summed when it has no entry for that year), a group's need through
// a year, and one year's row. Nothing here models anything; the server computes, the page adds up.
import type { Forecast, ForecastFigures, ForecastYear } from "../../api/types";

export const decompositionParts = [
  "retirements", "turnover", "demand_growth", "demand_levers", "supply_levers", "surplus",
] as const;
export type DecompositionPart = (typeof decompositionParts)[number];

export type NeedThrough = Record<DecompositionPart, number> & { need_fte: number; need_persons: number };

/** The need summed over base year + 1 … `year`, with its parts; null when `year` is past the horizon. */
export function needThrough(forecast: Forecast, year: number): NeedThrough | null {
  if (year > forecast.to_year || year <= forecast.base_year) return null;
  const given = forecast.cumulative.find((entry) => entry.through === year);
  if (given) return given;
  const sum: NeedThrough = {
    need_fte: 0, need_persons: 0, retirements: 0, turnover: 0, demand_growth: 0, demand_levers: 0,
    supply_levers: 0, surplus: 0,
  };
  for (const entry of forecast.years) {
    if (entry.year <= forecast.base_year || entry.year > year) continue;
    const total = entry.total;
    sum.need_fte += total.need_fte;
    sum.need_persons += total.need_persons;
    for (const part of decompositionParts) sum[part] += total[part];
  }
  return sum;
}

/** Group `index`'s need in persons through `year`: null when withheld, undefined past the horizon. */
export function groupNeedThrough(forecast: Forecast, index: number, year: number): number | null | undefined {
  if (year > forecast.to_year) return undefined;
  if (forecast.groups[index]?.withheld) return null;
  let sum = 0;
  for (const entry of forecast.years) {
    if (entry.year <= forecast.base_year || entry.year > year) continue;
    const figures: ForecastFigures | null | undefined = entry.groups[index];
    if (!figures) return null;
    sum += figures.need_persons;
  }
  return sum;
}

export function yearOf(forecast: Forecast, year: number): ForecastYear | undefined {
  return forecast.years.find((entry) => entry.year === year);
}
