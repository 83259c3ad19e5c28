// The rows of the compare table: per category (and the total) the turnover between two snapshots
// as the API gives it, and the change of FTE, average age and part-time share as after − before
// of the two snapshots' own figures. Nothing is estimated: a change is shown only when both
// figures are there; a withheld figure on either side withholds the change (null), an undefined
// one (no persons) makes it undefined.
import type { IndicatorRow, IndicatorTable, Indicators, Turnover } from "../../api/types";
import { sharePercent, type FigureValue } from "../../format";

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
  const a = after === "empty" ? 0 : after.fte;
  const b = before === "empty" ? 0 : before.fte;
  return a - b;
}

/** An average of one side: a number, null (withheld) or undefined (nobody in the group). */
function averageAge(indicators: Indicators | null | "empty"): FigureValue {
  if (indicators === null) return null;
  if (indicators === "empty") return UNDEFINED_VALUE;
  if (indicators.average_age === null) return indicators.persons === 0 ? UNDEFINED_VALUE : null;
  return indicators.average_age;
}

function partTimePercent(indicators: Indicators | null | "empty"): FigureValue {
  if (indicators === null) return null;
  if (indicators === "empty") return UNDEFINED_VALUE;
  const share = indicators.part_time;
  if (share === null) return null;
  const percent = sharePercent(share);
  return percent === null ? UNDEFINED_VALUE : percent;
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

/** after − before of the part-time share, in percentage points. */
export function changePartTime(row: CompareRow): FigureValue {
  return difference(partTimePercent(side(row.after)), partTimePercent(side(row.before)));
}
