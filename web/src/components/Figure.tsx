// One number on screen with its machine value (CONTRACT.md): data-value holds the exact figure
// ("12.50", "33.3", "" when withheld or undefined); a withheld value shows ":" with
// data-suppressed="true" and a tooltip saying why; an undefined one shows "–".
import type { ElementType, HTMLAttributes } from "react";
import { displayFigure, type FigureKind, type FigureValue } from "../format";
import { useLang, useT } from "../i18n";

type Props = {
  value: FigureValue;
  kind: FigureKind;
  testId?: string;
  as?: ElementType;
  className?: string;
} & Omit<HTMLAttributes<HTMLElement>, "children">;

export function Figure({ value, kind, testId, as: Tag = "span", className, ...rest }: Props) {
  const t = useT();
  const [lang] = useLang();
  const shown = displayFigure(value, kind, lang);
  return (
    <Tag
      {...rest}
      className={["figure", shown.suppressed ? "is-withheld" : "", shown.isUndefined ? "is-undefined" : "", className ?? ""].join(" ").trim()}
      data-testid={testId}
      data-value={shown.machine}
      data-suppressed={shown.suppressed ? "true" : undefined}
      title={shown.suppressed ? t("figure.withheld") : shown.isUndefined ? t("figure.undefined") : rest.title}
    >
      {shown.text}
    </Tag>
  );
}

/** The attributes a table cell needs for a figure, for components that render their own <td>. */
export function figureAttributes(value: FigureValue, kind: FigureKind, lang: "nb" | "en") {
  const shown = displayFigure(value, kind, lang);
  return {
    text: shown.text,
    attrs: {
      "data-value": shown.machine,
      "data-suppressed": shown.suppressed ? "true" : undefined,
    } as Record<string, string | undefined>,
    suppressed: shown.suppressed,
    isUndefined: shown.isUndefined,
  };
}
