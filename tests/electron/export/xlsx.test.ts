import { promises as fsp } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeXlsx } from "../../../electron/export/xlsx.js";
import { TandaiError } from "../../../shared/errors.js";
import { TableRequest, type ExportProgress } from "../../../shared/export/model.js";
import { buildTables, CODINGS_COLUMNS, type Table } from "../../../shared/export/tables.js";
import { translate } from "../../../shared/i18n/translate.js";
import { exportFixture } from "../../shared/exportFixture.js";
import { useTempDirs } from "../tempDirs.js";

const tempDir = useTempDirs();
const col = (key: (typeof CODINGS_COLUMNS)[number]) => CODINGS_COLUMNS.indexOf(key) + 1; // exceljs counts from 1

async function fixtureTables(language: "en" | "id" = "en") {
  const f = exportFixture();
  const tables = await buildTables(f.state, TableRequest.parse({ kind: "table", format: "xlsx", language }), f.read);
  return { f, tables };
}

async function readBack(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A row's values as exceljs reads them, without its leading hole (row.values is 1-based). */
const valuesOf = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

describe("writeXlsx", () => {
  it("writes one sheet per table that reads back with the same header and cells", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "tandai.xlsx");
    const { f, tables } = await fixtureTables();
    const progress: ExportProgress[] = [];
    await writeXlsx(tables, file, { onProgress: (p) => progress.push(p) });
    expect(await readdir(dir)).toEqual(["tandai.xlsx"]);

    const workbook = await readBack(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Codings", "Code × document", "Code × case", "Indicators"]);
    for (const table of tables) {
      const sheet = workbook.getWorksheet(table.title)!;
      expect(valuesOf(sheet, 1)).toEqual(table.header);
      expect(sheet.rowCount).toBe(table.rows.length + 1);
      table.rows.forEach((row, r) => {
        // Empty text is written as an empty cell.
        row.forEach((cell, c) => expect(sheet.getCell(r + 2, c + 1).value).toEqual(cell === "" ? null : cell));
      });
    }
    expect(progress.at(-1)).toEqual({ phase: "writing", done: tables.reduce((n, t) => n + t.rows.length, 0), total: tables.reduce((n, t) => n + t.rows.length, 0) });

    const codings = workbook.getWorksheet("Codings")!;
    const quotes = codings.getColumn(col("quote")).values;
    expect(quotes).toContain(f.quotes.korean);
    expect(quotes).toContain(f.quotes.economic);
    const pdfRow = tables[0]!.rows.findIndex((r) => r[0] === "Laporan Kerja Sama Daerah 2020") + 2;
    expect(codings.getCell(pdfRow, col("page")).value).toBe(2);
    expect(codings.getCell(pdfRow, col("page")).type).toBe(ExcelJS.ValueType.Number);
    expect(codings.getCell(pdfRow, col("start")).type).toBe(ExcelJS.ValueType.Number);
    expect(codings.getCell(2, col("cases")).value).toBe("Surabaya – Busan (부산)");
    const matrix = workbook.getWorksheet("Code × case")!;
    expect(matrix.getCell(2, 2).type).toBe(ExcelJS.ValueType.Number);
    expect(valuesOf(matrix, 1)).toContain("Padang – Bà Rịa–Vũng Tàu");
  });

  it("dresses the sheets: bold frozen header, wrapped quotes, sized columns", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "tandai.xlsx");
    const { tables } = await fixtureTables("id");
    await writeXlsx(tables, file);
    const workbook = await readBack(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Pengodean", "Kode × dokumen", "Kode × kasus", "Indikator"]);
    expect(workbook.creator).toBe("Tandai");
    const sheet = workbook.getWorksheet("Pengodean")!;
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell(2, col("quote")).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(col("quote")).width).toBe(80);
    expect(sheet.getColumn(col("start")).width).toBeGreaterThanOrEqual(8);
  });

  it("writes big numbers and long text as they are, and cuts text past Excel's cell limit", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "long.xlsx");
    const long = "ẞ".repeat(40_000);
    const table: Table = { name: "codings", title: "T", header: ["text", "n"], rows: [[long, 123_456_789], ["=1+1", -0.5]] };
    await writeXlsx([table], file);
    const sheet = (await readBack(file)).getWorksheet("T")!;
    expect(String(sheet.getCell(2, 1).value)).toHaveLength(32_767);
    expect(sheet.getCell(2, 2).value).toBe(123_456_789);
    // Text that looks like a formula stays text.
    expect(sheet.getCell(3, 1).value).toBe("=1+1");
    expect(sheet.getCell(3, 2).value).toBe(-0.5);
  });

  it("leaves neither the file nor a temp file when cancelled, and keeps an existing file", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "tandai.xlsx");
    const { tables } = await fixtureTables();
    await expect(writeXlsx(tables, file, { signal: { aborted: true } })).rejects.toMatchObject({ code: "export.errors.cancelled" });
    expect(await readdir(dir)).toEqual([]);

    // Cancelled mid-way, through a real AbortSignal, with enough rows to be looked at between.
    const big: Table = { name: "codings", title: "Big", header: ["n"], rows: Array.from({ length: 10_000 }, (_, i) => [i]) };
    await writeFile(file, "old");
    const controller = new AbortController();
    const write = writeXlsx([big], file, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 4_000) controller.abort();
      },
    });
    await expect(write).rejects.toMatchObject({ code: "export.errors.cancelled" });
    expect(await readdir(dir)).toEqual(["tandai.xlsx"]);
    expect(await readFile(file, "utf8")).toBe("old");
  });

  it("names the file when its folder does not exist or is not a folder", async () => {
    const dir = await tempDir();
    const { tables } = await fixtureTables();
    const missing = path.join(dir, "nowhere", "tandai.xlsx");
    const error = await writeXlsx(tables, missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandaiError);
    expect(error).toMatchObject({ code: "tables.errors.folderMissing", params: { file: "tandai.xlsx" } });
    expect(translate("id", (error as TandaiError).code, (error as TandaiError).params)).toContain("“tandai.xlsx”");

    await writeFile(path.join(dir, "plain"), "");
    await expect(writeXlsx(tables, path.join(dir, "plain", "t.xlsx"))).rejects.toBeInstanceOf(TandaiError);

    await mkdir(path.join(dir, "target.xlsx"));
    const renamed = await writeXlsx(tables, path.join(dir, "target.xlsx")).catch((e: unknown) => e);
    expect(renamed).toMatchObject({ code: "tables.errors.writeFailed", params: { file: "target.xlsx" } });
    expect((await readdir(dir)).sort()).toEqual(["plain", "target.xlsx"]);
  });

  describe("when the disk fails mid-write", () => {
    afterEach(() => vi.restoreAllMocks());

    it("gives an error naming the file, removes the temp file, and does not hang", async () => {
      const dir = await tempDir();
      const file = path.join(dir, "tandai.xlsx");
      await writeFile(file, "old");
      const open = fsp.open.bind(fsp);
      // The temp file is created for real, but every write to it fails as on a full disk.
      vi.spyOn(fsp, "open").mockImplementation(async (at, flags, mode) => {
        const handle = await open(at, flags, mode);
        if (flags === "wx") {
          handle.createWriteStream = () => {
            const failing = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error("no space left on device"), { code: "ENOSPC" })) });
            failing.on("close", () => void handle.close());
            return failing as ReturnType<typeof handle.createWriteStream>;
          };
        }
        return handle;
      });
      const { tables } = await fixtureTables();
      const error = await writeXlsx(tables, file).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "tables.errors.writeFailed", params: { file: "tandai.xlsx" } });
      expect(String((error as TandaiError).params.detail)).toContain("ENOSPC");
      expect(await readdir(dir)).toEqual(["tandai.xlsx"]);
      expect(await readFile(file, "utf8")).toBe("old");
    });
  });
});
