// Owned by W2 from the foundation commit on: the import page (CONTRACT.md).
import { useT } from "../i18n";

export default function ImportPage() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t("nav.import")}</h1>
    </section>
  );
}
