// Owned by W2 from the foundation commit on: the me page (CONTRACT.md).
import { useT } from "../i18n";

export default function MePage() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t("nav.me")}</h1>
    </section>
  );
}
