import { useState } from "react";
import { useTranslation } from "react-i18next";
import { countWords, toErrorPayload, typedPathProblem, type ErrorPayload, type MergeChoice, type MergeSummary } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useMirror } from "../../state/context.js";
import { Modal } from "../Modal.js";
import { PathField } from "./PathField.js";

/**
 * Merge another coder's copy: type its folder, preview what would be added, what matches and what
 * conflicts (a choice per conflict, ours by default), then merge as one undo step.
 */
export function MergeDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const mirror = useMirror();
  const [other, setOther] = useState("");
  const [preview, setPreview] = useState<MergeSummary | null>(null);
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState<MergeSummary | null>(null);

  const ready = typedPathProblem(other) === null;
  const look = async () => {
    if (!ready) return;
    setError(null);
    setDone(null);
    try {
      setPreview(await api.mergePreview({ other: other.trim(), choices: {} }));
      setChoices({});
    } catch (e) {
      setPreview(null);
      setError(toErrorPayload(e));
    }
  };
  const merge = async () => {
    try {
      const result = await api.mergeCopy({ other: other.trim(), choices });
      mirror.receive(result);
      setDone(result);
      setPreview(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  };
  // Each count in words by its own number; what matches is a number after "matched", a clause in the preview.
  const counts = (s: MergeSummary) =>
    countWords(t, {
      documents: s.addedDocuments.length,
      codes: s.addedCodes.length,
      codings: s.addedCodings,
      cases: s.addedCases,
      memos: s.addedMemos,
      conflicts: s.conflicts.length,
    });
  const matched = (s: MergeSummary) => s.matchedDocuments.length + s.matchedCodes.length + s.presentCodings + s.matchedCases;

  return (
    <Modal title={t("agreement.merge.title")} className="merge-dialog" testId="merge-dialog" onSubmit={() => void (preview ? merge() : look())} onClose={onClose}>
      <PathField id="merge-other" label={t("agreement.merge.folder")} value={other} onChange={(path) => (setOther(path), setPreview(null))} picks={["pickFolder", "openPackage"]} />
      {error && <p className="error" role="alert" data-testid="merge-error">{t(error.code, error.params)}</p>}
      {preview && (
        <div className="merge-preview" data-testid="merge-preview">
          <p>{t("agreement.merge.summary", { ...counts(preview), matched: t("count.matchedHere", { count: matched(preview) }), other: other.trim() })}</p>
          {preview.conflicts.map((c) => (
            <fieldset key={c.key} className="merge-conflict" data-testid="merge-conflict">
              <legend>{t(`agreement.merge.${c.kind}`)}</legend>
              {(["mine", "theirs"] as const).map((side) => (
                <label key={side} className="checkbox">
                  <input type="radio" name={c.key} checked={(choices[c.key] ?? "mine") === side} onChange={() => setChoices({ ...choices, [c.key]: side })} data-testid={`merge-${side}`} />
                  {t(`agreement.merge.${side}`, { text: side === "mine" ? c.mine : c.theirs })}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      )}
      {done && <p role="status" data-testid="merge-done">{t("agreement.cli.merged", { ...counts(done), matched: matched(done), other: other.trim() })}</p>}
      <div className="actions">
        <button type="button" onClick={onClose}>{t("app.close")}</button>
        <button type="submit" className="primary" disabled={!ready} data-testid={preview ? "merge-apply" : "merge-look"}>
          {t(preview ? "agreement.merge.apply" : "agreement.merge.preview")}
        </button>
      </div>
    </Modal>
  );
}
