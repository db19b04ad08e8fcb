import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseId, type Code, type CodeId, codePathLabel, coderEvidence, computeIndicators, countWords, escapeCodeName, type DocumentId, findIndicator, flattenCodebook, type Framework, type FrameworkResult, type IndicatorResult, type IndicatorStatus, type Language, languageFromLocale, PATH_SEPARATOR, type ProjectState, verdictSentence } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { OnlyMineSwitch, useShownCoder } from "../agreement/onlyMine.js";
import { Dialog } from "../codebook/Dialog.js";
import { useApplyOp } from "../codebook/useApplyOp.js";
import { AddFramework } from "./AddFramework.js";
import { CasesPanel } from "./CasesPanel.js";
import { downloadFramework } from "./FrameworkEditor.js";
import { OverrideDialog } from "./OverrideDialog.js";
import { QuoteList, useStrongestQuotes } from "./Quotes.js";
import { ThresholdsEditor } from "./ThresholdsEditor.js";
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

function FrameworkCard({
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
  const nameOf = (indicatorId: string) => findIndicator(state.frameworks, indicatorId)?.name[language] ?? indicatorId;
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
          {framework.indicators.map((indicator) => {
            const r = result.indicators.find((x) => x.indicatorId === indicator.id)!;
            const codes = linked.get(indicator.id) ?? [];
            return (
              <tr
                key={indicator.id}
                data-testid="indicator-row"
                data-indicator-id={indicator.id}
                data-status={r.computed}
                data-effective={r.effective}
                data-override={r.override?.status}
                data-against={r.hasContradicting ? "true" : undefined}
              >
                <td className="indicator-cell">
                  <div className="indicator-name" title={indicator.description?.[language]}>
                    {indicator.name[language]}
                  </div>
                  <div className="linked" aria-label={t("indicators.link.codes")}>
                    {codes.length === 0 && <span className="muted no-link">{t("indicators.link.none")}</span>}
                    {codes.map((code) => (
                      <span key={code.id} className="code-chip" data-testid="linked-code" title={codePathLabel(state, code.id)}>
                        <span className="swatch" style={{ background: code.color }} />
                        <span className="chip-name">
                          {codes.some((other) => other.id !== code.id && other.name === code.name) && code.parentId && state.codes[code.parentId] && (
                            <span className="chip-parent">{escapeCodeName(state.codes[code.parentId]!.name)} {PATH_SEPARATOR} </span>
                          )}
                          {escapeCodeName(code.name)}
                        </span>
                        <button
                          type="button"
                          className="icon"
                          aria-label={t("indicators.link.unlink", { name: code.name })}
                          title={t("indicators.link.unlink", { name: code.name })}
                          onClick={() => void applyOp({ type: "linkCode", codeId: code.id, indicatorId: null })}
                          data-testid="unlink-code"
                        >
                          ×
                        </button>
                      </span>
                    ))}
                    <select
                      className="link-select"
                      value=""
                      aria-label={`${t("indicators.link.add")} ${indicator.name[language]}`}
                      onChange={(e) => e.target.value && void applyOp({ type: "linkCode", codeId: e.target.value as CodeId, indicatorId: indicator.id })}
                      data-testid="link-select"
                    >
                      <option value="">{t("indicators.link.add")}</option>
                      {options
                        .filter(({ code }) => code.indicatorId !== indicator.id)
                        .map(({ code, path }) => (
                          <option key={code.id} value={code.id}>
                            {code.indicatorId ? t("indicators.link.moves", { path, indicator: nameOf(code.indicatorId) }) : path}
                          </option>
                        ))}
                    </select>
                  </div>
                  {showQuotes && <QuoteList passages={quotes.get(indicator.id) ?? []} onJump={onJump} />}
                  {r.override && (
                    <p className="override-note" data-testid="override-note">
                      {t("indicators.override.by", { justification: r.override.justification })}
                    </p>
                  )}
                </td>
                <td className="status-cell">
                  <div className="statuses">
                    <StatusBadge status={r.computed} against={r.hasContradicting} overridden={Boolean(r.override)} testId="computed-status" />
                    {r.override && (
                      <>
                        <span className="override-label">{t("indicators.status.override")}</span>
                        <StatusBadge status={r.override.status} against={false} overridden={false} testId="override-status-badge" />
                      </>
                    )}
                  </div>
                  <div className="override-actions">
                    <button type="button" className="link-button" onClick={() => setOverriding(r)} data-testid="override-button">
                      {r.override ? t("indicators.override.edit") : t("indicators.override.button")}
                    </button>
                    {r.override && (
                      <button
                        type="button"
                        className="link-button"
                        title={t("indicators.override.clearHint")}
                        onClick={() => void applyOp({ type: "setOverride", caseId, indicatorId: indicator.id, override: null })}
                        data-testid="clear-override"
                      >
                        {t("indicators.override.clear")}
                      </button>
                    )}
                  </div>
                </td>
                <td className="num" data-testid="count-supporting">{r.supporting}</td>
                <td className={`num${r.contradicting ? " against" : ""}`} data-testid="count-contradicting">{r.contradicting}</td>
                <td className="num" data-testid="count-documents">{r.documents}</td>
              </tr>
            );
          })}
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
          indicatorName={nameOf(overriding.indicatorId)}
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

/** The computed status, with "evidence against" said when not met despite contradicting codings; struck through when overridden. */
function StatusBadge({ status, against, overridden, testId }: { status: IndicatorStatus; against: boolean; overridden: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${status}${overridden ? " overridden" : ""}`} data-testid={testId} data-status={status}>
      {overridden && <span className="status-prefix">{t("indicators.status.computed")}: </span>}
      {t(`indicators.status.${status}`)}
      {against && status === "not_met" && (
        <span className="against-marker">
          <span className="visually-hidden">, </span>
          {t("indicators.status.against")}
        </span>
      )}
    </span>
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
