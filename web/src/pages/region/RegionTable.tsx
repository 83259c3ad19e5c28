// The region table (data-testid="table-region"): the region's total pinned on top
// (tr[data-municipality=""]), then one row per member (tr[data-municipality="1841"]) whose name
// links to its overview; one sortable column per indicator (td[data-indicator=<name>]).
import { Link } from "react-router-dom";
import type { IndicatorRow, IndicatorTable } from "../../api/types";
import { DataTable, type Column } from "../../components/DataTable";
import { figureAttributes } from "../../components/Figure";
import { formatDate } from "../../format";
import { indicatorKinds, indicatorValue, sortValue, type IndicatorName } from "../../indicators";
import { useLang, useT } from "../../i18n";

type Props = {
  table: IndicatorTable;
  indicators: IndicatorName[];
  caption: string;
  /** Extra query for the overview links (the same categories and date). */
  overviewQuery: URLSearchParams;
  /** Show each member's snapshot date (when the members' dates differ). */
  showDates: boolean;
};

export function RegionTable({ table, indicators, caption, overviewQuery, showDates }: Props) {
  const t = useT();
  const [lang] = useLang();
  const rows = table.rows as IndicatorRow[];
  const dateOf = new Map(table.snapshots.map((s) => [s.municipality, s.date]));

  const overviewHref = (number: string) => {
    const query = new URLSearchParams(overviewQuery);
    query.set("kommune", number);
    return `/oversikt?${query.toString()}`;
  };

  const columns: Column<IndicatorRow>[] = [
    {
      key: "municipality",
      header: t("region.municipality"),
      rowHeader: true,
      sortable: true,
      cell: (row) => {
        const number = row.key.municipality;
        if (number === null) return { content: t("region.total", { name: table.scope.name }), sortValue: row.label };
        return {
          content: <Link to={overviewHref(number)}>{row.label}</Link>,
          sortValue: row.label,
        };
      },
    },
  ];
  if (showDates) {
    columns.push({
      key: "snapshot",
      header: t("region.snapshotDate"),
      description: t("region.snapshotDateHelp"),
      sortable: true,
      cell: (row) => {
        const date = row.key.municipality === null ? undefined : dateOf.get(row.key.municipality);
        return { content: date ? formatDate(date, lang) : t("region.noSnapshot"), sortValue: date ?? null,
                 attrs: { "data-field": "snapshot", "data-value": date ?? "" } };
      },
    });
  }
  for (const name of indicators) {
    columns.push({
      key: name,
      header: t(`indicator.${name}`),
      description: `${t(`indicator.${name}.long`)}: ${t(`indicator.${name}.help`)}`,
      numeric: true,
      sortable: true,
      cell: (row) => {
        const value = indicatorValue(row.suppressed ? null : row.indicators, name);
        const shown = figureAttributes(value, indicatorKinds[name], lang);
        return {
          content: shown.text,
          attrs: { ...shown.attrs, "data-indicator": name },
          sortValue: sortValue(value),
          title: shown.suppressed ? t("figure.withheld") : shown.isUndefined ? t("figure.undefined") : undefined,
        };
      },
    });
  }

  return (
    <DataTable
      testId="table-region"
      caption={caption}
      columns={columns}
      rows={rows.filter((row) => row.key.municipality !== null)}
      pinnedRows={rows.filter((row) => row.key.municipality === null)}
      rowKey={(row) => row.key.municipality ?? "total"}
      rowAttrs={(row) => ({ "data-municipality": row.key.municipality ?? "" })}
      className="region-table"
    />
  );
}
