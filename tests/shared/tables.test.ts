import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { TandaiError } from "../../shared/errors.js";
import { csvChunks, csvField, toCsv } from "../../shared/export/csv.js";
import { codeCaseMatrix, codeDocumentMatrix, presence } from "../../shared/export/matrices.js";
import { TableRequest, type ExportProgress, type TableRequest as Request } from "../../shared/export/model.js";
import { collectQuotes } from "../../shared/export/quotes.js";
import { resolveScope } from "../../shared/export/scope.js";
import { buildTables, CODINGS_COLUMNS, codingsTable, indicatorTable, INDICATOR_COLUMNS, matrixTable, sheetTitle, type Cell, type Table } from "../../shared/export/tables.js";
import { codePath, CodingIndex, PATH_SEPARATOR } from "../../shared/index.js";
import { exportFixture } from "./exportFixture.js";

const request = (input: Partial<Request> = {}): Request => TableRequest.parse({ kind: "table", format: "xlsx", language: "en", ...input });
const col = (key: (typeof CODINGS_COLUMNS)[number]) => CODINGS_COLUMNS.indexOf(key);
const icol = (key: (typeof INDICATOR_COLUMNS)[number]) => INDICATOR_COLUMNS.indexOf(key);

async function codings(language: "en" | "id" = "en") {
  const f = exportFixture();
  const scope = resolveScope(f.state, { caseIds: [], codeIds: [], frameworkIds: [] });
  const table = codingsTable(f.state, scope, await collectQuotes(f.state, scope.codings, f.read), language);
  const rowOf = (quote: string, document: string) => table.rows.find((r) => r[col("quote")] === quote && r[col("document")] === document)!;
  return { f, table, rowOf };
}

describe("codingsTable", () => {
  it("has one row per coding with document, cases, code path, indicator, stance, coder, offsets, location, memo", async () => {
    const { f, table, rowOf } = await codings();
    expect(table.name).toBe("codings");
    expect(table.title).toBe("Codings");
    expect(table.header).toEqual(["Document", "Cases", "Code", "Indicator ID", "Indicator", "Stance", "Coder", "Start offset", "End offset", "Page", "Paragraph", "Quote", "Memo", "Coded at"]);
    expect(table.rows).toHaveLength(Object.keys(f.state.codings).length);
    expect(table.rows.every((r) => r.length === table.header.length)).toBe(true);

    const economic = rowOf(f.quotes.economic, "Wawancara Bappeda Padang");
    const coding = Object.values(f.state.codings).find((c) => c.codeId === f.codes.economic.id && c.documentId === f.docs.interview && c.stance === "supports")!;
    expect(economic).toEqual([
      "Wawancara Bappeda Padang",
      "Padang – Bà Rịa–Vũng Tàu",
      // The framework's codes (added in Indonesian) are named in the table's language, as its indicator is.
      "Motives of paradiplomacy (Keating)/Economic motive",
      "keating.economic",
      "Economic motive",
      "Supports",
      coding.coder,
      coding.start,
      coding.end,
      null,
      2,
      f.quotes.economic,
      "Kutipan kunci untuk Bab IV.",
      coding.createdAt,
    ]);
    expect(economic[col("code")]).toContain(PATH_SEPARATOR);

    const contradicting = rowOf(f.quotes.contradicting, "Wawancara Bappeda Padang");
    expect(contradicting[col("stance")]).toBe("Contradicts");
    expect(contradicting[col("coder")]).toBe("Budi");
    expect(contradicting[col("memo")]).toBe("");
  });

  it("keeps quotes exact and gives the page only for the PDF", async () => {
    const { f, table, rowOf } = await codings();
    expect(new Set(table.rows.map((r) => r[col("quote")]))).toEqual(new Set(Object.values(f.quotes)));
    const pdf = rowOf(f.quotes.covid, "Laporan Kerja Sama Daerah 2020");
    expect(pdf[col("page")]).toBe(2);
    expect(pdf[col("paragraph")]).toBe(3);
    expect(pdf[col("cases")]).toBe("Padang – Bà Rịa–Vũng Tàu");
    expect(rowOf(f.quotes.covid, "Wawancara Bappeda Padang")[col("page")]).toBeNull();
    const korean = table.rows.filter((r) => r[col("quote")] === f.quotes.korean);
    expect(korean).toHaveLength(2);
    expect(korean.map((r) => r[col("cases")])).toEqual(["Surabaya – Busan (부산)", "Surabaya – Busan (부산)"]);
    expect(korean.map((r) => r[col("indicatorId")]).sort()).toEqual(["keating.cultural", "keating.economic"]);
    // A code linked to no indicator leaves both indicator cells empty.
    expect(pdf[col("indicatorId")]).toBeNull();
    expect(pdf[col("indicator")]).toBeNull();
  });

  it("speaks Indonesian", async () => {
    const { f, table, rowOf } = await codings("id");
    expect(table.title).toBe("Pengodean");
    expect(table.header[col("quote")]).toBe("Kutipan");
    const row = rowOf(f.quotes.economic, "Wawancara Bappeda Padang");
    expect(row[col("stance")]).toBe("Mendukung");
    expect(row[col("indicator")]).toBe("Motif ekonomi");
  });

  it("names only the cases of a narrowed scope", async () => {
    const f = exportFixture();
    const [table] = await buildTables(f.state, request({ format: "csv", table: "codings", scope: { caseIds: [f.cases.busan], codeIds: [], frameworkIds: [] } }), f.read);
    expect(table!.rows).toHaveLength(2);
    expect(table!.rows.every((r) => r[col("document")] === "Busan interview notes" && r[col("cases")] === "Surabaya – Busan (부산)")).toBe(true);
  });
});

