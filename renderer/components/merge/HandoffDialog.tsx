import { useState } from "react";
import { useTranslation } from "react-i18next";
import { countWords, toErrorPayload, typedPathProblem, type ErrorPayload } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { Modal } from "../Modal.js";
import { PathField } from "./PathField.js";

/** "Prepare for a second coder": a copy of this project in a new folder or one .tandai file, blind if asked. */
export function HandoffDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState("");
  const [dropCodings, setDropCodings] = useState(true);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<{ dir: string; documents: number; codes: number; codings: number } | null>(null);

  const ready = typedPathProblem(target) === null;
  const write = async () => {
    if (!ready) return;
    setError(null);
    try {
      setDone(await api.handoff({ target: target.trim(), dropCodings }));
    } catch (e) {
      setError(toErrorPayload(e));
    }
  };
  return (
    <Modal title={t("agreement.handoff.title")} className="handoff-dialog" testId="handoff-dialog" onSubmit={() => void write()} onClose={onClose}>
      <PathField id="handoff-target" label={t("agreement.handoff.target")} value={target} onChange={(path) => (setTarget(path), setDone(null))} picks={["pickFolder", "savePackage"]} />
      <label className="checkbox">
        <input type="checkbox" checked={dropCodings} onChange={(e) => setDropCodings(e.target.checked)} data-testid="handoff-blind" />
        {t("agreement.handoff.blind")}
      </label>
      {error && <p className="error" role="alert" data-testid="handoff-error">{t(error.code, error.params)}</p>}
      {done && <p role="status" data-testid="handoff-done">{t("agreement.cli.handedOff", { ...countWords(t, { documents: done.documents, codes: done.codes, codings: done.codings }), path: done.dir })}</p>}
      <div className="actions">
        <button type="button" onClick={onClose}>{t("app.close")}</button>
        <button type="submit" className="primary" disabled={!ready} data-testid="handoff-write">{t("agreement.handoff.write")}</button>
      </div>
    </Modal>
  );
}
