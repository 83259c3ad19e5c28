// The indicators the tables show, in column order, with how each is formatted. Labels and
// explanations are in the catalogues: "indicator.<name>" (column header), "indicator.<name>.long"
// (full Norwegian term, docs/indicators.md) and "indicator.<name>.help" (one-sentence tooltip).
import type { FigureKind, FigureValue } from "./format";
import type { Indicators } from "./api/types";

export type IndicatorName =
  | "persons" | "positions" | "fte" | "average_age" | "under_25" | "aged_50_plus" | "aged_60_plus"
  | "part_time" | "average_position_percent" | "small_positions" | "unskilled" | "relevant_education"
  | "further_education" | "aged_50_plus_among_further_educated" | "female" | "male"
  | "other_or_unknown_gender" | "retirements_5" | "retirements_10";

export const indicatorKinds: Record<IndicatorName, FigureKind> = {
  persons: "integer",
  positions: "integer",
  fte: "fte",
  average_age: "average",
  under_25: "share",
  aged_50_plus: "share",
  aged_60_plus: "share",
  part_time: "share",
  average_position_percent: "percent",
  small_positions: "share",
  unskilled: "share",
  relevant_education: "share",
  further_education: "share",
  aged_50_plus_among_further_educated: "share",
  female: "share",
  male: "share",
  other_or_unknown_gender: "share",
  retirements_5: "integer",
  retirements_10: "integer",
};

/** The columns of the category and region tables (CONTRACT.md lists the first eight as required). */
export const tableIndicators: IndicatorName[] = [
  "persons", "positions", "fte", "average_age", "aged_50_plus", "part_time", "unskilled",
  "average_position_percent", "under_25", "aged_60_plus", "small_positions", "relevant_education",
  "further_education", "aged_50_plus_among_further_educated", "female", "retirements_5", "retirements_10",
];

/** Persons expected to retire in the first `years` report years; null if any of those years is withheld. */
export function retirementsWithin(indicators: Indicators, years: number): number | null {
  let sum = 0;
  for (const entry of indicators.retirements_by_year.slice(0, years)) {
    if (entry === null || entry.persons === null) return null;
    sum += entry.persons;
  }
  return sum;
}

/**
 * The value of one indicator for a figure: a number, a share, null when withheld (or the whole
 * row is), `{undefined: true}` for an average of nobody.
 */
export function indicatorValue(indicators: Indicators | null, name: IndicatorName): FigureValue {
  if (indicators === null) return null;
  switch (name) {
    case "retirements_5":
      return retirementsWithin(indicators, 5);
    case "retirements_10":
      return retirementsWithin(indicators, 10);
    case "average_age":
    case "average_position_percent": {
      const value = indicators[name];
      if (value === null) return indicators.persons === 0 ? { undefined: true } : null;
      return value;
    }
    default: {
      const value = indicators[name];
      return value === undefined ? null : (value as FigureValue);
    }
  }
}

/** A number to sort by: counts and averages as they are, shares as their fraction; null last. */
export function sortValue(value: FigureValue): number | null {
  if (value === null) return null;
  if (typeof value === "number") return value;
  if ("undefined" in value) return null;
  return value.total === 0 ? null : value.count / value.total;
}
