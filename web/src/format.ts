// Number and date formats of CONTRACT.md: bokmål "1 234", "1 234,5", "33,3 %", "31.12.2025",
// "kr 1 234"; English "1,234", "1,234.5", "33.3%", "31/12/2025". `machine*` give the values for
// `data-value`: counts as integers, FTE with two decimals, averages and shares (percent) with one.
// A withheld value (null from the API) shows ":"; an undefined one (0 of 0, no persons) "–".
import type { Lang } from "./i18n";

export const WITHHELD = ":";
export const UNDEFINED = "–";

const locales: Record<Lang, string> = { nb: "nb-NO", en: "en-GB" };
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, format);
  }
  return format;
}

/** Rounds half away from zero at `digits` decimals (indicators.md "Display and rounding"). */
export function roundHalfAway(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(value) * factor;
  // The small epsilon keeps 0.125 * 100 = 12.499999… from rounding down.
  const rounded = Math.floor(scaled + 0.5 + 1e-9) / factor;
  // A tiny negative rounds to 0, not −0 (which Intl shows as "-0,0").
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

export function formatInteger(value: number, lang: Lang): string {
  return numberFormat(lang, 0).format(Math.round(value));
}

export function formatDecimal(value: number, digits: number, lang: Lang): string {
  return numberFormat(lang, digits).format(roundHalfAway(value, digits));
}

/** A share as a percentage with one decimal: "33,3 %" / "33.3%". */
export function formatPercent(percent: number, lang: Lang): string {
  const number = formatDecimal(percent, 1, lang);
  return lang === "nb" ? `${number}\u00a0%` : `${number}%`;
}

export type ShareLike = { count: number; total: number } | null | undefined;

/** The percentage of a share, or null when withheld or 0 of 0. */
export function sharePercent(share: ShareLike): number | null {
  if (!share || share.total === 0) return null;
  return (share.count * 100) / share.total;
}

/** ":" when withheld (null), "–" for 0 of 0, else the percent with one decimal. */
export function formatShare(share: ShareLike, lang: Lang): string {
  if (share === null || share === undefined) return WITHHELD;
  if (share.total === 0) return UNDEFINED;
  return formatPercent((share.count * 100) / share.total, lang);
}

/** "31.12.2025" / "31/12/2025" from "2025-12-31" (no time zone involved). */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return lang === "nb" ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

/** "kr 1 234" / "NOK 1,234" (whole kroner). */
export function formatMoney(kroner: number, lang: Lang): string {
  const number = formatInteger(kroner, lang);
  return lang === "nb" ? `kr\u00a0${number}` : `NOK\u00a0${number}`;
}

// ---- machine values for data-value ------------------------------------------------------------

/** A count: "12"; "" when withheld or missing. */
export function machineInteger(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(Math.round(value));
}

/** With `digits` decimals and a point: machineDecimal(12.5, 2) = "12.50"; "" when null. */
export function machineDecimal(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? "" : roundHalfAway(value, digits).toFixed(digits);
}

/** A share as a percent with one decimal: "33.3"; "" when withheld or 0 of 0. */
export function machineShare(share: ShareLike): string {
  const percent = sharePercent(share);
  return percent === null ? "" : roundHalfAway(percent, 1).toFixed(1);
}

// ---- one shape for every figure on screen ------------------------------------------------------

export type FigureKind = "integer" | "fte" | "average" | "percent" | "share";

/**
 * What a figure shows and its data attributes. `value` is a number, a share, or null (withheld);
 * `undefined` in the sense of CONTRACT.md (0 of 0, an average of nobody) comes as a share with
 * total 0 or as `{ undefined: true }`.
 */
export type FigureValue = number | { count: number; total: number } | null | { undefined: true };

export type FigureDisplay = { text: string; machine: string; suppressed: boolean; isUndefined: boolean };

export function displayFigure(value: FigureValue, kind: FigureKind, lang: Lang): FigureDisplay {
  if (value === null) return { text: WITHHELD, machine: "", suppressed: true, isUndefined: false };
  if (typeof value === "object" && "undefined" in value) {
    return { text: UNDEFINED, machine: "", suppressed: false, isUndefined: true };
  }
  if (typeof value === "object") {
    if (value.total === 0) return { text: UNDEFINED, machine: "", suppressed: false, isUndefined: true };
    return { text: formatShare(value, lang), machine: machineShare(value), suppressed: false, isUndefined: false };
  }
  switch (kind) {
    case "integer":
      return { text: formatInteger(value, lang), machine: machineInteger(value), suppressed: false, isUndefined: false };
    case "fte":
      return { text: formatDecimal(value, 1, lang), machine: machineDecimal(value, 2), suppressed: false, isUndefined: false };
    case "average":
      return { text: formatDecimal(value, 1, lang), machine: machineDecimal(value, 1), suppressed: false, isUndefined: false };
    case "percent":
    case "share":
      return { text: formatPercent(value, lang), machine: machineDecimal(value, 1), suppressed: false, isUndefined: false };
  }
}
