// Shown when the role may not open the page (data-testid="forbidden").
import { Link } from "react-router-dom";
import { useT } from "../i18n";
import { homePath, useSession } from "../session";

export function Forbidden() {
  const t = useT();
  const { role } = useSession();
  return (
    <section className="page-narrow" data-testid="forbidden">
      <h1>{t("forbidden.title")}</h1>
      <p>{t("forbidden.body")}</p>
      <p><Link to={homePath(role)}>{t("forbidden.home")}</Link></p>
    </section>
  );
}
