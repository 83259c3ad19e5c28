// The overview of one municipality or node (CONTRACT.md "Overview").
import { useT } from "../i18n";

export default function OverviewPage() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t("overview.title")}</h1>
    </section>
  );
}
