// Owned by W2 from the foundation commit on: the region page (CONTRACT.md).
import { useT } from "../i18n";

export default function RegionPage() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t("nav.region")}</h1>
    </section>
  );
}
