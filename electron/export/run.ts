import { Buffer } from "node:buffer";
import { stat } from "node:fs/promises";
import {
  buildReport,
  buildTables,
  chartOf,
  collectQuotes,
  reportCharts,
  reportToHtml,
  reportToMarkdown,
  resolveScope,
  svgToString,
  csvChunks,
  type DocumentContent,
  type DocumentId,
  type ExportControl,
  type ExportRequest,
  type ProjectState,
  type ReportRequest,
} from "../../shared/index.js";
import { checkCancelled } from "../../shared/export/model.js";
import { writeFileAtomic } from "../store/index.js";
import { agreementFile } from "./agreement.js";
import { reportToDocx } from "./docx.js";
import type { ParagraphIndex } from "./paragraphs.js";
import { svgToPng } from "./png.js";
import { writeXlsx } from "./xlsx.js";

/** What an export reads: the project's state and its documents' content. */
export interface ExportSource {
  state: ProjectState;
  readDocumentContent(id: DocumentId): Promise<DocumentContent>;
}

/**
 * The state as it is now, for an export that runs in this process while the user codes on: each
 * map of records copied, the records themselves shared. That is enough because applyOperation
 * never changes a record in place — it puts a new object in the map (the same rule lets a
 * compaction serialise a frozen snapshot, store/snapshot.ts) — and it costs one pass over the map
 * keys instead of structuredClone's deep copy of every coding (4.6 s and 1.3 GB at a million).
 */
export function pinState(state: ProjectState): ProjectState {
  const pinned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) pinned[key] = value && typeof value === "object" && !Array.isArray(value) ? { ...value } : value;
  return pinned as ProjectState;
}

export interface ExportDeps {
  paragraphs: ParagraphIndex;
  /** Turns a report's HTML into a PDF (Electron's printToPDF, or LibreOffice from the CLI). */
  toPdf?: (html: string, docx: () => Promise<Uint8Array>) => Promise<Uint8Array>;
}

/** Pixel width of a chart's PNG export: sharp on a printed page. */
const PNG_WIDTH = 1600;

/** Runs one export to `path`, written atomically; resolves to the size written. */
export async function runExport(source: ExportSource, request: ExportRequest, path: string, deps: ExportDeps, control?: ExportControl): Promise<number> {
  const { state } = source;
  let data: string | Buffer | AsyncIterable<string>;
  switch (request.kind) {
    case "table": {
      const tables = await buildTables(state, request, (id) => source.readDocumentContent(id), control);
      if (request.format === "xlsx") {
        await writeXlsx(tables, path, control);
        return (await stat(path)).size;
      }
      // In pieces: a 100k-row CSV never exists as one string.
      data = csvChunks(tables[0]!);
      break;
    }
    case "chart": {
      const scope = resolveScope(state, request.scope);
      if (request.chart === "cooccurrence" && request.unit === "paragraph") await deps.paragraphs.prepare(source, scope.codings);
      const chart = chartOf(state, scope, request.chart, { language: request.language, unit: request.unit, presence: request.presence, paragraphsOf: deps.paragraphs.paragraphsOf });
      const svg = svgToString(chart.svg);
      data = request.format === "svg" ? svg : toBuffer(svgToPng(svg, PNG_WIDTH));
      break;
    }
    case "report":
      data = await report(source, request, deps, control);
      break;
    case "agreement": {
      const file = await agreementFile(source, request, path, control);
      if (file === null) return (await stat(path)).size;
      data = file;
      break;
    }
  }
  checkCancelled(control);
  control?.onProgress?.({ phase: "writing", done: 0, total: 1 });
  await writeFileAtomic(path, data);
  control?.onProgress?.({ phase: "writing", done: 1, total: 1 });
  return (await stat(path)).size;
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

async function report(source: ExportSource, request: ReportRequest, deps: ExportDeps, control?: ExportControl): Promise<string | Buffer> {
  const { state } = source;
  const scope = resolveScope(state, request.scope);
  // The paragraph bounds co-occurrence needs are kept as the documents are read for their quotes.
  const read = async (id: DocumentId) => {
    const content = await source.readDocumentContent(id);
    deps.paragraphs.remember(id, content.blocks);
    return content;
  };
  const quoted = await collectQuotes(state, scope.codings, read, control);
  checkCancelled(control);
  control?.onProgress?.({ phase: "building", done: 0, total: 1 });
  let charts;
  if (request.include.charts) {
    await deps.paragraphs.prepare(source, scope.codings);
    charts = reportCharts(state, scope, { language: request.language, unit: "paragraph", paragraphsOf: deps.paragraphs.paragraphsOf });
  }
  const built = buildReport({ state, request, scope, quoted, charts, now: new Date().toISOString() });
  checkCancelled(control);
  control?.onProgress?.({ phase: "building", done: 1, total: 1 });
  switch (request.format) {
    case "md":
      return reportToMarkdown(built);
    case "html":
      return reportToHtml(built);
    case "docx":
      return toBuffer(await reportToDocx(built));
    case "pdf":
      if (!deps.toPdf) throw new Error("runExport: no PDF converter");
      return toBuffer(await deps.toPdf(reportToHtml(built), () => reportToDocx(built)));
  }
}