describe("matrixTable", () => {
  const setup = () => {
    const f = exportFixture();
    const scope = resolveScope(f.state, { caseIds: [], codeIds: [], frameworkIds: [] });
    const path = (id: string) => codePath(f.state, id as never).join(PATH_SEPARATOR);
    return { f, scope, path };
  };
  const row = (table: Table, label: string) => table.rows.find((r) => r[0] === label)!;

  it("counts codings per code and document, with a total column", () => {
    const { f, scope, path } = setup();
    const table = matrixTable("codeDocument", codeDocumentMatrix(f.state, scope), "en");
    expect(table.title).toBe("Code × document");
    // Documents come by title.
    expect(table.header).toEqual(["Code", "Busan interview notes", "Laporan Kerja Sama Daerah 2020", "Wawancara Bappeda Padang", "Total"]);
    expect(table.rows).toHaveLength(scope.codes.length);
    expect(row(table, path(f.codes.economic.id))).toEqual([path(f.codes.economic.id), 1, 0, 2, 3]);
    expect(row(table, path(f.codes.covid.id))).toEqual([path(f.codes.covid.id), 0, 1, 1, 2]);
    expect(row(table, path(f.codes.obstacle.id))).toEqual([path(f.codes.obstacle.id), 0, 0, 0, 0]);
  });

  it("counts per case, and gives 0/1 presence on request", () => {
    const { f, scope, path } = setup();
    const counts = matrixTable("codeCase", codeCaseMatrix(f.state, scope), "id");
    expect(counts.title).toBe("Kode × kasus");
    expect(counts.header).toEqual(["Kode", "Padang – Bà Rịa–Vũng Tàu", "Surabaya – Busan (부산)", "Jumlah"]);
    expect(row(counts, path(f.codes.economic.id))).toEqual([path(f.codes.economic.id), 2, 1, 3]);
    expect(row(counts, path(f.codes.covid.id))).toEqual([path(f.codes.covid.id), 2, 0, 2]);
    const present = matrixTable("codeCase", presence(codeCaseMatrix(f.state, scope)), "en");
    expect(row(present, path(f.codes.economic.id))).toEqual([path(f.codes.economic.id), 1, 1, 2]);
    expect(row(present, path(f.codes.covid.id))).toEqual([path(f.codes.covid.id), 1, 0, 1]);
  });

  it("counts per case the same from a CodingIndex's counts as from the codings, for any chosen cases", () => {
    const { f } = setup();
    for (const caseIds of [[], [f.cases.busan], [f.cases.vungTau]]) {
      const scope = resolveScope(f.state, { caseIds, codeIds: [], frameworkIds: [] });
      expect(codeCaseMatrix(f.state, scope, new CodingIndex(f.state))).toEqual(codeCaseMatrix(f.state, scope));
    }
  });
});

