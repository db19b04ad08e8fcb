import path from "node:path";
import {
  AGREEMENT_FORMATS,
  AGREEMENT_UNITS,
  AgreementExportRequest,
  type AgreementRequest,
  type Language,
  codePath,
  formatCodePath,
  PATH_SEPARATOR,
  TandaiError,
  type AgreementStats,
  type AgreementUnit,
  type CodeId,
  type DocumentId,
  type ProjectState,
} from "../../shared/index.js";
import { agreementOf, checkAgreementRequest } from "../agreement/report.js";
import { findDocument } from "./code.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";
import { existingCode } from "./resolve.js";

/**
 * `--out FILE`: the report as the app's Export dialog writes it — one `ExportRequest` of kind
 * agreement, its format the file's extension (checked before anything is read).
 */
function outOption(out: string, language: Language, request: AgreementRequest): { file: string; request: AgreementExportRequest } {
  const file = path.resolve(out);
  const format = path.extname(file).toLowerCase().slice(1);
  if (!(AGREEMENT_FORMATS as readonly string[]).includes(format)) throw new TandaiError("agreement.export.badFormat", { file: path.basename(file) });
  return { file, request: AgreementExportRequest.parse({ kind: "agreement", format, language, agreement: request }) };
}

const pathOf = (state: ProjectState, id: CodeId) => formatCodePath(codePath(state, id), PATH_SEPARATOR);

/** `--coders A,B[,C…]`: the names, trimmed, empty entries dropped. */
export function codersOption(command: string, value: string | undefined): string[] {
  const coders = (value ?? "").split(",").map((c) => c.trim()).filter(Boolean);
  if (!coders.length) throw new TandaiError("agreement.errors.missingCoders", { command });
  return coders;
}

function unitOption(value: string | undefined): AgreementUnit {
  const unit = value ?? "paragraph";
  if (!(AGREEMENT_UNITS as readonly string[]).includes(unit)) throw new TandaiError("agreement.errors.badUnit", { value: unit, valid: AGREEMENT_UNITS.join(", ") });
  return unit as AgreementUnit;
}

function line(ctx: CliContext, s: AgreementStats): string {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? ctx.t("agreement.cli.undefined") : v.toFixed(3));
  const percent = s.percentAgreement === null ? ctx.t("agreement.cli.undefined") : `${(s.percentAgreement * 100).toFixed(1)} %`;
  return ctx.t(s.kappa === undefined ? "agreement.cli.statsNoKappa" : "agreement.cli.stats", { units: ctx.t("count.units", { count: s.units }), percent, kappa: n(s.kappa), alpha: n(s.alpha) });
}

/**
 * `tandai agreement <dir> --coders A,B [--unit paragraph|sentence|character] [--codes PATH]…
 * [--categories PARENT] [--documents TITLE]… [--exclude-uncoded] [--json]`: read only.
 */
export async function agreementCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("agreement", dirArg);
  const coders = codersOption("agreement", values.coders);
  const unit = unitOption(values.unit);
  await withProject(dir, async (store) => {
    const state = store.state;
    if (values.categories !== undefined && values.codes?.length) throw new TandaiError("agreement.errors.categoriesAndCodes");
    const categories = values.categories === undefined ? null : existingCode(state, values.categories);
    if (categories && !Object.values(state.codes).some((c) => c.parentId === categories)) throw new TandaiError("agreement.errors.noCategories", { code: values.categories! });
    const documentIds = [...(values.documents ?? []), ...(values.doc ?? [])].map((d) => findDocument(state, d).id);
    const request = { coders, unit, codeIds: (values.codes ?? []).map((c) => existingCode(state, c)), categories, documentIds, excludeUncoded: Boolean(values["exclude-uncoded"]) };
    // Validates the coders before any document is read; then reads only the documents compared.
    checkAgreementRequest(state, request);
    const out = values.out === undefined ? null : outOption(values.out, ctx.language, request);
    // The export's modules (and the packages its formats use) only for --out.
    const exporting = out && (await Promise.all([import("../export/target.js"), import("../export/run.js"), import("../export/paragraphs.js")]));
    if (out && exporting) await exporting[0].checkTarget(out.file);
    const report = await agreementOf(store, request);
    const title = (id: DocumentId) => state.documents[id]!.title;
    // The same path as the app's export (runExport), reading the compared documents again.
    if (out && exporting) await exporting[1].runExport(store, out.request, out.file, { paragraphs: new exporting[2].ParagraphIndex() });
    if (ctx.json) {
      return ctx.print(
        JSON.stringify({
          ok: true,
          ...report,
          categories: report.categories && pathOf(state, report.categories),
          documents: report.documentIds.map((id) => ({ id, title: title(id) })),
          skippedDocuments: report.skippedDocumentIds.map((id) => ({ id, title: title(id) })),
          codes: report.codes.map((c) => ({ ...c, code: pathOf(state, c.codeId) })),
          disagreements: report.disagreements.map((d) => ({ ...d, document: title(d.documentId), code: pathOf(state, d.codeId) })),
        }),
      );
    }
    if (values.out) ctx.print(ctx.t("agreement.export.written", { file: path.resolve(values.out) }));
    const exclusion = ctx.t(report.excludeUncoded ? "agreement.cli.excluded" : "agreement.cli.included");
    ctx.print(ctx.t("agreement.cli.heading", { coders: coders.join(", "), unit, exclusion }));
    ctx.print(ctx.t("agreement.cli.documents", { count: report.documentIds.length, skipped: report.skippedDocumentIds.length }));
    ctx.print(ctx.t("agreement.cli.overall", { stats: line(ctx, report.overall) }));
    for (const c of report.codes) ctx.print(ctx.t("agreement.cli.code", { code: pathOf(state, c.codeId), stats: line(ctx, c) }));
    if (report.categories && report.conflicts) ctx.print(ctx.t("agreement.cli.conflicts", { count: report.conflicts, code: pathOf(state, report.categories) }));
    ctx.print(ctx.t("agreement.cli.disagreements", { count: report.disagreements.length }));
    for (const d of report.disagreements) {
      const who = coders.map((coder, i) => `${coder} ${d.codings[i]!.length ? "✓" : "–"}`).join(", ");
      ctx.print(ctx.t("agreement.cli.disagreement", { document: title(d.documentId), start: d.start, end: d.end, code: pathOf(state, d.codeId), coders: who }));
    }
  });
}
