// A sortable table: caption, th with scope, aria-sort on the sorted column, a button in each
// sortable header (th[data-sort=<key>]), per-cell data attributes (data-indicator, data-value, …).
// Pinned rows (e.g. the total) stay on top whatever the order.
import { useMemo, useState, type ReactNode } from "react";

export type Cell = {
  content: ReactNode;
  /** Attributes of the <td>/<th>, e.g. data-indicator, data-value, data-suppressed. */
  attrs?: Record<string, string | undefined>;
  /** The value sorted by; null sorts last. Default: none (column not sortable). */
  sortValue?: number | string | null;
  title?: string;
};

export type Column<Row> = {
  key: string;
  header: ReactNode;
  /** Explains the column (tooltip on the header, and for screen readers). */
  description?: string;
  numeric?: boolean;
  sortable?: boolean;
  /** The first column names the row: rendered as <th scope="row">. */
  rowHeader?: boolean;
  cell: (row: Row) => Cell;
};

type Props<Row> = {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: Row[];
  pinnedRows?: Row[];
  rowKey: (row: Row) => string;
  rowAttrs?: (row: Row) => Record<string, string | undefined>;
  testId?: string;
  captionHidden?: boolean;
  initialSort?: { key: string; direction: "ascending" | "descending" };
  className?: string;
};

type Sort = { key: string; direction: "ascending" | "descending" } | null;

function compare(a: number | string | null | undefined, b: number | string | null | undefined): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "nb");
}

export function DataTable<Row>(props: Props<Row>) {
  const { caption, columns, rows, pinnedRows = [], rowKey, rowAttrs, testId, captionHidden, className } = props;
  const [sort, setSort] = useState<Sort>(props.initialSort ?? null);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return rows;
    const sign = sort.direction === "ascending" ? 1 : -1;
    return rows
      .map((row, index) => ({ row, index, value: column.cell(row).sortValue }))
      .sort((a, b) => {
        const aMissing = a.value === null || a.value === undefined;
        const bMissing = b.value === null || b.value === undefined;
        if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
        return sign * compare(a.value, b.value) || a.index - b.index;
      })
      .map((entry) => entry.row);
  }, [rows, columns, sort]);

  function toggle(key: string) {
    setSort((current) => {
      if (current?.key !== key) return { key, direction: "descending" };
      return { key, direction: current.direction === "descending" ? "ascending" : "descending" };
    });
  }

  const renderRow = (row: Row, pinned: boolean) => (
    <tr key={rowKey(row)} {...rowAttrs?.(row)} className={pinned ? "row-pinned" : undefined}>
      {columns.map((column) => {
        const cell = column.cell(row);
        const classes = [column.numeric ? "num" : "", column.rowHeader ? "row-head" : ""].join(" ").trim() || undefined;
        return column.rowHeader ? (
          <th key={column.key} scope="row" className={classes} title={cell.title} {...cell.attrs}>{cell.content}</th>
        ) : (
          <td key={column.key} className={classes} title={cell.title} {...cell.attrs}>{cell.content}</td>
        );
      })}
    </tr>
  );

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={typeof caption === "string" ? caption : undefined}>
      <table className={["data-table", className ?? ""].join(" ").trim()} data-testid={testId}>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sortable = column.sortable ?? false;
              const ariaSort = sort?.key === column.key ? sort.direction : sortable ? "none" : undefined;
              const classes = column.numeric ? "num" : undefined;
              return (
                <th key={column.key} scope="col" className={classes} aria-sort={ariaSort}
                    data-sort={sortable ? column.key : undefined} title={column.description}>
                  {sortable ? (
                    <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                      <span>{column.header}</span>
                      <span className="sort-icon" aria-hidden="true">
                        {sort?.key === column.key ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {pinnedRows.map((row) => renderRow(row, true))}
          {sorted.map((row) => renderRow(row, false))}
        </tbody>
      </table>
    </div>
  );
}