describe("indicatorTable", () => {
  it("names framework codes in the table's language, the researcher's own codes as written", async () => {
    const f = exportFixture();
    const [id, en] = await Promise.all((["id", "en"] as const).map((language) => buildTables(f.state, TableRequest.parse({ kind: "table", format: "xlsx", language }), f.read)));
    const codeColumn = (tables: Table[]) => new Set(tables[0]!.rows.map((r) => r[2]));
    expect(codeColumn(id!)).toEqual(new Set(["Motif paradiplomasi (Keating)/Motif ekonomi", "Motif paradiplomasi (Keating)/Motif budaya", "Hambatan/Pandemi Covid-19"]));
    expect(codeColumn(en!)).toEqual(new Set(["Motives of paradiplomacy (Keating)/Economic motive", "Motives of paradiplomacy (Keating)/Cultural motive", "Hambatan/Pandemi Covid-19"]));
    const matrixRows = (tables: Table[]) => tables.find((t) => t.name === "codeCase")!.rows.map((r) => r[0]);
    expect(matrixRows(en!)).toContain("Motives of paradiplomacy (Keating)/Political motive");
    expect(matrixRows(id!)).toContain("Motif paradiplomasi (Keating)/Motif politik");
  });

  it("has a row per case × framework × indicator with statuses, counts, the override's justification and the verdict", () => {
    const f = exportFixture();
    const table = indicatorTable(f.state, resolveScope(f.state, { caseIds: [], codeIds: [], frameworkIds: [] }), "en");
    expect(table.title).toBe("Indicators");
    expect(table.header).toEqual(["Case", "Framework", "Indicator ID", "Indicator", "Computed status", "Effective status", "Supporting codings", "Contradicting codings", "Documents with support", "Override justification", "Framework verdict"]);
    expect(table.rows).toHaveLength(2 * 3);
    const find = (caseName: string, indicatorId: string) => table.rows.find((r) => r[icol("case")] === caseName && r[icol("indicatorId")] === indicatorId)!;

    const political = find("Surabaya – Busan (부산)", "keating.political");
    expect(political.slice(0, 10)).toEqual(["Surabaya – Busan (부산)", "Motives of paradiplomacy (Keating)", "keating.political", "Political motive", "not met", "met", 0, 0, 0, "Walikota menyebutnya dalam pidato 2019."]);
    // Two supporting codings, one contradicting, in one document: reached but contested.
    expect(find("Padang – Bà Rịa–Vũng Tàu", "keating.economic").slice(4, 10)).toEqual(["contested", "contested", 1, 1, 1, ""]);
    expect(find("Surabaya – Busan (부산)", "keating.economic").slice(4, 10)).toEqual(["met", "met", 1, 0, 1, ""]);

    // The verdict is the framework's for that case, the same on each of its rows, and counts the override.
    const busanVerdicts = new Set(table.rows.filter((r) => r[icol("case")] === "Surabaya – Busan (부산)").map((r) => r[icol("verdict")]));
    expect(busanVerdicts.size).toBe(1);
    expect([...busanVerdicts][0]).toMatch(/political/);
  });

  it("speaks Indonesian", () => {
    const f = exportFixture();
    const table = indicatorTable(f.state, resolveScope(f.state, { caseIds: [f.cases.busan], codeIds: [], frameworkIds: [] }), "id");
    expect(table.rows).toHaveLength(3);
    const political = table.rows.find((r) => r[icol("indicatorId")] === "keating.political")!;
    expect(political.slice(1, 6)).toEqual(["Motif paradiplomasi (Keating)", "keating.political", "Motif politik", "tidak terpenuhi", "terpenuhi"]);
    expect(political[icol("verdict")]).toMatch(/politik/);
  });
});

