import { describe, expect, test } from "vitest";
import { addTemplateOps, applyOperation, buildReport, collectQuotes, ReportRequest, resolveScope, type Report, type ReportBlock, type ReportRequest as Request } from "../../shared/index.js";
import { exportFixture, type ExportFixture } from "./exportFixture.js";
import { code, project } from "./fixtures.js";

const NOW = "2026-11-23T10:00:00.000Z";

async function report(fx: ExportFixture, input: Partial<Omit<Request, "kind" | "format">> = {}): Promise<Report> {
  const request = ReportRequest.parse({ kind: "report", format: "md", language: "id", ...input });
  const scope = resolveScope(fx.state, request.scope);
  const quoted = await collectQuotes(fx.state, scope.codings, fx.read);
  return buildReport({ state: fx.state, request, scope, quoted, now: NOW });
}

const headings = (r: Report, level?: number) => r.blocks.filter((b): b is Extract<ReportBlock, { type: "heading" }> => b.type === "heading" && (!level || b.level === level)).map((b) => b.text);
const quotes = (r: Report) => r.blocks.filter((b): b is Extract<ReportBlock, { type: "quote" }> => b.type === "quote");
const tables = (r: Report) => r.blocks.filter((b): b is Extract<ReportBlock, { type: "table" }> => b.type === "table");
const texts = (r: Report) => r.blocks.flatMap((b) => (b.type === "paragraph" ? [b.runs.map((x) => x.text).join("")] : []));

/** The blocks between a heading and the next heading of the same or a higher level. */
function section(r: Report, text: string): ReportBlock[] {
  const start = r.blocks.findIndex((b) => b.type === "heading" && b.text === text);
  expect(start, `heading ${text}`).toBeGreaterThanOrEqual(0);
  const level = (r.blocks[start] as { level: number }).level;
  const end = r.blocks.findIndex((b, i) => i > start && b.type === "heading" && b.level <= level);
  return r.blocks.slice(start + 1, end < 0 ? undefined : end);
}

