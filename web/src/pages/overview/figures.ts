// Does a row hold a withheld figure anywhere (so the suppression note shows)?
import type { IndicatorRow, Indicators } from "../../api/types";

const shareNames = [
  "under_25", "aged_50_plus", "aged_60_plus", "part_time", "small_positions", "unskilled",
  "relevant_education", "further_education", "aged_50_plus_among_further_educated", "female", "male",
  "other_or_unknown_gender",
] as const;

export function indicatorsWithhold(indicators: Indicators): boolean {
  if (shareNames.some((name) => indicators[name] === null)) return true;
  if (Object.values(indicators.age_bands).some((count) => count === null)) return true;
  if (indicators.retirements_by_year.some((year) => year === null || year.persons === null || year.fte === null)) return true;
  if (indicators.age_pyramid) {
    for (const bands of Object.values(indicators.age_pyramid)) {
      if (bands && Object.values(bands).some((count) => count === null)) return true;
    }
  }
  if (indicators.position_size_bands && Object.values(indicators.position_size_bands).some((count) => count === null)) {
    return true;
  }
  return false;
}

export function rowsWithhold(rows: readonly IndicatorRow[]): boolean {
  return rows.some((row) => row.suppressed || row.indicators === null || indicatorsWithhold(row.indicators));
}
