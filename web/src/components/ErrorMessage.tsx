// A failed request, in the user's language (data-testid="error-message").
import { ApiError } from "../api/client";
import { useLang, useT } from "../i18n";

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const text = error instanceof ApiError ? error.text(lang) : t("error.unexpected");
  return (
    <div className="note note-error" role="alert" data-testid="error-message">
      <p className="note-title">{t("error.title")}</p>
      <p>{text}</p>
      {onRetry ? <button type="button" className="button button-secondary" onClick={onRetry}>{t("error.retry")}</button> : null}
    </div>
  );
}
