// A change between two snapshots on screen: a sign in front ("+1,5", "−0,4", "0,0"), the machine
// value in data-value with a point ("1.50", "-0.40"), ":" with data-suppressed when withheld and
// "–" when undefined (CONTRACT.md "Elements the tests use").
import { formatDecimal, machineDecimal, roundHalfAway, UNDEFINED, WITHHELD, type FigureValue } from "../../format";
import type { Lang } from "../../i18n";

export type ChangeDisplay = {
  text: string;
  attrs: Record<string, string | undefined>;
  /** -1, 0 or 1 after rounding; null when withheld or undefined. */
  direction: -1 | 0 | 1 | null;
};

export function displayChange(value: FigureValue, digits: number, machineDigits: number, lang: Lang,
                              unit?: (number: string) => string): ChangeDisplay {
  if (value === null) {
    return { text: WITHHELD, attrs: { "data-value": "", "data-suppressed": "true" }, direction: null };
  }
  if (typeof value !== "number") return { text: UNDEFINED, attrs: { "data-value": "" }, direction: null };
  const rounded = roundHalfAway(value, digits);
  const direction = rounded > 0 ? 1 : rounded < 0 ? -1 : 0;
  // Intl gives nb-NO a real minus sign (U+2212); a plus is added by hand so a rise is as visible.
  const number = formatDecimal(Math.abs(rounded), digits, lang);
  const signed = direction === 1 ? `+${number}` : direction === -1 ? `\u2212${number}` : number;
  return {
    text: unit ? unit(signed) : signed,
    attrs: { "data-value": machineDecimal(value, machineDigits) },
    direction,
  };
}
