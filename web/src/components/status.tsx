import { ApiError } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" aria-live="polite">
      {t("app.loading")}
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const message = error instanceof ApiError ? error.message : String(error);
  return (
    <p role="alert" className="alert">
      {t("app.error")}: {message}
    </p>
  );
}

export function SyntheticBadge({ synthetic }: { synthetic: boolean }) {
  const { t } = useI18n();
  return synthetic ? <span className="badge synthetic">{t("app.syntheticBadge")}</span> : null;
}

export function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="figure">
      <div className="figure-label">{label}</div>
      <div className="figure-value">{value}</div>
      {note && <div className="figure-note">{note}</div>}
    </div>
  );
}
