import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import { useApp } from "../state/app.js";
import type { Backup, ErrorPayload, RepairChange } from "../../shared/index.js";
import { RepairDialog } from "./recovery/RepairDialog.js";

/**
 * Project files that cannot be read are never overwritten; the user may open the last good backup,
 * or — when the file reads but contradicts itself — repair it, seeing each change first.
 */
const REPAIRABLE = "store.errors.integrity";
const RECOVERABLE = new Set(["store.errors.corrupt", "store.errors.foreign", "store.errors.integrity"]);

export function ErrorBanner({ error, dir, onDismiss }: { error: ErrorPayload; dir?: string | undefined; onDismiss(): void }) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const [backups, setBackups] = useState<Backup[]>([]);
  const [plan, setPlan] = useState<RepairChange[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (dir && RECOVERABLE.has(error.code)) void api.listBackups({ dir }).then(setBackups, () => setBackups([]));
    else setBackups([]);
  }, [dir, error.code]);

  const latest = backups[0];
  const repairable = Boolean(dir) && error.code === REPAIRABLE;
  // While the repair's changes are shown, the dialog stands alone: the banner would cover it.
  if (dir && plan) {
    return (
      <RepairDialog
        changes={plan}
        busy={busy}
        onCancel={() => setPlan(null)}
        onRepair={() => {
          setBusy(true);
          void app.repairProject(dir).finally(() => (setBusy(false), setPlan(null)));
        }}
      />
    );
  }
  return (
    <div className={`error-banner${repairable || latest ? " recovery" : ""}`} role="alert" data-testid="error-banner" data-error-code={error.code}>
      <span>{t(error.code, error.params)}</span>
      <div className="choices">
        {dir && repairable && (
          <button onClick={() => void api.planRepair({ dir }).then(setPlan, (e: unknown) => app.showError(e))} data-testid="repair-project">
            {t("repair.app.repair")}
          </button>
        )}
        {dir && latest && (
          <button onClick={() => void app.restoreBackup(dir, latest.file)} data-testid="restore-backup">
            {t("app.error.restoreBackup", { date: new Date(latest.createdAt).toLocaleString(i18n.language) })}
          </button>
        )}
        <button className="icon" onClick={onDismiss} aria-label={t("app.close")}>
          ×
        </button>
      </div>
    </div>
  );
}
