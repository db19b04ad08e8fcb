import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toErrorPayload, type ErrorPayload } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { Modal } from "../Modal.js";

/** "Prepare for a second coder": a copy of this project in a new folder or one .tandai file, blind if asked. */
export function HandoffDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState("");
  const [dropCodings, setDropCodings] = useState(true);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<{ dir: string; documents: number; codes: number; codings: number } | null>(null);

  const write = async () => {
    setError(null);
    try {
      setDone(await api.handoff({ target: target.trim(), dropCodings }));
    } catch (e) {
      setError(toErrorPayload(e));
    }
  };
  return (
    <Modal title={t("agreement.handoff.title")} className="handoff-dialog" testId="handoff-dialog" onSubmit={() => void write()} onClose={onClose}>
      <label htmlFor="handoff-target">{t("agreement.handoff.target")}</label>
      <input id="handoff-target" type="text" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="handoff-target" />
      <label className="checkbox">
        <input type="checkbox" checked={dropCodings} onChange={(e) => setDropCodings(e.target.checked)} data-testid="handoff-blind" />
        {t("agreement.handoff.blind")}
      </label>
      {error && <p className="error" role="alert" data-testid="handoff-error">{t(error.code, error.params)}</p>}
      {done && <p role="status" data-testid="handoff-done">{t("agreement.cli.handedOff", { ...done, path: done.dir })}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>{t("app.close")}</button>
        <button type="submit" className="primary" disabled={!target.trim()} data-testid="handoff-write">{t("agreement.handoff.write")}</button>
      </div>
    </Modal>
  );
}
