import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { ExportRequest, newCodingId, type AgreementReport, type ExportStatus } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

/**
 * The agreement report through the one export path (exportStart → job → export worker), as the
 * Export dialog asks for it: the figures in the written files are the report's.
 */
const temp = useTempDirs();

/** The worker as `npm run build` bundles it (the unit tests' global setup builds it first). */
const WORKER = new URL("../../../dist/electron/exportWorker.mjs", import.meta.url);

/** The sample project with a second coder, Budi, who coded every other passage the first coder did. */
async function twoCoders(exportWorker?: URL) {
  const root = await temp();
  const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID", exportWorker }).init();
  const sample = await api.openSampleProject();
  const codings = Object.values(sample.state.codings);
  const coder = codings[0]!.coder;
  await api.apply({ op: { type: "batch", ops: codings.filter((_, i) => i % 2 === 0).map((c) => ({ type: "addCoding" as const, coding: { ...c, id: newCodingId(), coder: "Budi" } })) } });
  const agreement = { coders: [coder, "Budi"], unit: "paragraph" as const, codeIds: [], categories: null, documentIds: [], excludeUncoded: true };
  return { api, agreement, report: (await api.agreement(agreement)) as AgreementReport };
}

async function exported(api: Backend, request: unknown): Promise<string> {
  const started = await api.exportStart({ request: ExportRequest.parse(request) });
  // Asked after as the dialog does, until the job has ended.
  let status: ExportStatus = await api.exportStatus({ jobId: started!.jobId });
  while (status.state === "running") {
    await new Promise((ok) => setTimeout(ok, 10));
    status = await api.exportStatus({ jobId: started!.jobId });
  }
  expect(status).toMatchObject({ state: "done" });
  return started!.path;
}

const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 1000);

describe("the agreement report as an export", () => {
  for (const [name, worker] of [["in the export worker", WORKER], ["in process", undefined]] as const) {
    it(`writes the report's table to a workbook and a Word document ${name}`, async () => {
      const { api, agreement, report } = await twoCoders(worker);
      expect(report.overall.percentAgreement).toBeLessThan(1);

      const xlsx = await exported(api, { kind: "agreement", format: "xlsx", language: "en", agreement });
      expect(xlsx).toMatch(/agreement report \d{4}-\d\d-\d\d\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      const sheet = workbook.getWorksheet("Agreement")!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["Code", "Units", "Agreement", "Cohen's κ", "Krippendorff's α"]);
      const o = report.overall;
      expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(["Overall", o.units, round(o.percentAgreement), round(o.kappa), round(o.alpha)]);
      expect(sheet.actualRowCount).toBe(1 + 1 + report.codes.length);

      const docx = await exported(api, { kind: "agreement", format: "docx", language: "id", agreement });
      const xml = await (await JSZip.loadAsync(await readFile(docx))).file("word/document.xml")!.async("string");
      expect(xml).toContain("Krippendorff");
      expect(xml).toContain("unit yang tidak dikodekan pengode mana pun dikeluarkan");
      expect(xml).toContain(String(round(o.alpha)));
      await api.closeProject();
    });
  }

  it("writes the table as CSV and the document as Markdown", async () => {
    const { api, agreement, report } = await twoCoders();
    const csv = await readFile(await exported(api, { kind: "agreement", format: "csv", language: "en", agreement }), "utf8");
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Code,Units,Agreement,Cohen's κ,Krippendorff's α");
    expect(lines[1]).toBe(["Overall", report.overall.units, round(report.overall.percentAgreement), round(report.overall.kappa), round(report.overall.alpha)].join(","));
    expect(lines).toHaveLength(2 + report.codes.length);
    const md = await readFile(await exported(api, { kind: "agreement", format: "md", language: "en", agreement }), "utf8");
    expect(md).toContain("| Code | Units | Agreement | Cohen's κ | Krippendorff's α |");
    expect(md).toContain("units no coder coded left out");
    await api.closeProject();
  });

  it("refuses an unknown coder when the export is asked for, before any job starts", async () => {
    const { api, agreement } = await twoCoders();
    const answer = await dispatch(api, "exportStart", { request: { kind: "agreement", format: "xlsx", language: "en", agreement: { ...agreement, coders: [agreement.coders[0]!, "Citra"] } } });
    expect(answer).toMatchObject({ ok: false, error: { code: "agreement.errors.unknownCoder", params: { coder: "Citra" } } });
    await api.closeProject();
  });
});
