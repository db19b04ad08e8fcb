import { useTranslation } from "react-i18next";
import { codePathLabel, type AgreementReport, type AgreementStats, type Disagreement, type DocumentId } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";

const fixed = (v: number | null | undefined) => (v === null || v === undefined ? "–" : v.toFixed(3));
const percent = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)} %`);

/** The report: what was compared, the coefficients per code and overall, and the disagreements. */
export function AgreementTable({ report, onJump, onAccept }: { report: AgreementReport; onJump(documentId: DocumentId, start: number, end: number): void; onAccept(d: Disagreement, coder: number): void }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const two = report.coders.length === 2;
  const row = (label: string, s: AgreementStats, testId: string) => (
    <tr key={testId} data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{s.units}</td>
      <td>{percent(s.percentAgreement)}</td>
      {two && <td>{fixed(s.kappa)}</td>}
      <td>{fixed(s.alpha)}</td>
    </tr>
  );
  return (
    <div className="agreement-report" data-testid="agreement-report">
      <p className="agreement-basis">
        {t("agreement.cli.heading", { coders: report.coders.join(", "), unit: t(`agreement.panel.units.${report.unit}`), exclusion: t(report.excludeUncoded ? "agreement.cli.excluded" : "agreement.cli.included") })}{" "}
        {t("agreement.cli.documents", { count: report.documentIds.length, skipped: report.skippedDocumentIds.length })}
      </p>
      <div className="agreement-scroll">
      <table className="agreement-table">
        <thead>
          <tr>
            <th scope="col">{t("agreement.panel.code")}</th>
            <th scope="col">{t("agreement.panel.units.heading")}</th>
            <th scope="col">
              <abbr title={t("agreement.panel.percent")}>{t("agreement.panel.percentShort")}</abbr>
            </th>
            {two && (
              <th scope="col">
                <abbr title={t("agreement.panel.kappa")}>{t("agreement.panel.kappaShort")}</abbr>
              </th>
            )}
            <th scope="col">
              <abbr title={t("agreement.panel.alpha")}>{t("agreement.panel.alphaShort")}</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {row(t("agreement.panel.overall"), report.overall, "agreement-overall")}
          {report.codes.map((c) => row(codePathLabel(state, c.codeId), c, `agreement-code-${c.codeId}`))}
        </tbody>
      </table>
      </div>
      {report.categories && report.conflicts > 0 && <p>{t("agreement.cli.conflicts", { count: report.conflicts, code: codePathLabel(state, report.categories) })}</p>}
      <h3>{t("agreement.cli.disagreements", { count: report.disagreements.length })}</h3>
      <ul className="agreement-disagreements" data-testid="agreement-disagreements">
        {report.disagreements.map((d) => (
          <li key={`${d.documentId}:${d.start}:${d.codeId}`}>
            <button className="link" onClick={() => onJump(d.documentId, d.start, d.end)}>
              {state.documents[d.documentId]?.title} · {codePathLabel(state, d.codeId)}
            </button>
            <span className="agreement-who">{report.coders.map((coder, i) => `${coder} ${d.codings[i]!.length ? "✓" : "–"}`).join(" · ")}</span>
            <span className="agreement-accept">
              {report.coders.map((coder, i) => (
                <button key={coder} className="small" onClick={() => onAccept(d, i)} title={t("agreement.panel.acceptHint", { coder })} data-testid={`agreement-accept-${coder}`}>
                  {t("agreement.panel.accept", { coder })}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
