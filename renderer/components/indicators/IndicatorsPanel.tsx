import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseId, coderEvidence, computeIndicators, type DocumentId, languageFromLocale } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { OnlyMineSwitch, useShownCoder } from "../agreement/onlyMine.js";
import { AddFramework } from "./AddFramework.js";
import { CasesPanel } from "./CasesPanel.js";
import { FrameworkCard } from "./FrameworkCard.js";
import "./indicators.css";

/**
 * The indicator dashboard: cases, the frameworks of the project, and per case × framework every
 * indicator's status with its evidence counts, the researcher's override beside (never instead of)
 * the computed status, and the verdict as a sentence for the thesis. Recomputed on every change.
 */
export function IndicatorsPanel({ onJump }: { onJump?(documentId: DocumentId, start: number, end: number): void } = {}) {
  const { t, i18n } = useTranslation();
  const language = languageFromLocale(i18n.language);
  const { state, version, index } = useProject();
  const [chosen, setChosen] = useState<CaseId | null>(null);

  // The coding index already holds the evidence per code and document, kept current per operation;
  // "only my codings" counts that coder's codings alone, so the verdicts are theirs.
  const shownCoder = useShownCoder();
  const results = useMemo(
    () => computeIndicators(state, undefined, undefined, undefined, shownCoder === null ? index : coderEvidence(Object.values(state.codings), shownCoder)),
    [state, version, index, shownCoder],
  );
  const cases = useMemo(() => Object.values(state.cases).sort((a, b) => a.name.localeCompare(b.name)), [state, version]);
  const frameworks = useMemo(() => Object.values(state.frameworks), [state, version]);
  const caseId = chosen && state.cases[chosen] ? chosen : (cases[0]?.id ?? null);
  const caseResult = results.find((r) => r.caseId === caseId);
  const current = caseId ? state.cases[caseId] : undefined;

  return (
    <div className="indicators-panel" data-testid="indicators-panel">
      <CasesPanel onCreated={setChosen} />
      <AddFramework language={language} />
      <section className="ind-section dashboard">
        <div className="ind-case-pick">
          <label htmlFor="indicator-case">{t("indicators.dashboard.case")}</label>
          <select id="indicator-case" value={caseId ?? ""} disabled={cases.length === 0} onChange={(e) => setChosen(e.target.value as CaseId)} data-testid="case-select">
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="ind-only-mine">
          <OnlyMineSwitch />
        </div>
        {cases.length === 0 && <p className="empty" data-testid="dashboard-no-cases">{t("indicators.dashboard.noCases")}</p>}
        {frameworks.length === 0 && <p className="empty" data-testid="dashboard-no-frameworks">{t("indicators.frameworks.none")}</p>}
        {current && current.documentIds.length === 0 && frameworks.length > 0 && <p className="empty">{t("indicators.dashboard.caseEmpty")}</p>}
        {caseId &&
          caseResult?.frameworks.map((result) => {
            const framework = state.frameworks[result.frameworkId];
            return framework ? <FrameworkCard key={framework.id} framework={framework} result={result} caseId={caseId} language={language} onJump={onJump} /> : null;
          })}
      </section>
    </div>
  );
}
