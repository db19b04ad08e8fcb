import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import { useApp } from "../state/app.js";
import type { Backup, ErrorPayload } from "../../shared/index.js";

/** Project files that cannot be read are never overwritten; the user may open the last good backup. */
const RECOVERABLE = new Set(["store.errors.corrupt", "store.errors.foreign", "store.errors.integrity"]);

export function ErrorBanner({ error, dir, onDismiss }: { error: ErrorPayload; dir?: string | undefined; onDismiss(): void }) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const [backups, setBackups] = useState<Backup[]>([]);

  useEffect(() => {
    if (dir && RECOVERABLE.has(error.code)) void api.listBackups({ dir }).then(setBackups, () => setBackups([]));
    else setBackups([]);
  }, [dir, error.code]);

  const latest = backups[0];
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-error-code={error.code}>
      <span>{t(error.code, error.params)}</span>
      {dir && latest && (
        <button onClick={() => void app.restoreBackup(dir, latest.file)} data-testid="restore-backup">
          {t("app.error.restoreBackup", { date: new Date(latest.createdAt).toLocaleString(i18n.language) })}
        </button>
      )}
      <button className="icon" onClick={onDismiss} aria-label={t("app.close")}>
        ×
      </button>
    </div>
  );
}
