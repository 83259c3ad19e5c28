// The ECharts pieces only the forecast page draws (demand and supply as lines). Imported by the
// forecast page alone, so they land in its lazy chunk and not in the bundle of the other pages.
import { LineChart } from "echarts/charts";
import { echarts } from "./charts";

echarts.use([LineChart]);

/** Colours of the forecast's charts: demand, supply, need, and the waterfall's up, down and total. */
export const forecastColors = {
  demand: "#1f5f8b",
  supply: "#c26a1b",
  need: "#8a3b72",
  up: "#b4481c",
  down: "#2e7d4f",
  total: "#14476b",
  scenarios: ["#14476b", "#c26a1b", "#2e7d4f", "#8a3b72", "#6b7785", "#5f6b3a", "#1f8b8b"],
};
