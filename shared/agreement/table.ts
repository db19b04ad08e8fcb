import { codePathIn } from "../export/codeNames.js";
import type { Report } from "../export/model.js";
import type { Language } from "../i18n/catalogues.js";
import { translate } from "../i18n/translate.js";
import type { ProjectState } from "../model/project.js";
import type { AgreementReport, AgreementStats } from "./report.js";

/** A cell as the export writers take it (numbers stay numbers in a workbook). */
type Cell = string | number | null;

/** The agreement report as one table: a row for overall and one per code; kappa only for two coders. */
export function agreementRows(state: ProjectState, report: AgreementReport, language: Language): { header: string[]; rows: Cell[][] } {
  const t = (key: string) => translate(language, `agreement.panel.${key}`);
  const two = report.coders.length === 2;
  const header = [t("code"), t("units.heading"), t("percent"), ...(two ? [t("kappa")] : []), t("alpha")];
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 1000);
  const row = (label: string, s: AgreementStats): Cell[] => [label, s.units, round(s.percentAgreement), ...(two ? [round(s.kappa)] : []), round(s.alpha)];
  return { header, rows: [row(t("overall"), report.overall), ...report.codes.map((c) => row(codePathIn(state, c.codeId, language), c))] };
}

/** The agreement report as a document (for .docx): what was compared, the table, then the disagreements. */
export function agreementDocument(state: ProjectState, report: AgreementReport, language: Language): Report {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, `agreement.${key}`, params);
  const { header, rows } = agreementRows(state, report, language);
  const text = (c: Cell) => (c === null ? "–" : String(c));
  const basis = t("cli.heading", { coders: report.coders.join(", "), unit: t(`panel.units.${report.unit}`), exclusion: t(report.excludeUncoded ? "cli.excluded" : "cli.included") });
  const documents = t("cli.documents", { count: report.documentIds.length, skipped: report.skippedDocumentIds.length });
  const disagreements = report.disagreements.map((d) => [
    state.documents[d.documentId]?.title ?? "",
    `${d.start}–${d.end}`,
    codePathIn(state, d.codeId, language),
    report.coders.map((coder, i) => `${coder} ${d.codings[i]!.length ? "✓" : "–"}`).join(" · "),
  ]);
  return {
    language,
    title: t("tab"),
    subtitle: [state.name],
    blocks: [
      { type: "paragraph", runs: [{ text: `${basis} ${documents}` }] },
      { type: "table", header, rows: rows.map((r) => r.map(text)) },
      { type: "heading", level: 2, text: t("cli.disagreements", { count: report.disagreements.length }) },
      ...(disagreements.length ? [{ type: "table" as const, header: [t("export.document"), t("export.range"), t("panel.code"), t("panel.coders")], rows: disagreements }] : []),
    ],
  };
}
