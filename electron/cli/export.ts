import { resolve } from "node:path";
import {
  CHARTS,
  COOCCURRENCE_UNITS,
  EXPORT_FORMATS,
  ExportRequest,
  kindOfFormat,
  TABLES,
  TandaiError,
  type ExportFormat,
  type ExportProgress,
  type ExportRequestInput,
  type ProjectState,
} from "../../shared/index.js";
import { ParagraphIndex } from "../export/paragraphs.js";
import { docxToPdfWithLibreOffice } from "../export/pdf.js";
import { runExport } from "../export/run.js";
import { checkTarget, withExtension } from "../export/target.js";
import { report, type CliContext } from "./context.js";
import { refiExportCommand } from "./refi.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";
import { casesByNames, frameworksByIds, groupsByNames } from "./resolve.js";

/**
 * `tandai export <dir> --format F --out PATH [--lang id|en] [--case NAME]... [--framework ID]...`
 * and the format's own options. Ctrl+C cancels: the file is written whole or not at all.
 */
export async function exportCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("export", dirArg);
  // REFI-QDA exports write the project itself, not a report, table or chart of it.
  if ((values.format === "qdpx" || values.format === "qdc") && values.out) return refiExportCommand(ctx, dir, values.format, values.out);
  const format = oneOf("--format", values.format, EXPORT_FORMATS) as ExportFormat;
  if (!values.out) throw new TandaiError("cli.errors.missingArgument", { command: "export", argument: "--out <path>" });
  await withProject(dir, async (store) => {
    const request = exportRequest(store.state, format, ctx, values);
    const path = withExtension(resolve(values.out!), request);
    await checkTarget(path);
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once("SIGINT", cancel);
    try {
      const bytes = await runExport(
        store,
        request,
        path,
        { paragraphs: new ParagraphIndex(), toPdf: (_html, docx) => docx().then(docxToPdfWithLibreOffice) },
        { signal: controller.signal, onProgress: progressPrinter(ctx) },
      );
      report(ctx, { path, format, bytes }, ctx.t("cli.exported", { path, size: formatSize(bytes) }));
    } finally {
      process.off("SIGINT", cancel);
    }
  });
}

function exportRequest(state: ProjectState, format: ExportFormat, ctx: CliContext, values: CliValues): ExportRequest {
  const scope = {
    caseIds: casesByNames(state, values.case) ?? [],
    frameworkIds: values.framework?.length ? frameworksByIds(state, values.framework).map((f) => f.id) : [],
    codeIds: [],
    ...(values.group?.length ? { documentGroupIds: groupsByNames(state, values.group) } : {}),
  };
  const common = { language: ctx.language, scope };
  const kind = kindOfFormat(format);
  let input: ExportRequestInput;
  if (kind === "report") {
    const quotes = values.quotes === undefined ? null : Number(values.quotes);
    if (quotes !== null && !(Number.isInteger(quotes) && quotes >= 1)) throw new TandaiError("cli.errors.badQuotes", { value: values.quotes! });
    input = { kind, format: format as "docx", ...common, include: { codebook: !values["no-codebook"], memos: Boolean(values.memos), charts: !values["no-charts"], quotesPerItem: quotes } };
  } else if (kind === "table") {
    input = { kind, format: format as "csv", ...common, table: oneOf("--table", values.table ?? "codings", TABLES), presence: Boolean(values.presence) };
  } else {
    if (!values.chart) throw new TandaiError("cli.errors.missingArgument", { command: `export --format ${format}`, argument: `--chart ${CHARTS.join("|")}` });
    input = { kind, format: format as "svg", ...common, chart: oneOf("--chart", values.chart, CHARTS), unit: oneOf("--unit", values.unit ?? "paragraph", COOCCURRENCE_UNITS), presence: Boolean(values.presence) };
  }
  return ExportRequest.parse(input);
}

function oneOf<T extends string>(option: string, value: string | undefined, valid: readonly T[]): T {
  if (value === undefined) throw new TandaiError("cli.errors.missingArgument", { command: "export", argument: `${option} ${valid.join("|")}` });
  if (!(valid as readonly string[]).includes(value)) throw new TandaiError("cli.errors.badChoice", { option, value, valid: valid.join(", ") });
  return value as T;
}

/** On a terminal, one line rewritten as the export goes; nothing when piped or with --json. */
function progressPrinter(ctx: CliContext): ((progress: ExportProgress) => void) | undefined {
  if (ctx.json || !process.stderr.isTTY) return undefined;
  return ({ phase, done, total }) => process.stderr.write(`\r${ctx.t(`cli.exportPhase.${phase}`, { done, total })}\u001b[K${phase === "writing" && done === total ? "\n" : ""}`);
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
