// The login form; afterwards back to where the user was going (?neste=), else their home page.
import { useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { ApiError } from "../api/client";
import { useLang, useT } from "../i18n";
import { homePath, useSession } from "../session";

/** Only same-site paths are followed, so ?neste= cannot send the user elsewhere. */
function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/logg-inn")) return null;
  return next;
}

export default function LoginPage() {
  const t = useT();
  const [lang] = useLang();
  const { user, role, login } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get("neste"));

  if (user && !busy) return <Navigate to={next ?? homePath(role)} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const loggedIn = await login(username.trim(), password);
      navigate(next ?? homePath(loggedIn.role), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "login_failed") setError(t("login.failed"));
      else if (caught instanceof ApiError) setError(caught.text(lang));
      else setError(t("error.unexpected"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="login-page">
      <div className="login-card">
        <h1>{t("login.title")}</h1>
        <p className="login-intro">{t("login.intro")}</p>
        <form onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor="login-username">{t("login.username")}</label>
            <input id="login-username" data-testid="login-username" name="username" autoComplete="username"
                   value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t("login.password")}</label>
            <input id="login-password" data-testid="login-password" name="password" type="password"
                   autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)}
                   required />
          </div>
          {error ? <p className="form-error" role="alert" data-testid="login-error">{error}</p> : null}
          <button type="submit" className="button button-primary" data-testid="login-submit" disabled={busy}>
            {busy ? t("login.busy") : t("login.submit")}
          </button>
        </form>
      </div>
    </section>
  );
}
