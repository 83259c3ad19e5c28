// The compare table (data-testid="table-compare"): one row per category and the total pinned on
// top, cells td[data-indicator="persons_before|persons_after|joiners|leavers|turnover|change_fte|
// change_average_age|change_part_time"] with their machine values (CONTRACT.md "Compare").
import { DataTable, type Cell, type Column } from "../../components/DataTable";
import { figureAttributes } from "../../components/Figure";
import { formatDate, type FigureKind, type FigureValue } from "../../format";
import { sortValue } from "../../indicators";
import { useLang, useT } from "../../i18n";
import type { CategoryNames } from "../region/categories";
import { displayChange } from "./change";
import { changeAverageAge, changeFte, changePartTime, turnoverOf, type CompareRow } from "./compareRows";

type Props = { rows: CompareRow[]; from: string; to: string; scope: string; categoryNames: CategoryNames };

export function CompareTable({ rows, from, to, scope, categoryNames }: Props) {
  const t = useT();
  const [lang] = useLang();

  function figureCell(name: string, value: FigureValue, kind: FigureKind): Cell {
    const shown = figureAttributes(value, kind, lang);
    return {
      content: shown.text,
      attrs: { ...shown.attrs, "data-indicator": name },
      sortValue: sortValue(value),
      title: shown.suppressed ? t("figure.withheld") : shown.isUndefined ? t("figure.undefined") : undefined,
    };
  }

  function changeCell(name: string, value: FigureValue, digits: number, machineDigits: number,
                      unit?: (number: string) => string): Cell {
    const shown = displayChange(value, digits, machineDigits, lang, unit);
    const direction = shown.direction === 1 ? "up" : shown.direction === -1 ? "down" : "none";
    return {
      content: <span className={`change change-${direction}`}>{shown.text}</span>,
      attrs: { ...shown.attrs, "data-indicator": name },
      sortValue: typeof value === "number" ? value : null,
      title: value === null ? t("figure.withheld") : typeof value !== "number" ? t("figure.undefined") : undefined,
    };
  }

  const turnoverCount = (row: CompareRow, field: "persons_before" | "persons_after" | "joiners" | "leavers") =>
    turnoverOf(row)?.[field] ?? null;

  const columns: Column<CompareRow>[] = [
    {
      key: "category",
      header: t("compare.category"),
      rowHeader: true,
      sortable: true,
      cell: (row) => {
        const name = row.category === "" ? t("compare.total") : categoryNames.nameOf(row.category, row.label);
        return { content: name, sortValue: name };
      },
    },
    {
      key: "persons_before", header: t("compare.col.personsBefore", { date: formatDate(from, lang) }),
      description: t("compare.personsBeforeHelp", { date: formatDate(from, lang) }), numeric: true, sortable: true,
      cell: (row) => figureCell("persons_before", turnoverCount(row, "persons_before"), "integer"),
    },
    {
      key: "persons_after", header: t("compare.col.personsAfter", { date: formatDate(to, lang) }),
      description: t("compare.personsAfterHelp", { date: formatDate(to, lang) }), numeric: true, sortable: true,
      cell: (row) => figureCell("persons_after", turnoverCount(row, "persons_after"), "integer"),
    },
    {
      key: "joiners", header: t("compare.joiners"), description: t("compare.joinersHelp"), numeric: true, sortable: true,
      cell: (row) => figureCell("joiners", turnoverCount(row, "joiners"), "integer"),
    },
    {
      key: "leavers", header: t("compare.leavers"), description: t("compare.leaversHelp"), numeric: true, sortable: true,
      cell: (row) => figureCell("leavers", turnoverCount(row, "leavers"), "integer"),
    },
    {
      key: "turnover", header: t("compare.turnover"), description: t("compare.turnoverHelp"), numeric: true, sortable: true,
      cell: (row) => figureCell("turnover", turnoverOf(row)?.turnover ?? null, "share"),
    },
    {
      key: "change_fte", header: t("compare.col.changeFte"), description: t("compare.col.changeFteHelp"),
      numeric: true, sortable: true,
      cell: (row) => changeCell("change_fte", changeFte(row), 1, 2),
    },
    {
      key: "change_average_age", header: t("compare.col.changeAverageAge"),
      description: t("compare.col.changeAverageAgeHelp"), numeric: true, sortable: true,
      cell: (row) => changeCell("change_average_age", changeAverageAge(row), 1, 1),
    },
    {
      key: "change_part_time", header: t("compare.col.changePartTime"),
      description: t("compare.col.changePartTimeHelp"), numeric: true, sortable: true,
      cell: (row) => changeCell("change_part_time", changePartTime(row), 1, 1,
                                (number) => t("compare.points", { value: number })),
    },
  ];

  const total = rows.filter((row) => row.category === "");
  const categories = rows.filter((row) => row.category !== "");

  return (
    <DataTable
      testId="table-compare"
      caption={t("compare.tableCaption", { scope, from: formatDate(from, lang), to: formatDate(to, lang) })}
      columns={columns}
      rows={categories}
      pinnedRows={total}
      rowKey={(row) => row.category || "total"}
      rowAttrs={(row) => ({ "data-category": row.category })}
    />
  );
}
