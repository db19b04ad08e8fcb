import { useTranslation } from "react-i18next";
import type { RepairChange } from "../../../shared/index.js";
import { Modal } from "../Modal.js";

/** How many changes are listed; a file damaged in thousands of places says how many more there are. */
const SHOWN = 20;

/**
 * What repairing a project file that contradicts itself will change, each change named, before
 * anything is written: "Repair and open" repairs (the damaged file kept first), Cancel leaves it.
 */
export function RepairDialog({ changes, busy, onRepair, onCancel }: { changes: RepairChange[]; busy: boolean; onRepair(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const more = changes.length - SHOWN;
  return (
    <Modal title={t("repair.app.heading", { count: changes.length })} className="repair-plan" testId="repair-plan" fallbackFocus="button.primary" busy={busy} onSubmit={onRepair} onClose={onCancel}>
      <ul className="repair-changes">
        {changes.slice(0, SHOWN).map((change) => (
          <li key={`${change.kind} ${change.where}`} data-testid="repair-change" data-kind={change.kind}>
            {t(`repair.changes.${change.kind}`, { where: change.where, found: change.found, becomes: change.becomes ?? "" })}
          </li>
        ))}
        {more > 0 && <li className="more">{t("repair.app.more", { count: more })}</li>}
      </ul>
      <p className="note">{t("repair.app.keptNote")}</p>
      <div className="actions">
        <button type="button" onClick={onCancel} disabled={busy} data-testid="repair-cancel">
          {t("repair.app.cancel")}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="repair-confirm">
          {t("repair.app.confirm")}
        </button>
      </div>
    </Modal>
  );
}