describe("buildTables", () => {
  it("builds all four tables for a workbook, reporting progress", async () => {
    const f = exportFixture();
    const progress: ExportProgress[] = [];
    const tables = await buildTables(f.state, request(), f.read, { onProgress: (p) => progress.push(p) });
    expect(tables.map((t) => t.name)).toEqual(["codings", "codeDocument", "codeCase", "indicators"]);
    expect(progress.at(-1)).toEqual({ phase: "building", done: 4, total: 4 });
    expect(progress.some((p) => p.phase === "reading")).toBe(true);
  });

  it("builds one table for a CSV file, reading no document unless it holds quotes", async () => {
    const f = exportFixture();
    const read = vi.fn(f.read);
    const [table, ...rest] = await buildTables(f.state, request({ format: "csv", table: "codeDocument", presence: true }), read);
    expect(rest).toEqual([]);
    expect(table!.name).toBe("codeDocument");
    expect(table!.rows.flatMap((r) => r.slice(1, -1)).every((v) => v === 0 || v === 1)).toBe(true);
    expect(read).not.toHaveBeenCalled();
  });

  it("stops when cancelled", async () => {
    const f = exportFixture();
    await expect(buildTables(f.state, request(), f.read, { signal: { aborted: true } })).rejects.toThrow(TandaiError);
    await expect(buildTables(f.state, request(), f.read, { signal: { aborted: true } })).rejects.toMatchObject({ code: "export.errors.cancelled" });
  });
});

describe("sheetTitle", () => {
  it("keeps Excel's rules: at most 31 characters, none of []:*?/\\", () => {
    expect(sheetTitle("Code × document")).toBe("Code × document");
    expect(sheetTitle("a/b\\c[d]e:f*g?h")).toBe("a b c d e f g h");
    expect([...sheetTitle("x".repeat(40))]).toHaveLength(31);
    expect(sheetTitle("'quoted'")).toBe("quoted");
  });
});

describe("toCsv", () => {
  const read = (csv: string) => parse(csv, { bom: true, relax_column_count: false }) as string[][];
  const asText = (cell: Cell) => (cell === null ? "" : String(cell));

  it("reads back, through a real parser, as the table: BOM, CRLF, exact Unicode, numbers plain, null empty", async () => {
    const f = exportFixture();
    const [table] = await buildTables(f.state, request({ format: "csv", table: "codings" }), f.read);
    const csv = toCsv(table!);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/); // no bare LF: the fixture's quotes hold no line breaks
    const records = read(csv);
    expect(records[0]).toEqual(table!.header);
    expect(records.slice(1)).toEqual(table!.rows.map((r) => r.map(asText)));
    expect(records.slice(1).map((r) => r[col("quote")])).toContain(f.quotes.korean);
    // Without BOM handling the first header would carry it.
    expect((parse(csv) as string[][])[0]![0]).toBe("\uFEFFDocument");
  });

  it("quotes fields holding commas, double quotes and line breaks, and nothing else", () => {
    const tricky = 'He said "no", then:\r\nline two\nline three\rend';
    const table: Table = { name: "codings", title: "T", header: ["a", "b", "c", "d"], rows: [[tricky, 12.5, null, "=SUM(A1) stays verbatim"]] };
    const csv = toCsv(table);
    expect(csv).toBe(`\uFEFFa,b,c,d\r\n"He said ""no"", then:\r\nline two\nline three\rend",12.5,,=SUM(A1) stays verbatim\r\n`);
    expect(read(csv)).toEqual([["a", "b", "c", "d"], [tricky, "12.5", "", "=SUM(A1) stays verbatim"]]);
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
  });
});

describe("csvChunks", () => {
  it("joins to exactly toCsv's text", async () => {
    const f = exportFixture();
    const [table] = await buildTables(f.state, request({ format: "csv", table: "codings" }), f.read);
    const chunks: string[] = [];
    for await (const chunk of csvChunks(table!, 2)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join("")).toBe(toCsv(table!));
  });
});
