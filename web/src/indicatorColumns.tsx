// DataTable columns for indicator tables (category, region, children): one column per indicator,
// cells with data-indicator, data-value and data-suppressed, headers with the Norwegian term and
// an explanation as tooltip.
import type { Indicators } from "./api/types";
import type { Column } from "./components/DataTable";
import { figureAttributes } from "./components/Figure";
import type { Lang, TFunction } from "./i18n";
import { indicatorKinds, indicatorValue, sortValue, tableIndicators, type IndicatorName } from "./indicators";

/** The tooltip of an indicator's header: the full term, then what it means. */
export function indicatorDescription(name: IndicatorName, t: TFunction): string {
  return `${t(`indicator.${name}.long`)}: ${t(`indicator.${name}.help`)}`;
}

export function indicatorColumns<Row>(
  getIndicators: (row: Row) => Indicators | null,
  t: TFunction,
  lang: Lang,
  names: readonly IndicatorName[] = tableIndicators,
): Column<Row>[] {
  return names.map((name) => ({
    key: name,
    header: t(`indicator.${name}`),
    description: indicatorDescription(name, t),
    numeric: true,
    sortable: true,
    cell: (row: Row) => {
      const value = indicatorValue(getIndicators(row), name);
      const shown = figureAttributes(value, indicatorKinds[name], lang);
      return {
        content: shown.text,
        attrs: { "data-indicator": name, ...shown.attrs },
        sortValue: sortValue(value),
        title: shown.suppressed ? t("figure.withheld") : shown.isUndefined ? t("figure.undefined") : undefined,
      };
    },
  }));
}
