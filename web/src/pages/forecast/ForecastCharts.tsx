// The forecast's two charts, each with its table alternative: demand and supply per year as lines
// over the yearly need as bars (chart-forecast-lines / table-forecast-years), and the waterfall of
// what makes up the need through a chosen year (chart-forecast-waterfall /
// table-forecast-decomposition). Totals are never withheld, so nothing here is suppressed.
import { useId, useMemo } from "react";
import type { Forecast } from "../../api/types";
import type { ChartOption } from "../../charts";
import { forecastColors } from "../../chartsForecast";
import { ChartWithTable } from "../../components/ChartWithTable";
import { figureAttributes } from "../../components/Figure";
import { formatDecimal, formatInteger } from "../../format";
import { useLang, useT } from "../../i18n";
import { decompositionParts, needThrough, type DecompositionPart } from "./figures";

const baseText = { fontFamily: "inherit", color: "#1b2631" };

function Cell({ value, kind, field }: { value: number | null | undefined; kind: "fte" | "average"; field: string }) {
  const [lang] = useLang();
  if (value === undefined) return <td className="num" data-field={field} data-value="">–</td>;
  const shown = figureAttributes(value, kind, lang);
  return <td className="num" data-field={field} {...shown.attrs}>{shown.text}</td>;
}

export function ForecastLinesChart({ forecast, scopeName }: { forecast: Forecast; scopeName: string }) {
  const t = useT();
  const [lang] = useLang();
  const years = forecast.years;

  const option = useMemo<ChartOption>(() => {
    const labels = years.map((entry) => String(entry.year));
    const fte = (value: unknown) => (typeof value === "number" ? formatDecimal(value, 1, lang) : "");
    return {
      aria: { enabled: true },
      animation: false,
      textStyle: baseText,
      color: [forecastColors.demand, forecastColors.supply, forecastColors.need],
      legend: { top: 0, textStyle: baseText },
      tooltip: { trigger: "axis", valueFormatter: fte },
      axisPointer: { link: [{ xAxisIndex: "all" }] },
      grid: [
        { left: 8, right: 16, top: 36, height: "46%", containLabel: true },
        { left: 8, right: 16, top: "66%", bottom: 8, containLabel: true },
      ],
      xAxis: [
        { type: "category", gridIndex: 0, data: labels, axisLabel: { show: false } },
        { type: "category", gridIndex: 1, data: labels },
      ],
      yAxis: [
        { type: "value", gridIndex: 0, scale: true, name: t("forecast.chartFteAxis"),
          nameTextStyle: { align: "left" }, axisLabel: { formatter: (v: number) => formatInteger(v, lang) } },
        { type: "value", gridIndex: 1, name: t("forecast.chartNeedAxis"), nameTextStyle: { align: "left" },
          axisLabel: { formatter: (v: number) => formatInteger(v, lang) } },
      ],
      series: [
        { name: t("forecast.demand"), type: "line", xAxisIndex: 0, yAxisIndex: 0, symbol: "none", lineStyle: { width: 3 },
          data: years.map((entry) => entry.total.demand_fte) },
        { name: t("forecast.supply"), type: "line", xAxisIndex: 0, yAxisIndex: 0, symbol: "none",
          lineStyle: { width: 3, type: "dashed" }, data: years.map((entry) => entry.total.supply_fte) },
        { name: t("forecast.needFte"), type: "bar", xAxisIndex: 1, yAxisIndex: 1,
          data: years.map((entry) => entry.total.need_fte) },
      ],
    };
  }, [years, lang, t]);

  const table = (
    <div className="table-scroll">
      <table className="data-table" data-testid="table-forecast-years">
        <caption>{t("forecast.yearsCaption", { scope: scopeName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("forecast.year")}</th>
            <th scope="col" className="num">{t("forecast.demand")}</th>
            <th scope="col" className="num">{t("forecast.supply")}</th>
            <th scope="col" className="num">{t("forecast.needFte")}</th>
            <th scope="col" className="num">{t("forecast.needPersons")}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((entry) => (
            <tr key={entry.year} data-year={entry.year}>
              <th scope="row">{entry.year}</th>
              <Cell value={entry.total.demand_fte} kind="fte" field="demand_fte" />
              <Cell value={entry.total.supply_fte} kind="fte" field="supply_fte" />
              <Cell value={entry.total.need_fte} kind="fte" field="need_fte" />
              <Cell value={entry.total.need_persons} kind="average" field="need_persons" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartWithTable title={t("forecast.linesTitle")} description={t("forecast.linesHelp")} option={option}
                    chartTestId="chart-forecast-lines" height={400} table={table} />
  );
}

/** The years a decomposition can be read through: the milestones within the horizon. */
export function decompositionYears(forecast: Forecast, milestones: readonly number[]): number[] {
  const within = milestones.filter((year) => year > forecast.base_year && year <= forecast.to_year);
  return within.length > 0 ? within : [forecast.to_year];
}

type Step = { key: DecompositionPart | "need"; value: number };

/**
 * A waterfall from bars stacked on an invisible base: each part runs from the running total
 * before it to the total after it; the need is a bar from zero. A part that crosses zero is drawn
 * as two pieces, one on each side (ECharts stacks positive and negative values apart).
 */
function waterfallSeries(steps: Step[]) {
  const base: (number | null)[] = [];
  const upper: { value: number | null; itemStyle?: { color: string } }[] = [];
  const lower: { value: number | null; itemStyle?: { color: string } }[] = [];
  let running = 0;
  for (const step of steps) {
    const color = step.key === "need" ? forecastColors.total : step.value >= 0 ? forecastColors.up : forecastColors.down;
    const from = step.key === "need" ? 0 : running;
    const to = step.key === "need" ? step.value : running + step.value;
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    if (low >= 0) {
      base.push(low);
      upper.push({ value: high - low, itemStyle: { color } });
      lower.push({ value: null });
    } else if (high <= 0) {
      base.push(high);
      upper.push({ value: low - high, itemStyle: { color } });
      lower.push({ value: null });
    } else {
      base.push(null);
      upper.push({ value: high, itemStyle: { color } });
      lower.push({ value: low, itemStyle: { color } });
    }
    if (step.key !== "need") running = to;
  }
  return { base, upper, lower };
}

type WaterfallProps = { forecast: Forecast; year: number; years: number[]; onYear: (year: number) => void };

export function WaterfallChart({ forecast, year, years, onYear }: WaterfallProps) {
  const t = useT();
  const [lang] = useLang();
  const selectId = useId();
  const through = needThrough(forecast, year);
  const steps = useMemo<Step[]>(() => through
    ? [...decompositionParts.map((part) => ({ key: part, value: through[part] })), { key: "need" as const, value: through.need_fte }]
    : [], [through]);

  const option = useMemo<ChartOption | null>(() => {
    if (steps.length === 0) return null;
    const { base, upper, lower } = waterfallSeries(steps);
    const labels = steps.map((step) => t(`forecast.partShort.${step.key}`));
    const names = steps.map((step) => t(`forecast.part.${step.key}`));
    const fte = (value: number) => formatDecimal(value, 1, lang);
    return {
      aria: { enabled: true },
      animation: false,
      textStyle: baseText,
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (items: unknown) => {
          const list = items as { dataIndex: number }[];
          const step = steps[list[0]?.dataIndex ?? 0];
          return step ? `${names[list[0].dataIndex]}: ${fte(step.value)} ${t("forecast.fteUnit")}` : "";
        },
      },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: labels, axisLabel: { interval: 0, lineHeight: 14, fontSize: 11 } },
      yAxis: { type: "value", name: t("forecast.chartFteAxis"), nameTextStyle: { align: "left" },
               axisLabel: { formatter: (v: number) => formatInteger(v, lang) } },
      series: [
        { type: "bar", stack: "waterfall", silent: true, itemStyle: { color: "transparent" }, data: base,
          tooltip: { show: false } },
        { type: "bar", stack: "waterfall", data: upper, barMaxWidth: 56,
          label: { show: true, position: "top", formatter: (p: { dataIndex: number }) => fte(steps[p.dataIndex].value) } },
        { type: "bar", stack: "waterfall", data: lower, barMaxWidth: 56 },
      ],
    };
  }, [steps, lang, t]);

  const table = (
    <div className="table-scroll">
      <table className="data-table" data-testid="table-forecast-decomposition">
        <caption>{t("forecast.decompositionCaption", { year, base: forecast.base_year + 1 })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("forecast.part")}</th>
            <th scope="col" className="num">{t("forecast.fteUnitLong")}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.key} data-part={step.key} className={step.key === "need" ? "row-pinned" : undefined}>
              <th scope="row">{t(`forecast.part.${step.key}`)}</th>
              <Cell value={step.value} kind="fte" field="fte" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartWithTable title={t("forecast.waterfallTitle", { year })} description={t("forecast.waterfallHelp")}
                    option={option} chartTestId="chart-forecast-waterfall" height={340} table={table}>
      <div className="field forecast-inline-field">
        <label htmlFor={selectId}>{t("forecast.decompositionYear")}</label>
        <select id={selectId} data-testid="decomposition-year" value={year} onChange={(e) => onYear(Number(e.target.value))}>
          {years.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      </div>
      <ul className="legend-keys" aria-hidden="true">
        <li><span className="legend-swatch" style={{ background: forecastColors.up }} />{t("forecast.legendUp")}</li>
        <li><span className="legend-swatch" style={{ background: forecastColors.down }} />{t("forecast.legendDown")}</li>
        <li><span className="legend-swatch" style={{ background: forecastColors.total }} />{t("forecast.legendTotal")}</li>
      </ul>
    </ChartWithTable>
  );
}
