// The rows of the compare table: per category (and the total) the turnover between two snapshots
// as the API gives it, and the change of FTE, average age and part-time share as after − before
// of the two snapshots' own figures. Nothing is estimated: a change is shown only when both
// figures are there; a withheld figure on either side withholds the change (null), an undefined
// one (no persons) makes it undefined.
import type { IndicatorRow, IndicatorTable, Indicators, Share, Turnover } from "../../api/types";
import type { FigureValue } from "../../format";

export type CompareRow = {
  /** "" for the total, else the category key. */
  category: string;
  label: string;
  after: IndicatorRow;
  /** The same group in the earlier snapshot; undefined when it had no positions then. */
  before: IndicatorRow | undefined;
};

const UNDEFINED_VALUE: FigureValue = { undefined: true };

function categoryOf(row: IndicatorRow): string {
  return row.key.category ?? "";
}

/** Pairs each row of the later table (which covers the groups of both dates) with the earlier one. */
export function compareRows(after: IndicatorTable, before: IndicatorTable): CompareRow[] {
  const earlier = new Map<string, IndicatorRow>();
  for (const row of before.rows as IndicatorRow[]) earlier.set(categoryOf(row), row);
  return (after.rows as IndicatorRow[]).map((row) => ({
    category: categoryOf(row),
    label: row.label,
    after: row,
    before: earlier.get(categoryOf(row)),
  }));
}

/** The turnover of a row, or null when the row (or its turnover) is withheld. */
export function turnoverOf(row: CompareRow): Turnover | null {
  if (row.after.suppressed) return null;
  return row.after.turnover ?? null;
}

/** The indicators of one side: null when withheld; an empty group's figures when the group was absent. */
function side(row: IndicatorRow | undefined): Indicators | null | "empty" {
  if (row === undefined) return "empty";
  if (row.suppressed || row.indicators === null) return null;
  return row.indicators;
}

/** after.fte − before.fte (an absent group has 0 FTE). */
export function changeFte(row: CompareRow): FigureValue {
  const after = side(row.after);
  const before = side(row.before);
  if (after === null || before === null) return null;
  // In hundredths of a percent, as the API counts them, so the difference is exact.
  const a = after === "empty" ? 0 : Math.round(after.fte * 10000);
  const b = before === "empty" ? 0 : Math.round(before.fte * 10000);
  return (a - b) / 10000;
}

/** An average of one side: a number, null (withheld) or undefined (nobody in the group). */
function averageAge(indicators: Indicators | null | "empty"): FigureValue {
  if (indicators === null) return null;
  if (indicators === "empty") return UNDEFINED_VALUE;
  if (indicators.average_age === null) return indicators.persons === 0 ? UNDEFINED_VALUE : null;
  return indicators.average_age;
}

/** The part-time share of one side: a share, null (withheld) or undefined (nobody in the group). */
function partTime(indicators: Indicators | null | "empty"): Share | null | "undefined" {
  if (indicators === null) return null;
  if (indicators === "empty") return "undefined";
  const share = indicators.part_time;
  if (share === null) return null;
  return share.total === 0 ? "undefined" : share;
}

function difference(after: FigureValue, before: FigureValue): FigureValue {
  if (after === null || before === null) return null;
  if (typeof after !== "number" || typeof before !== "number") return UNDEFINED_VALUE;
  return after - before;
}

/** after − before of the average age, in years. */
export function changeAverageAge(row: CompareRow): FigureValue {
  return difference(averageAge(side(row.after)), averageAge(side(row.before)));
}

/**
 * after − before of the part-time share, in percentage points: one division of exact counts,
 * 100 × (a/A − b/B) = 100 × (a·B − b·A) / (A·B), so rounding sees the true value.
 */
export function changePartTime(row: CompareRow): FigureValue {
  const after = partTime(side(row.after));
  const before = partTime(side(row.before));
  if (after === null || before === null) return null;
  if (after === "undefined" || before === "undefined") return UNDEFINED_VALUE;
  return (100 * (after.count * before.total - before.count * after.total)) / (after.total * before.total);
}
