import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ParagraphIndex } from "../../../electron/export/paragraphs.js";
import { runExport } from "../../../electron/export/run.js";
import { applyOperation, linesToBlocks, ReportRequest, TableRequest, type DocumentContent } from "../../../shared/index.js";
import { CODINGS_COLUMNS } from "../../../shared/export/tables.js";
import { code, coding, documentMeta, NOW, project } from "../../shared/fixtures.js";
import { useTempDirs } from "../tempDirs.js";

const tempDir = useTempDirs();

/**
 * A thesis abstract as pdfjs extracts it (every line followed by a blank line), reflowed by import
 * into paragraphs that span line breaks, and a passage coded across one of them: the coding view
 * shows it on one line, so every export must quote it on one line too.
 */
function pdfProject() {
  const lines = [
    "ABSTRACT",
    "This research analyzed the interests of the Padang City Government in",
    "establishing a Sister City Cooperation with Ba Ria-Vung Tau Province (Vietnam).",
    "The Padang City Government had carried out cooperation since the signing of the",
    "Memorandum of Understanding (MoU) in 2016. This cooperation involved sub-",
    "state actors in international relations activities, which was included in the",
    "paradiplomacy phenomenon as an effort to fulfill regional interests in advancing",
    "regional capabilities or potentials in accordance with the mandate of regional",
    "autonomy policies.",
  ];
  const text = lines.join(" \n\n");
  const content: DocumentContent = { text, blocks: linesToBlocks(text).map((b) => ({ ...b, page: 1 })) };
  const state = project();
  const meta = { ...documentMeta("Skripsi Padang", text.length), kind: "pdf" as const, blockCount: content.blocks.length, pageCount: 1 };
  applyOperation(state, { type: "addDocument", document: meta }, NOW);
  const motive = code("Motif ekonomi");
  applyOperation(state, { type: "addCode", code: motive }, NOW);
  const start = text.indexOf("interests of the Padang");
  const end = text.indexOf("Sister City") + "Sister City".length;
  applyOperation(state, { type: "addCoding", coding: coding(meta.id, motive.id, start, end) }, NOW);
  return { source: { state, readDocumentContent: async () => content }, raw: text.slice(start, end) };
}

const SHOWN = "interests of the Padang City Government in establishing a Sister City";

async function exported(format: "md" | "html" | "docx" | "xlsx" | "csv") {
  const { source, raw } = pdfProject();
  expect(raw).toContain("\n\n");
  const file = path.join(await tempDir(), `report.${format}`);
  const request = format === "xlsx" || format === "csv" ? TableRequest.parse({ kind: "table", format, language: "id" }) : ReportRequest.parse({ kind: "report", format, language: "id" });
  await runExport(source, request, file, { paragraphs: new ParagraphIndex() });
  return file;
}

describe("exports quote a passage as the coding view shows it", () => {
  it("the .docx report holds the passage as one line in one run, not split by an empty line", async () => {
    const xml = await (await JSZip.loadAsync(await readFile(await exported("docx")))).file("word/document.xml")!.async("string");
    expect(xml).toContain(`“${SHOWN}”`);
  });

  it("the Markdown and HTML reports quote it on one line", async () => {
    expect(await readFile(await exported("md"), "utf8")).toContain(`“${SHOWN}”`);
    const html = await readFile(await exported("html"), "utf8");
    expect(html).toContain(`“${SHOWN}”`);
    expect(html).not.toContain("Government in<br>");
  });

  it("the .xlsx and .csv codings tables hold it without line breaks", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exported("xlsx"));
    const quoteColumn = CODINGS_COLUMNS.indexOf("quote") + 1;
    expect(workbook.worksheets[0]!.getCell(2, quoteColumn).value).toBe(SHOWN);
    const rows = parse(await readFile(await exported("csv"), "utf8"), { bom: true }) as string[][];
    expect(rows[1]![CODINGS_COLUMNS.indexOf("quote")]).toBe(SHOWN);
  });
});