describe("the coded summary report", () => {
  test("opens with the project, the date and what it covers, then a table of contents", async () => {
    const fx = exportFixture();
    const r = await report(fx);
    expect(r.title).toBe("Ringkasan pengodean: Padang – Ba Ria-Vung Tau");
    expect(r.subtitle).toEqual([
      "Diekspor dari Tandai pada 23 November 2026",
      "Kasus: semua (2)",
      "Kerangka analisis: semua (1)",
      "Kode: semua (6)",
      "3 dokumen, 6 pengodean",
    ]);
    expect(r.blocks[0]).toEqual({ type: "toc", title: "Daftar isi" });
  });

  test("gives per framework and case the verdict, each indicator's status, evidence and override", async () => {
    const fx = exportFixture();
    const r = await report(fx);
    expect(headings(r, 1)).toEqual(["Motif paradiplomasi (Keating)", "Kutipan berkode lainnya", "Buku kode", "Dokumen yang dikutip"]);
    expect(headings(r, 2)).toEqual(["Padang – Bà Rịa–Vũng Tàu — Motif paradiplomasi (Keating)", "Surabaya – Busan (부산) — Motif paradiplomasi (Keating)", "Hambatan/Pandemi Covid-19"]);

    const busan = section(r, "Surabaya – Busan (부산) — Motif paradiplomasi (Keating)");
    const verdict = busan[0] as Extract<ReportBlock, { type: "paragraph" }>;
    expect(verdict.runs[0]!.bold).toBe(true);
    expect(verdict.runs[0]!.text).toBe("Terdapat motif ekonomi, budaya dan politik; motif ekonomi paling dominan.");
    const table = busan[1] as Extract<ReportBlock, { type: "table" }>;
    expect(table.header).toEqual(["Indikator", "Status", "Bukti", "Justifikasi peneliti"]);
    const political = table.rows.find((row) => row[0] === "Motif politik")!;
    expect(political[1]).toBe("terpenuhi (keputusan peneliti)");
    expect(political[2]).toMatch(/^tidak terpenuhi \(/);
    expect(political[3]).toBe("Walikota menyebutnya dalam pidato 2019.");

    // The status grid: indicators down, cases across.
    const grid = tables(r)[0]!;
    expect(grid.header).toEqual(["Indikator", "Padang – Bà Rịa–Vũng Tàu", "Surabaya – Busan (부산)"]);
    expect(grid.rows.find((row) => row[0] === "Motif ekonomi")).toEqual(["Motif ekonomi", "diperdebatkan", "terpenuhi"]);
  });

  test("quotes the evidence verbatim, supporting then contradicting, each cited with document, case, page or paragraph and coder", async () => {
    const fx = exportFixture();
    const r = await report(fx);
    const economic = section(r, "Padang – Bà Rịa–Vũng Tàu — Motif paradiplomasi (Keating)");
    const labels = economic.flatMap((b) => (b.type === "paragraph" && b.runs[0]!.italic ? [b.runs[0]!.text] : []));
    expect(labels).toEqual(["Kutipan pendukung (1)", "Kutipan yang membantah (1)"]);
    const [supporting, contradicting] = economic.filter((b) => b.type === "quote");
    expect(supporting).toEqual({ type: "quote", text: fx.quotes.economic, stance: "supports", citation: "Wawancara Bappeda Padang, Padang – Bà Rịa–Vũng Tàu, par. 2; dikode oleh Rani" });
    expect(contradicting).toMatchObject({ text: fx.quotes.contradicting, stance: "contradicts", citation: expect.stringMatching(/dikode oleh Budi$/) });

    // Codes not linked to an indicator have their own section; the PDF's quote cites its page.
    const covid = section(r, "Hambatan/Pandemi Covid-19");
    expect(covid.filter((b) => b.type === "quote").map((b) => (b as { citation: string }).citation)).toEqual([
      "Laporan Kerja Sama Daerah 2020, Padang – Bà Rịa–Vũng Tàu, hlm. 2, par. 3; dikode oleh Budi",
      "Wawancara Bappeda Padang, Padang – Bà Rịa–Vũng Tàu, par. 4; dikode oleh Rani",
    ]);
    // Every coding is quoted once: the Korean passage twice, as evidence of two motives.
    expect(quotes(r)).toHaveLength(Object.keys(fx.state.codings).length);
    expect(quotes(r).filter((q) => q.text === fx.quotes.korean)).toHaveLength(2);
  });

  test("the codebook speaks the report's language for framework codes, keeps what the researcher wrote, and drops empty columns", async () => {
    // Keating added from the English UI: its codes are named in English, with "English / Indonesian" as definition.
    const state = project();
    for (const op of addTemplateOps(state, "keating", "en", NOW)) applyOperation(state, op, NOW);
    const economic = Object.values(state.codes).find((c) => c.indicatorId === "keating.economic")!;
    const own = code("Hambatan anggaran");
    applyOperation(state, { type: "addCode", code: { ...own, description: { definition: "Dana APBD tidak cukup.", whenToUse: "", whenNotToUse: "" } } }, NOW);
    const fx = { state, read: async () => ({ text: "", blocks: [] }) } as unknown as ExportFixture;
    const r = await report(fx);
    const codebook = section(r, "Buku kode")[0] as Extract<ReportBlock, { type: "table" }>;
    expect(codebook.header).toEqual(["Kode", "Definisi", "Indikator", "Pengodean"]);
    expect(codebook.rows).toContainEqual(["Motif paradiplomasi (Keating)/Motif ekonomi", "", "Motif ekonomi", "0"]);
    expect(codebook.rows).toContainEqual(["Hambatan anggaran", "Dana APBD tidak cukup.", "", "0"]);
    expect(JSON.stringify(codebook)).not.toMatch(/Economic motive|Motives of paradiplomacy/);
    // The same project in an English report keeps the English names.
    const english = await report(fx, { language: "en" });
    expect((section(english, "Codebook")[0] as Extract<ReportBlock, { type: "table" }>).rows).toContainEqual(["Motives of paradiplomacy (Keating)/Economic motive", "", "Economic motive", "0"]);
    expect(economic.name).toBe("Economic motive");
  });

  test("lists the codebook with definitions and the documents cited; memos only when asked", async () => {
    const fx = exportFixture();
    const r = await report(fx);
    const codebook = section(r, "Buku kode")[0] as Extract<ReportBlock, { type: "table" }>;
    expect(codebook.rows.find((row) => row[0] === "Motif paradiplomasi (Keating)/Motif ekonomi")).toEqual([
      "Motif paradiplomasi (Keating)/Motif ekonomi",
      "Trade, investment and tourism the city hopes for.",
      "A stated economic aim.",
      "Mere mention of money.",
      "Motif ekonomi",
      "3",
    ]);
    const documents = section(r, "Dokumen yang dikutip")[0] as Extract<ReportBlock, { type: "table" }>;
    expect(documents.rows).toContainEqual(["Laporan Kerja Sama Daerah 2020", "Padang – Bà Rịa–Vũng Tàu", "PDF", "2", "1"]);
    expect(headings(r)).not.toContain("Memo");

    const withMemos = await report(fx, { include: { codebook: false, memos: true, charts: false, quotesPerItem: null } });
    expect(headings(withMemos)).not.toContain("Buku kode");
    const memos = section(withMemos, "Memo");
    expect(memos.filter((b) => b.type === "heading").map((b) => (b as { text: string }).text)).toEqual(["Memo proyek", "Memo tentang kode “Hambatan/Pandemi Covid-19”", "Memo pada kutipan"]);
    expect(texts({ ...withMemos, blocks: memos })).toEqual(["Fokus: motif ekonomi vs. hambatan.", "Semua penundaan karena pandemi.", "Kutipan kunci untuk Bab IV."]);
  });

  test("covers only the chosen cases and codes, and can limit quotes, one per document first", async () => {
    const fx = exportFixture();
    const onlyBusan = await report(fx, { scope: { caseIds: [fx.cases.busan], codeIds: [], frameworkIds: [] } });
    expect(onlyBusan.subtitle[1]).toBe("Kasus: Surabaya – Busan (부산)");
    expect(quotes(onlyBusan).map((q) => q.text)).toEqual([fx.quotes.korean, fx.quotes.korean]);

    const onlyCovid = await report(fx, { scope: { caseIds: [], codeIds: [fx.codes.obstacle.id], frameworkIds: [] }, include: { codebook: true, memos: false, charts: false, quotesPerItem: 1 } });
    expect(onlyCovid.subtitle[3]).toBe("Kode: Hambatan");
    const covid = section(onlyCovid, "Hambatan/Pandemi Covid-19");
    expect(texts({ ...onlyCovid, blocks: covid })).toEqual(["Kutipan pendukung (2) — ditampilkan 1 dari 2"]);
  });

  test("reads in English when English is chosen", async () => {
    const fx = exportFixture();
    const r = await report(fx, { language: "en" });
    expect(r.title).toBe("Coded summary: Padang – Ba Ria-Vung Tau");
    expect(headings(r, 1)[0]).toBe("Motives of paradiplomacy (Keating)");
    expect(quotes(r)[0]!.citation).toBe("Wawancara Bappeda Padang, Padang – Bà Rịa–Vũng Tàu, para. 2; coded by Rani");
  });

  test("states each framework's thresholds, each count in words by its own number", async () => {
    const fx = exportFixture();
    const thresholds = async (language: "en" | "id") => texts(await report(fx, { language })).find((text) => /^(An indicator|Sebuah indikator)/.test(text));
    expect(await thresholds("en")).toBe("An indicator is met with at least 1 supporting coding in at least 1 document and nothing contradicting it.");
    applyOperation(fx.state, { type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: 2, minDocuments: 3 } }, NOW);
    expect(await thresholds("en")).toBe("An indicator is met with at least 2 supporting codings in at least 3 documents and nothing contradicting it.");
    expect(await thresholds("id")).toBe("Sebuah indikator terpenuhi bila ada sedikitnya 2 pengodean pendukung dalam sedikitnya 3 dokumen dan tidak ada yang membantahnya.");
  });
});
