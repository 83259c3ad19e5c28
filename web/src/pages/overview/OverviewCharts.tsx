// The overview's three charts, each with its table alternative: age pyramid by gender, position
// size, expected retirements per year. Withheld values (null) stay out of the chart data: their
// bar is simply missing, and the table shows ":".
import { useMemo } from "react";
import type { Indicators } from "../../api/types";
import { chartColors, type ChartOption } from "../../charts";
import { ChartWithTable } from "../../components/ChartWithTable";
import { figureAttributes } from "../../components/Figure";
import { formatInteger } from "../../format";
import { useLang, useT, type TFunction } from "../../i18n";

export const ageBands = ["<20", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70+"] as const;
export const sizeBands = ["<25", "25-49", "50-74", "75-99", "100+"] as const;
const genders = ["female", "male", "other"] as const;

function bandLabel(band: string, t: TFunction): string {
  if (band === "<20") return t("overview.ageUnder20");
  if (band === "70+") return t("overview.age70Plus");
  return band.replace("-", "–");
}

function FigureCell({ value, kind, attrs }: { value: number | null | undefined; kind: "integer" | "fte"; attrs: Record<string, string> }) {
  const [lang] = useLang();
  if (value === undefined) return <td className="num" {...attrs} data-value="">–</td>;
  const shown = figureAttributes(value, kind, lang);
  return <td className="num" {...attrs} {...shown.attrs}>{shown.text}</td>;
}

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^n at or above `value`: an axis end that reads well. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const baseText = { fontFamily: "inherit", color: "#1b2631" };

export function AgePyramidChart({ indicators }: { indicators: Indicators }) {
  const t = useT();
  const [lang] = useLang();
  const pyramid = indicators.age_pyramid ?? null;

  const option = useMemo<ChartOption | null>(() => {
    if (!pyramid) return null;
    const female = ageBands.map((band) => {
      const value = pyramid.female?.[band];
      return value === null || value === undefined ? "-" : -value;
    });
    const male = ageBands.map((band) => {
      const value = pyramid.male?.[band];
      return value === null || value === undefined ? "-" : value;
    });
    const format = (value: number) => formatInteger(Math.abs(value), lang);
    // The same scale on both sides, so the two halves compare at a glance.
    const largest = niceCeiling(Math.max(1, ...[...female, ...male].map((value) => (typeof value === "number" ? Math.abs(value) : 0))));
    return {
      aria: { enabled: true },
      textStyle: baseText,
      animation: false,
      grid: { left: 64, right: 24, top: 32, bottom: 28 },
      legend: { top: 0, data: [t("gender.female"), t("gender.male")] },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (value) => (typeof value === "number" ? format(value) : ""),
      },
      xAxis: { type: "value", min: -largest, max: largest, axisLabel: { formatter: (value: number) => format(value) } },
      yAxis: { type: "category", data: ageBands.map((band) => bandLabel(band, t)), axisTick: { show: false } },
      series: [
        { name: t("gender.female"), type: "bar", stack: "pyramid", data: female, itemStyle: { color: chartColors.female }, barCategoryGap: "18%" },
        { name: t("gender.male"), type: "bar", stack: "pyramid", data: male, itemStyle: { color: chartColors.male }, barCategoryGap: "18%" },
      ],
    };
  }, [pyramid, lang, t]);

  const table = (
    <div className="table-scroll">
      <table className="data-table" data-testid="table-age-pyramid">
        <caption>{t("overview.agePyramid")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overview.ageBand")}</th>
            {genders.map((gender) => <th key={gender} scope="col" className="num">{t(`gender.${gender}`)}</th>)}
            <th scope="col" className="num">{t("overview.allGenders")}</th>
          </tr>
        </thead>
        <tbody>
          {[...ageBands].reverse().map((band) => (
            <tr key={band} data-band={band}>
              <th scope="row">{bandLabel(band, t)}</th>
              {genders.map((gender) =>
                pyramid ? (
                  <FigureCell key={gender} value={pyramid[gender]?.[band]}
                              kind="integer" attrs={{ "data-gender": gender }} />
                ) : (
                  <td key={gender} className="num" data-gender={gender} data-value="">–</td>
                ))}
              <FigureCell value={indicators.age_bands[band]} kind="integer" attrs={{ "data-field": "persons" }} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartWithTable title={t("overview.agePyramid")} description={t("overview.agePyramidHelp")} option={option}
                    chartTestId="chart-age-pyramid" height={540} table={table}
                    empty={t("overview.agePyramidMissing")} tableOpen={!pyramid} />
  );
}

export function PositionSizeChart({ indicators }: { indicators: Indicators }) {
  const t = useT();
  const [lang] = useLang();
  const bands = indicators.position_size_bands ?? null;

  const option = useMemo<ChartOption | null>(() => {
    if (!bands) return null;
    return {
      aria: { enabled: true },
      textStyle: baseText,
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                 valueFormatter: (value) => (typeof value === "number" ? formatInteger(value, lang) : "") },
      xAxis: { type: "category", data: sizeBands.map((band) => t(`overview.sizeBand.${band}`)), axisTick: { show: false },
               axisLabel: { interval: 0 } },
      yAxis: { type: "value", axisLabel: { formatter: (value: number) => formatInteger(value, lang) } },
      series: [{
        name: t("overview.retirementPersons"), type: "bar",
        data: sizeBands.map((band) => (bands[band] === null || bands[band] === undefined ? "-" : bands[band]!)),
        itemStyle: { color: chartColors.primary }, barMaxWidth: 56,
      }],
    };
  }, [bands, lang, t]);

  const table = (
    <div className="table-scroll">
      <table className="data-table" data-testid="table-position-size">
        <caption>{t("overview.positionSize")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overview.sizeBand")}</th>
            <th scope="col" className="num">{t("overview.retirementPersons")}</th>
          </tr>
        </thead>
        <tbody>
          {bands ? sizeBands.map((band) => (
            <tr key={band} data-band={band}>
              <th scope="row">{t(`overview.sizeBand.${band}`)}</th>
              <FigureCell value={bands[band]} kind="integer" attrs={{ "data-field": "persons" }} />
            </tr>
          )) : (
            <tr><td colSpan={2}>{t("overview.positionSizeMissing")}</td></tr>
          )}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartWithTable title={t("overview.positionSize")} description={t("overview.positionSizeHelp")} option={option}
                    chartTestId="chart-position-size" height={230} table={table}
                    empty={t("overview.positionSizeMissing")} />
  );
}

export function RetirementsChart({ indicators, snapshotYear }: { indicators: Indicators; snapshotYear: number }) {
  const t = useT();
  const [lang] = useLang();
  const years = indicators.retirements_by_year.map((entry, index) => ({
    year: entry?.year ?? snapshotYear + 1 + index,
    persons: entry === null ? null : entry.persons,
    fte: entry === null ? null : entry.fte,
  }));

  const option = useMemo<ChartOption | null>(() => ({
    aria: { enabled: true },
    textStyle: baseText,
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    tooltip: {
      trigger: "axis", axisPointer: { type: "shadow" },
      valueFormatter: (value) => (typeof value === "number" ? formatInteger(value, lang) : ""),
    },
    xAxis: { type: "category", data: years.map((entry) => String(entry.year)), axisTick: { show: false } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (value: number) => formatInteger(value, lang) } },
    series: [{
      name: t("overview.retirementPersons"), type: "bar",
      data: years.map((entry) => (entry.persons === null ? "-" : entry.persons)),
      itemStyle: { color: chartColors.secondary }, barMaxWidth: 40,
    }],
  }), [JSON.stringify(years), lang, t]); // eslint-disable-line react-hooks/exhaustive-deps

  const table = (
    <div className="table-scroll">
      <table className="data-table" data-testid="table-retirements">
        <caption>{t("overview.retirements")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overview.year")}</th>
            <th scope="col" className="num">{t("overview.retirementPersons")}</th>
            <th scope="col" className="num">{t("overview.retirementFte")}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((entry) => (
            <tr key={entry.year} data-year={entry.year}>
              <th scope="row">{entry.year}</th>
              <FigureCell value={entry.persons} kind="integer" attrs={{ "data-field": "persons" }} />
              <FigureCell value={entry.fte} kind="fte" attrs={{ "data-field": "fte" }} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartWithTable title={t("overview.retirements")} description={t("overview.retirementsHelp")} option={option}
                    chartTestId="chart-retirements" height={230} table={table} />
  );
}
