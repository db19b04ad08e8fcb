/**
 * Export benchmark: a synthetic project of 100k codings (300 documents, a fifth of them PDFs with
 * pages, two frameworks linked, 10 cases) exported through the same `runExport` the app and CLI
 * use: the report with every quote in each format, the workbook, and the four CSV files. Reports
 * the time of each file, its size, and the peak resident memory seen while exporting.
 *
 * Document texts are generated when read, as the store reads them from disk one at a time, so the
 * project in memory is what a real one holds (metadata and codings), not 18 MB of text besides.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ParagraphIndex } from "../../electron/export/paragraphs.js";
import { docxToPdfWithLibreOffice, findSoffice } from "../../electron/export/pdf.js";
import { runExport } from "../../electron/export/run.js";
import { ExportRequest, TABLES, type ExportControl, type ExportRequestInput } from "../../shared/export/model.js";
import {
  addTemplateOps,
  applyOperation,
  batch,
  displayText,
  emptyProject,
  linesToBlocks,
  offset,
  type CaseId,
  type CodeId,
  type CodingId,
  type DocumentContent,
  type DocumentId,
  type ProjectId,
  type ProjectState,
} from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { NOW } from "../shared/fixtures.js";

const CODINGS = 100_000;
const DOCUMENTS = 300;
const CASES = 10;
const PLAIN_CODES = 40;
const LINES_PER_DOCUMENT = 150;
const WORDS = "kerja sama kota kembar padang vũng tàu 부산 ekonomi “investasi” pelabuhan budaya, anggaran pandemi birokrasi delegasi".split(" ");

/** The same text for the same document, every time it is read. */
function documentText(index: number): string {
  const random = seededRandom(1_000 + index);
  const lines: string[] = [];
  for (let l = 0; l < LINES_PER_DOCUMENT; l++) {
    const n = 40 + Math.floor(random() * 40);
    lines.push(Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ") + ".");
  }
  return lines.join("\n");
}

export function isPdf(index: number): boolean {
  return index % 5 === 0;
}

export function content(index: number): DocumentContent {
  const text = documentText(index);
  const blocks = linesToBlocks(text);
  // A PDF page holds ten paragraphs.
  return { text, blocks: isPdf(index) ? blocks.map((b, i) => ({ ...b, page: Math.floor(i / 10) + 1 })) : blocks };
}

export function buildProjectForBench(): { state: ProjectState; read: (id: DocumentId) => Promise<DocumentContent> } {
  const state = emptyProject("benchexport" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(11);
  const documents: { id: DocumentId; length: number }[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document${String(d).padStart(4, "0")}` as DocumentId;
    const { text, blocks } = content(d);
    documents.push({ id, length: text.length });
    state.documents[id] = {
      id,
      title: `Wawancara ${d + 1}`,
      kind: isPdf(d) ? "pdf" : "txt",
      sourceName: `w${d}.${isPdf(d) ? "pdf" : "txt"}`,
      importedAt: NOW,
      length: text.length,
      blockCount: blocks.length,
      pageCount: isPdf(d) ? (blocks.at(-1)?.page ?? 1) : null,
    };
  }
  // Each case holds 36 consecutive documents: neighbouring cases share some.
  for (let c = 0; c < CASES; c++) {
    const id = `case${c}` as CaseId;
    state.cases[id] = { id, name: `Kota ${c + 1} – Bà Rịa–Vũng Tàu`, documentIds: documents.slice(c * 30, c * 30 + 36).map((d) => d.id), createdAt: NOW };
  }
  for (const framework of ["keating", "obstacles"]) applyOperation(state, batch(addTemplateOps(state, framework, "id", NOW)), NOW);
  const codes = Object.keys(state.codes) as CodeId[];
  for (let u = 0; u < PLAIN_CODES; u++) {
    const id = `plain${u}` as CodeId;
    const parentId = u < 4 ? null : (`plain${u % 4}` as CodeId);
    state.codes[id] = { id, name: `Kode ${u}`, color: "#e69f00", parentId, order: 100 + u, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
    codes.push(id);
  }
  for (let i = 0; i < CODINGS; i++) {
    const id = `coding${String(i).padStart(7, "0")}` as CodingId;
    const document = documents[Math.floor(random() * DOCUMENTS)]!;
    const start = Math.floor(random() * (document.length - 400));
    state.codings[id] = {
      id,
      documentId: document.id,
      codeId: codes[Math.floor(random() * codes.length)]!,
      start: offset(start),
      end: offset(start + 20 + Math.floor(random() * 380)),
      coder: random() < 0.5 ? "Rani" : "Budi",
      stance: random() < 1 / 7 ? "contradicts" : "supports",
      createdAt: NOW,
    };
    if (i % 20 === 0) state.memos[`coding:${id}`] = { target: { kind: "coding", id }, content: null, text: `Memo ${i}: kutipan penting, “lihat Bab IV”.`, updatedAt: NOW };
  }
  const indexOf = new Map(documents.map((d, i) => [d.id, i]));
  return { state, read: async (id) => content(indexOf.get(id)!) };
}

/** Peak resident memory, sampled on a timer and at each progress report. */
export function memoryPeak() {
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const FIVE_QUOTES = { codebook: true, memos: false, charts: true, quotesPerItem: 5 };

/** The exports measured, each in a fresh process so one's memory does not show in the next one's peak. */
const ROWS: { label: string; request: ExportRequestInput; needs?: () => boolean }[] = [
  ...(["md", "html", "docx"] as const).map((format) => ({ label: `report .${format}, all 100k quotes`, request: { kind: "report", format, language: "id" } as const })),
  { label: "report .docx, 5 quotes per item", request: { kind: "report", format: "docx", language: "id", include: FIVE_QUOTES } },
  { label: "report .pdf (LibreOffice), 5 quotes per item", request: { kind: "report", format: "pdf", language: "id", include: FIVE_QUOTES }, needs: () => findSoffice() !== null },
  { label: "workbook .xlsx, 4 sheets", request: { kind: "table", format: "xlsx", language: "id" } },
  ...TABLES.map((table) => ({ label: `${table}.csv`, request: { kind: "table", format: "csv", table, language: "id" } as const })),
];

export async function benchExport(script: string): Promise<string> {
  const lines = [
    `${CODINGS.toLocaleString("en")} codings in ${DOCUMENTS} documents, ${CASES} cases; each export in a fresh process through runExport. Baselines: the .md report of every quote for time, the RSS with the project built (before exporting) for memory.`,
    "",
    "| file | time | ÷ the .md report's time | size | baseline RSS | peak RSS | peak ÷ baseline |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  // The first row, the .md report of every quote, is the time baseline: the same quotes, no layout.
  let markdownMs: number | undefined;
  for (const [index, row] of ROWS.entries()) {
    if (row.needs && !row.needs()) continue;
    const out = execFileSync(process.execPath, ["--max-old-space-size=4096", script, "export-row", String(index)], { encoding: "utf8", maxBuffer: 1 << 20 });
    const { ms, size, before, peak } = JSON.parse(out.trim().split("\n").at(-1)!) as { ms: number; size: number; before: number; peak: number };
    markdownMs ??= ms;
    lines.push(`| ${row.label} | ${(ms / 1000).toFixed(2)} s | ${(ms / markdownMs).toFixed(2)}× | ${mb(size)} | ${mb(before)} | ${mb(peak)} | ${(peak / before).toFixed(2)}× |`);
  }
  return lines.join("\n");
}

/** One export of ROWS, measured; prints its figures as JSON for benchExport. */
export async function benchExportRow(index: number): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tandai-bench-export-"));
  try {
    const { state, read } = buildProjectForBench();
    const before = process.memoryUsage().rss;
    const request = ExportRequest.parse(ROWS[index]!.request);
    const file = path.join(dir, `export.${request.format}`);
    const deps = { paragraphs: new ParagraphIndex(), toPdf: (_html: string, docx: () => Promise<Uint8Array>) => docx().then(docxToPdfWithLibreOffice) };
    const memory = memoryPeak();
    const start = performance.now();
    const control: ExportControl = { onProgress: memory.sample };
    await runExport({ state, readDocumentContent: read }, request, file, deps, control);
    const ms = performance.now() - start;
    const peak = memory.stop();
    console.log(JSON.stringify({ ms, size: (await stat(file)).size, before, peak }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What quoting a passage as the view shows it (`displayText`: block by block, line breaks as spaces)
 * costs over the raw slice of the text the exports used before, for every coding of the project,
 * each document's text in memory: median of 7 rounds, the slice as the baseline of the same run.
 */
export async function benchQuoteText(): Promise<string> {
  const { state, read } = buildProjectForBench();
  const byDocument = new Map<DocumentId, { start: number; end: number }[]>();
  for (const c of Object.values(state.codings)) {
    let list = byDocument.get(c.documentId);
    if (!list) byDocument.set(c.documentId, (list = []));
    list.push(c);
  }
  const contents = await Promise.all([...byDocument.keys()].map(async (id) => [id, await read(id)] as const));
  const round = (quote: (content: DocumentContent, start: number, end: number) => string) => {
    const start = performance.now();
    let length = 0;
    for (const [id, content] of contents) for (const c of byDocument.get(id)!) length += quote(content, c.start, c.end).length;
    return { ms: performance.now() - start, length };
  };
  const median = (quote: Parameters<typeof round>[0]) => {
    const times = Array.from({ length: 7 }, () => round(quote).ms).sort((a, b) => a - b);
    return times[3]!;
  };
  const slice = median((content, start, end) => content.text.slice(start, end));
  const displayed = median(displayText);
  return [
    `${CODINGS.toLocaleString("en")} quotes from ${DOCUMENTS} documents in memory, median of 7 rounds:`,
    "",
    "| quote text | time | ratio |",
    "|---|---:|---:|",
    `| raw slice (baseline) | ${slice.toFixed(1)} ms | 1.0 |`,
    `| displayText | ${displayed.toFixed(1)} ms | ${(displayed / slice).toFixed(1)} |`,
  ].join("\n");
}
