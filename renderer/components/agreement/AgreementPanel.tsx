import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { acceptVersion, AGREEMENT_UNITS, codePathLabel, codersOf, toErrorPayload, type AgreementReport, type AgreementUnit, type CodeId, type Disagreement, type DocumentId, type ErrorPayload } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useMirror, useProject } from "../../state/context.js";
import { HandoffDialog, MergeDialog } from "../merge/index.js";
import { AgreementTable } from "./AgreementTable.js";
import "./agreement.css";

/**
 * The Agreement tab: pick two or more coders, the unit and whether uncoded units count; the table
 * gives percent agreement, Cohen's kappa (two coders) and Krippendorff's alpha per code, and the
 * passages where the coders differ, each a link into the document.
 */
export function AgreementPanel({ onJump }: { onJump(documentId: DocumentId, start: number, end: number): void }) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const mirror = useMirror();
  // The state is the mirror's, changed in place: `version` says when.
  const coders = useMemo(() => codersOf(state), [state, version]);
  // The coders left out (none at first), so coders a merge brings in are compared at once.
  const [left, setLeft] = useState<Set<string>>(() => new Set());
  const chosen = new Set(coders.filter((c) => !left.has(c)));
  const [unit, setUnit] = useState<AgreementUnit>("paragraph");
  const [excludeUncoded, setExcludeUncoded] = useState(false);
  const [categories, setCategories] = useState<string>("");
  const [report, setReport] = useState<AgreementReport | null>(null);
  // The project's version the report was computed at: a later change (an undo, a coding) makes it stale.
  const [reportVersion, setReportVersion] = useState(version);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [merging, setMerging] = useState(false);
  const [handing, setHanding] = useState(false);
  const parents = Object.values(state.codes).filter((c) => Object.values(state.codes).some((child) => child.parentId === c.id));

  const toggle = (coder: string) =>
    setLeft((now) => {
      const next = new Set(now);
      if (next.has(coder)) next.delete(coder);
      else next.add(coder);
      return next;
    });
  const compute = async () => {
    setError(null);
    try {
      const request = { coders: coders.filter((c) => chosen.has(c)), unit, codeIds: [], categories: (categories || null) as CodeId | null, documentIds: [], excludeUncoded };
      const at = mirror.current.version;
      setReport(await api.agreement(request));
      setReportVersion(at);
    } catch (e) {
      setReport(null);
      setError(toErrorPayload(e));
    }
  };

  const mergeButton = (
    <>
      <div className="agreement-actions">
        <button onClick={() => setHanding(true)} data-testid="handoff-open">
          {t("agreement.handoff.open")}
        </button>
        <button onClick={() => setMerging(true)} data-testid="merge-open">
          {t("agreement.merge.open")}
        </button>
      </div>
      {merging && <MergeDialog onClose={() => setMerging(false)} />}
      {handing && <HandoffDialog onClose={() => setHanding(false)} />}
    </>
  );
  // Accepting a version is an operation (undoable); the report is then computed again.
  const accept = async (d: Disagreement, coder: number) => {
    const op = acceptVersion(state, d, coder);
    try {
      if (op) await mirror.apply(op);
      await compute();
    } catch (e) {
      setError(toErrorPayload(e));
    }
  };
  if (coders.length < 2) {
    return (
      <section className="agreement-panel" data-testid="agreement-panel">
        <p className="empty" data-testid="agreement-empty">{t("agreement.panel.needTwo")}</p>
        {mergeButton}
      </section>
    );
  }
  return (
    <section className="agreement-panel" data-testid="agreement-panel">
      {mergeButton}
      <fieldset className="agreement-coders">
        <legend>{t("agreement.panel.coders")}</legend>
        {coders.map((coder) => (
          <label key={coder} className="checkbox">
            <input type="checkbox" checked={chosen.has(coder)} onChange={() => toggle(coder)} data-testid={`agreement-coder-${coder}`} />
            {coder}
          </label>
        ))}
      </fieldset>
      <div className="agreement-options">
        <label>
          {t("agreement.panel.unit")}
          <select value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)} data-testid="agreement-unit">
            {AGREEMENT_UNITS.map((u) => (
              <option key={u} value={u}>{t(`agreement.panel.units.${u}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("agreement.panel.categories")}
          <select value={categories} onChange={(e) => setCategories(e.target.value)} data-testid="agreement-categories">
            <option value="">{t("agreement.panel.perCode")}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>{codePathLabel(state, p.id)}</option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={excludeUncoded} onChange={(e) => setExcludeUncoded(e.target.checked)} data-testid="agreement-exclude" />
          {t("agreement.panel.excludeUncoded")}
        </label>
        <button className="primary" disabled={chosen.size < 2} onClick={() => void compute()} data-testid="agreement-compute">
          {t("agreement.panel.compute")}
        </button>
      </div>
      {error && <p className="error" role="alert" data-testid="agreement-error">{t(error.code, error.params)}</p>}
      {report && reportVersion !== version && <p className="agreement-stale" role="status" data-testid="agreement-stale">{t("agreement.panel.stale")}</p>}
      {report && <AgreementTable report={report} onJump={onJump} onAccept={(d, coder) => void accept(d, coder)} />}
    </section>
  );
}
