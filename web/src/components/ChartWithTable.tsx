// An ECharts chart with its table alternative: the chart is an image for sighted users (with an
// aria description), the same figures are a real table in a <details> below it. Withheld values
// must be left out of `option` by the caller (never put a null's stand-in in chart data).
import { useEffect, useRef, useState, type ReactNode } from "react";
import { echarts, type ChartOption } from "../charts";
import { useT } from "../i18n";

type Props = {
  title: string;
  /** One sentence under the title: what the chart shows. */
  description?: string;
  option: ChartOption | null;
  chartTestId: string;
  height?: number;
  /** The table alternative (a <table> with caption); always in the DOM. */
  table: ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: ReactNode;
  /** Open the table by default (e.g. when the chart would be empty). */
  tableOpen?: boolean;
  headingLevel?: 2 | 3;
  children?: ReactNode;
};

export function ChartWithTable(props: Props) {
  const { title, description, option, chartTestId, height = 280, table, empty, tableOpen, headingLevel = 2 } = props;
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  useEffect(() => {
    if (!ref.current || !option) return;
    const instance = echarts.init(ref.current, undefined, { renderer: "canvas" });
    setChart(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, [option === null]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (chart && option) chart.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <section className="panel chart-panel" aria-label={title}>
      <Heading className="panel-title">{title}</Heading>
      {description ? <p className="panel-description">{description}</p> : null}
      {props.children}
      {option ? (
        <div ref={ref} className="chart" style={{ height }} data-testid={chartTestId} role="img"
             aria-label={t("chart.aria", { title })} />
      ) : (
        <div className="chart-empty" data-testid={chartTestId}>{empty ?? t("chart.empty")}</div>
      )}
      <details className="table-alternative" open={tableOpen}>
        <summary>{t("chart.showTable")}</summary>
        {table}
      </details>
    </section>
  );
}
