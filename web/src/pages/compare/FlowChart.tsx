// Joiners against leavers per category between the two snapshots: a horizontal bar chart and the
// same figures as a table. Categories whose figures are withheld are left out of the chart (no
// stand-in value) and named under it; the table shows them as ":".
import { useMemo } from "react";
import { chartColors, type ChartOption } from "../../charts";
import { ChartWithTable } from "../../components/ChartWithTable";
import { figureAttributes } from "../../components/Figure";
import { formatDate, formatInteger } from "../../format";
import { useLang, useT } from "../../i18n";
import type { CategoryNames } from "../region/categories";
import { turnoverOf, type CompareRow } from "./compareRows";

type Props = { rows: CompareRow[]; categoryNames: CategoryNames; from: string; to: string };

export function FlowChart({ rows, categoryNames, from, to }: Props) {
  const t = useT();
  const [lang] = useLang();
  const { nameOf } = categoryNames;
  const name = (row: CompareRow) => nameOf(row.category, row.label);
  const categories = useMemo(() => rows.filter((row) => row.category !== ""), [rows]);
  const shown = useMemo(() => categories.filter((row) => {
    const turnover = turnoverOf(row);
    return turnover !== null && turnover.joiners !== null && turnover.leavers !== null
      && turnover.joiners + turnover.leavers > 0;
  }), [categories]);
  const left = categories.filter((row) => {
    const turnover = turnoverOf(row);
    return turnover === null || turnover.joiners === null || turnover.leavers === null;
  });

  const joinersLabel = t("compare.joiners");
  const leaversLabel = t("compare.leavers");
  const option = useMemo<ChartOption | null>(() => {
    if (shown.length === 0) return null;
    const valueFormatter = (value: unknown) => (typeof value === "number" ? formatInteger(value, lang) : "");
    return {
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter },
      legend: { top: 0, data: [joinersLabel, leaversLabel] },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => formatInteger(v, lang) } },
      yAxis: { type: "category", inverse: true, data: shown.map(name), axisLabel: { width: 180, overflow: "truncate" } },
      series: [
        { name: joinersLabel, type: "bar", data: shown.map((row) => turnoverOf(row)!.joiners as number),
          itemStyle: { color: chartColors.primary } },
        { name: leaversLabel, type: "bar", data: shown.map((row) => turnoverOf(row)!.leavers as number),
          itemStyle: { color: chartColors.secondary } },
      ],
    };
  }, [shown, joinersLabel, leaversLabel, lang, nameOf]); // eslint-disable-line react-hooks/exhaustive-deps

  const table = (
    <div className="table-scroll">
      <table className="data-table" data-testid="table-compare-flows">
        <caption>{t("compare.flowsCaption", { from: formatDate(from, lang), to: formatDate(to, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("compare.category")}</th>
            <th scope="col" className="num">{joinersLabel}</th>
            <th scope="col" className="num">{leaversLabel}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((row) => {
            const turnover = turnoverOf(row);
            const joiners = figureAttributes(turnover ? turnover.joiners : null, "integer", lang);
            const leavers = figureAttributes(turnover ? turnover.leavers : null, "integer", lang);
            return (
              <tr key={row.category} data-category={row.category}>
                <th scope="row">{name(row)}</th>
                <td className="num" data-field="joiners" {...joiners.attrs}>{joiners.text}</td>
                <td className="num" data-field="leavers" {...leavers.attrs}>{leavers.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartWithTable
      title={t("compare.flowsTitle")}
      description={t("compare.flowsHelp")}
      option={option}
      chartTestId="chart-compare-flows"
      height={Math.max(180, 60 + shown.length * 34)}
      table={table}
      empty={t("compare.flowsEmpty")}
    >
      {left.length > 0 ? (
        <p className="chart-note">{t("compare.flowsLeftOut", { names: left.map(name).join(", ") })}</p>
      ) : null}
    </ChartWithTable>
  );
}
