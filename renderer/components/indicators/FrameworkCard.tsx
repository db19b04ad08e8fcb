import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseId, type Code, codePathLabel, countWords, type DocumentId, flattenCodebook, type Framework, type FrameworkResult, indicatorName, type IndicatorResult, type IndicatorStatus, type Language, type ProjectState, verdictSentence } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { Dialog } from "../codebook/Dialog.js";
import { useApplyOp } from "../codebook/useApplyOp.js";
import { downloadFramework } from "./FrameworkEditor.js";
import { IndicatorRow } from "./IndicatorRow.js";
import { OverrideDialog } from "./OverrideDialog.js";
import { useStrongestQuotes } from "./Quotes.js";
import { ThresholdsEditor } from "./ThresholdsEditor.js";

/** One framework in the chosen case: its verdict, each indicator's row, its thresholds, and removing it. */
export function FrameworkCard({
  framework,
  result,
  caseId,
  language,
  onJump,
}: {
  framework: Framework;
  result: FrameworkResult;
  caseId: CaseId;
  language: Language;
  onJump?(documentId: DocumentId, start: number, end: number): void;
}) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const applyOp = useApplyOp();
  const [overriding, setOverriding] = useState<IndicatorResult | null>(null);
  const [showQuotes, setShowQuotes] = useState(false);
  const [removing, setRemoving] = useState(false);
  const sentence = verdictSentence(language, framework, result.verdict);
  const linked = useMemo(() => linkedCodes(state), [state, version]);
  const options = useMemo(() => flattenCodebook(state).map(({ code }) => ({ code, path: codePathLabel(state, code.id) })), [state, version]);
  const { minCodings, minDocuments } = framework.thresholds;
  const codesByIndicator = useMemo(() => new Map(framework.indicators.map((i) => [i.id, (linked.get(i.id) ?? []).map((c) => c.id)])), [framework, linked]);
  const quotes = useStrongestQuotes(showQuotes, codesByIndicator, state.cases[caseId]?.documentIds ?? [], version);

  return (
    <article className="framework-card" data-testid="framework-card" data-framework-id={framework.id}>
      <header>
        <h3>{framework.name[language]}</h3>
        <span className="kind">{t(`frameworks.kind.${framework.kind}`)}</span>
        <button
          type="button"
          className="icon remove-framework"
          title={t("indicators.frameworks.remove")}
          aria-label={t("indicators.frameworks.remove")}
          onClick={() => setRemoving(true)}
          data-testid="remove-framework"
        >
          ×
        </button>
      </header>
      <p className="verdict" data-testid="verdict-sentence" lang={language}>
        {sentence}
      </p>
      <table className="indicator-table">
        <colgroup>
          <col />
          <col className="status-col" />
          <col className="num-col" />
          <col className="num-col" />
          <col className="num-col" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t("indicators.dashboard.indicator")}</th>
            <th scope="col">{t("indicators.dashboard.status")}</th>
            <th scope="col" className="num" title={t("indicators.dashboard.supportingHint")}>
              {t("indicators.dashboard.supporting")}
            </th>
            <th scope="col" className="num" title={t("indicators.dashboard.contradictingHint")}>
              {t("indicators.dashboard.contradicting")}
            </th>
            <th scope="col" className="num" title={t("indicators.dashboard.documentsHint")}>
              {t("indicators.dashboard.documents")}
            </th>
          </tr>
        </thead>
        <tbody>
          {framework.indicators.map((indicator) => (
            <IndicatorRow
              key={indicator.id}
              indicator={indicator}
              result={result.indicators.find((x) => x.indicatorId === indicator.id)!}
              codes={linked.get(indicator.id) ?? []}
              options={options}
              caseId={caseId}
              language={language}
              quotes={showQuotes ? (quotes.get(indicator.id) ?? []) : null}
              onJump={onJump}
              onOverride={setOverriding}
            />
          ))}
        </tbody>
      </table>
      <footer className="card-footer">
        <ThresholdsEditor framework={framework} />
        <div className="card-actions">
          <button type="button" className="link-button" aria-pressed={showQuotes} onClick={() => setShowQuotes((on) => !on)} data-testid="toggle-quotes">
            {showQuotes ? t("indicators.quotes.hide") : t("indicators.quotes.show")}
          </button>
          <button
            type="button"
            className="link-button"
            title={t("indicators.frameworks.exportHint", { file: `${framework.id}.framework.json` })}
            onClick={() => downloadFramework(framework)}
            data-testid="export-framework"
          >
            {t("indicators.frameworks.export")}
          </button>
        </div>
        <p className="thresholds muted" data-testid="thresholds-sentence">
          {t("indicators.dashboard.thresholds", countWords(t, { supportingCodings: minCodings, documents: minDocuments }))}
        </p>
      </footer>
      {removing && (
        <Dialog
          title={t("indicators.frameworks.removeTitle", { name: framework.name[language] })}
          confirmLabel={t("indicators.frameworks.remove")}
          tone="danger"
          initialFocus="[data-testid=confirm]"
          testId="remove-framework-dialog"
          onCancel={() => setRemoving(false)}
          onConfirm={() => {
            setRemoving(false);
            void applyOp({ type: "removeFramework", frameworkId: framework.id });
          }}
        >
          <p>{t("indicators.frameworks.removeBody")}</p>
        </Dialog>
      )}
      {overriding && (
        <OverrideDialog
          indicatorName={indicatorName(state.frameworks, overriding.indicatorId, language)}
          result={overriding}
          onCancel={() => setOverriding(null)}
          onSave={(status: IndicatorStatus, justification: string) => {
            const indicatorId = overriding.indicatorId;
            setOverriding(null);
            void applyOp({ type: "setOverride", caseId, indicatorId, override: { status, justification } });
          }}
        />
      )}
    </article>
  );
}

/** The codes linked to each indicator, in codebook order. */
function linkedCodes(state: ProjectState): Map<string, Code[]> {
  const out = new Map<string, Code[]>();
  for (const { code } of flattenCodebook(state)) {
    if (!code.indicatorId) continue;
    const list = out.get(code.indicatorId) ?? [];
    list.push(code);
    out.set(code.indicatorId, list);
  }
  return out;
}
