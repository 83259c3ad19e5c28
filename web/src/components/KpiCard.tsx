// A headline figure: label, the figure, and a line explaining it (also the tooltip of the label).
import type { ReactNode } from "react";
import type { FigureKind, FigureValue } from "../format";
import { Figure } from "./Figure";

type Props = {
  label: string;
  value: FigureValue;
  kind: FigureKind;
  testId: string;
  /** What the figure means, in one sentence (shown under it). */
  description?: string;
  /** A small line under the figure, e.g. "of 412 persons". */
  detail?: ReactNode;
  tone?: "default" | "attention";
};

export function KpiCard({ label, value, kind, testId, description, detail, tone = "default" }: Props) {
  return (
    <div className={`kpi-card kpi-${tone}`}>
      <dt className="kpi-label" title={description}>{label}</dt>
      <dd className="kpi-value">
        <Figure value={value} kind={kind} testId={testId} />
      </dd>
      {detail ? <dd className="kpi-detail">{detail}</dd> : null}
      {description ? <dd className="kpi-description">{description}</dd> : null}
    </div>
  );
}

/** The grid around KpiCards (a description list, so label and figure belong together). */
export function KpiGrid({ children, label }: { children: ReactNode; label: string }) {
  return <dl className="kpi-grid" aria-label={label}>{children}</dl>;
}
