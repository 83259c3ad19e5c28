// Owned by W2 from the foundation commit on: the compare page (CONTRACT.md).
import { useT } from "../i18n";

export default function ComparePage() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t("nav.compare")}</h1>
    </section>
  );
}
