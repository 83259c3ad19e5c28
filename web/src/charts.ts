// ECharts, imported piece by piece (bar charts on canvas with grid, tooltip, legend and aria),
// so the bundle carries only what the app draws. A page that needs more registers it in its own
// lazy module (the region's MarkLine, the forecast's LineChart: `registerForecastCharts` below is
// only imported by the forecast page), so the other pages do not carry it.
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { ComposeOption } from "echarts/core";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from "echarts/components";

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

export { echarts };

/** The app's palette: calm, distinguishable, and ≥ 3:1 against white for bars. */
export const chartColors = {
  female: "#8a3b72",
  male: "#1f5f8b",
  other: "#5f6b3a",
  primary: "#1f5f8b",
  secondary: "#c26a1b",
  muted: "#6b7785",
};
