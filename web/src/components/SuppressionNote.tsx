// Says, in plain words, why some figures show ":" (small groups withheld; docs/privacy.md).
import { useT } from "../i18n";

export function SuppressionNote({ minGroup, show }: { minGroup: number; show: boolean }) {
  const t = useT();
  if (!show) return null;
  return (
    <aside className="note note-info" data-testid="suppression-note" aria-label={t("suppression.title")}>
      <p className="note-title"><span className="note-symbol" aria-hidden="true">:</span> {t("suppression.title")}</p>
      <p>{t("suppression.body", { k: minGroup })}</p>
    </aside>
  );
}
