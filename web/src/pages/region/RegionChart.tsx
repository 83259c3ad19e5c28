// One chosen indicator per member municipality as horizontal bars, largest first, with the region's
// own figure as a line, and the same figures as a table. Withheld and undefined values are left out
// of the chart (never a stand-in number) and the members concerned are named under it.
import { useId, useMemo } from "react";
import { MarkLineComponent } from "echarts/components";
import { chartColors, echarts, type ChartOption } from "../../charts";
import type { IndicatorRow, IndicatorTable } from "../../api/types";
import { ChartWithTable } from "../../components/ChartWithTable";
import { figureAttributes } from "../../components/Figure";
import { displayFigure, type FigureValue } from "../../format";
import { indicatorKinds, indicatorValue, type IndicatorName } from "../../indicators";
import { useLang, useT } from "../../i18n";

// The region's line; registered here so the shared chart module stays as small as the other pages need.
echarts.use([MarkLineComponent]);

/** The number a bar shows: counts and averages as they are, shares as a percent; null when none. */
function chartNumber(value: FigureValue): number | null {
  if (value === null) return null;
  if (typeof value === "number") return value;
  if ("undefined" in value) return null;
  return value.total === 0 ? null : (value.count * 100) / value.total;
}

type Props = {
  table: IndicatorTable;
  indicators: IndicatorName[];
  chosen: IndicatorName;
  onChoose: (name: IndicatorName) => void;
};

export function RegionChart({ table, indicators, chosen, onChoose }: Props) {
  const t = useT();
  const [lang] = useLang();
  const selectId = useId();
  const kind = indicatorKinds[chosen];
  const rows = table.rows as IndicatorRow[];
  const members = rows.filter((row) => row.key.municipality !== null);
  const total = rows.find((row) => row.key.municipality === null);

  const valueOf = (row: IndicatorRow) => indicatorValue(row.suppressed ? null : row.indicators, chosen);
  const bars = useMemo(() => members
    .map((row) => ({ name: row.label, value: chartNumber(valueOf(row)) }))
    .filter((bar): bar is { name: string; value: number } => bar.value !== null)
    .sort((a, b) => b.value - a.value),
  [table, chosen]); // eslint-disable-line react-hooks/exhaustive-deps
  const left = members.filter((row) => chartNumber(valueOf(row)) === null).map((row) => row.label);
  const totalNumber = total ? chartNumber(valueOf(total)) : null;

  const label = t(`indicator.${chosen}.long`);
  const option = useMemo<ChartOption | null>(() => {
    if (bars.length === 0) return null;
    const text = (value: number) => displayFigure(value, kind === "share" ? "percent" : kind, lang).text;
    return {
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 valueFormatter: (value: unknown) => (typeof value === "number" ? text(value) : "") },
      grid: { left: 8, right: 56, top: 30, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: (value: number) => text(value) } },
      yAxis: { type: "category", inverse: true, data: bars.map((bar) => bar.name) },
      series: [{
        name: label,
        type: "bar",
        data: bars.map((bar) => bar.value),
        itemStyle: { color: chartColors.primary },
        label: { show: true, position: "right", formatter: (p: { value: unknown }) => (typeof p.value === "number" ? text(p.value) : "") },
        markLine: totalNumber === null ? undefined : {
          symbol: "none",
          silent: true,
          lineStyle: { color: chartColors.secondary, type: "dashed", width: 2 },
          label: { formatter: t("region.chartRegionLine", { name: table.scope.name, value: text(totalNumber) }),
                   position: "start", color: "#8a4b08" },
          data: [{ xAxis: totalNumber }],
        },
      }],
    };
  }, [bars, kind, lang, label, totalNumber, table.scope.name, t]);

  const tableAlternative = (
    <div className="table-scroll">
      <table className="data-table" data-testid="table-region-chart">
        <caption>{t("region.chartCaption", { indicator: label, name: table.scope.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("region.municipality")}</th>
            <th scope="col" className="num">{label}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const shown = figureAttributes(valueOf(row), kind, lang);
            const number = row.key.municipality ?? "";
            return (
              <tr key={number || "total"} data-municipality={number} className={number ? undefined : "row-pinned"}>
                <th scope="row">{number ? row.label : t("region.total", { name: table.scope.name })}</th>
                <td className="num" data-indicator={chosen} {...shown.attrs}>{shown.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartWithTable
      title={t("region.chartTitle", { indicator: label })}
      description={t(`indicator.${chosen}.help`)}
      option={option}
      chartTestId="chart-region"
      height={Math.max(200, 50 + bars.length * 30)}
      table={tableAlternative}
      empty={t("region.chartEmpty")}
    >
      <div className="field region-chart-choice">
        <label htmlFor={selectId}>{t("region.chartChoose")}</label>
        <select id={selectId} value={chosen} onChange={(e) => onChoose(e.target.value as IndicatorName)}>
          {indicators.map((name) => <option key={name} value={name}>{t(`indicator.${name}.long`)}</option>)}
        </select>
      </div>
      {left.length > 0 ? <p className="chart-note">{t("region.chartLeftOut", { names: left.join(", ") })}</p> : null}
    </ChartWithTable>
  );
}
