// The region table (data-testid="table-region"): the region's total pinned on top
// (tr[data-municipality=""]), then one row per member (tr[data-municipality="1841"]) whose name
// links to its overview; one sortable column per indicator (td[data-indicator=<name>]).
import { Link } from "react-router-dom";
import type { IndicatorRow, IndicatorTable } from "../../api/types";
import { DataTable, type Column } from "../../components/DataTable";
import { formatDate } from "../../format";
import { indicatorColumns } from "../../indicatorColumns";
import type { IndicatorName } from "../../indicators";
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
    const query = new URLSearchParams({ kommune: number });
    overviewQuery.forEach((value, name) => query.set(name, value));
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
        const isRegion = row.key.municipality === null;
        const date = isRegion ? undefined : dateOf.get(row.key.municipality!);
        const fallback = isRegion ? t("region.snapshotEach") : t("region.noSnapshot");
        return { content: date ? formatDate(date, lang) : fallback, sortValue: date ?? null,
                 attrs: { "data-field": "snapshot", "data-value": date ?? "" } };
      },
    });
  }
  columns.push(...indicatorColumns<IndicatorRow>((row) => (row.suppressed ? null : row.indicators), t, lang, indicators));

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
