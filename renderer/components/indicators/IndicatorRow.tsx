import { useTranslation } from "react-i18next";
import { type CaseId, type Code, type CodeId, codePathLabel, type DocumentId, escapeCodeName, type Framework, indicatorName, type IndicatorResult, type IndicatorStatus, type Language, type Passage, PATH_SEPARATOR } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { useApplyOp } from "../codebook/useApplyOp.js";
import { QuoteList } from "./Quotes.js";

interface IndicatorRowProps {
  indicator: Framework["indicators"][number];
  result: IndicatorResult;
  /** The codes linked to the indicator, in codebook order. */
  codes: readonly Code[];
  /** Every code with its path, to link one more. */
  options: readonly { code: Code; path: string }[];
  caseId: CaseId;
  language: Language;
  /** The strongest passages when the card shows them, else null. */
  quotes: readonly Passage[] | null;
  onJump?(documentId: DocumentId, start: number, end: number): void;
  onOverride(result: IndicatorResult): void;
}

/** One indicator of a framework card: its linked codes and the picker to link more, its statuses with the override, and its counts. */
export function IndicatorRow({ indicator, result: r, codes, options, caseId, language, quotes, onJump, onOverride }: IndicatorRowProps) {
  const { t } = useTranslation();
  const { state } = useProject();
  const applyOp = useApplyOp();
  return (
    <tr
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
                  {code.indicatorId ? t("indicators.link.moves", { path, indicator: indicatorName(state.frameworks, code.indicatorId, language) }) : path}
                </option>
              ))}
          </select>
        </div>
        {quotes && <QuoteList passages={quotes} onJump={onJump} />}
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
          <button type="button" className="link-button" onClick={() => onOverride(r)} data-testid="override-button">
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
