// @vitest-environment jsdom
// (jsdom for DOMParser, to read the exported HTML back as a browser would.)
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fails, SLOW, succeeds } from "./runCli.js";

// Own text, modelled on sister-city fieldwork notes: Vietnamese and Korean names, curly quotes.
const VUNG_TAU = [
  "Pewawancara: Bagaimana awal kerja sama ini?",
  "Kerja sama dengan Bà Rịa–Vũng Tàu membuka peluang “investasi” bagi UMKM Padang.",
  "Sebenarnya motif ekonomi belum terlihat hasilnya.",
  "Kunjungan ke Vũng Tàu ditunda karena pandemi Covid-19.",
].join("\n");
const BUSAN = ["Opening remarks.", "The 부산광역시 delegation signed the LoI in 2019 — “a new chapter”."].join("\n");

// One project for every test here (each export reads it, none changes it).
let project: { root: string; home: string; dir: string; out: string };

afterAll(() => rm(project.root, { recursive: true, force: true }));

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), "tandai-export-"));
  const home = join(root, "home");
  const dir = join(root, "tesis");
  const out = join(root, "out");
  await succeeds(["new", dir, "--name", "Padang – Bà Rịa–Vũng Tàu"], home);
  await writeFile(join(root, "wawancara.txt"), VUNG_TAU);
  await writeFile(join(root, "busan.txt"), BUSAN);
  await succeeds(["import", dir, join(root, "wawancara.txt"), "--case", "Padang – Vũng Tàu"], home);
  await succeeds(["import", dir, join(root, "busan.txt"), "--case", "Surabaya – Busan"], home);
  await succeeds(["framework", "add", dir, "keating"], home);
  const code = (doc: string, quote: string, codeName: string, ...extra: string[]) => succeeds(["code", dir, "--doc", doc, "--quote", quote, "--code", codeName, ...extra], home);
  await code("wawancara", "Kerja sama dengan Bà Rịa–Vũng Tàu membuka peluang “investasi” bagi UMKM Padang.", "keating.economic");
  await code("wawancara", "Sebenarnya motif ekonomi belum terlihat hasilnya.", "keating.economic", "--stance", "contradicts", "--coder", "Budi");
  await code("wawancara", "Kunjungan ke Vũng Tàu ditunda karena pandemi Covid-19.", "Hambatan/Pandemi");
  await code("busan", "The 부산광역시 delegation signed the LoI in 2019 — “a new chapter”.", "keating.cultural");
  await mkdir(out);
  project = { root, home, dir, out };
}, SLOW);

const exportTo = (name: string, ...args: string[]) => succeeds(["export", project.dir, "--out", join(project.out, name), ...args], project.home);

describe("tandai export", () => {
  it("writes the report as Markdown and HTML, quotes verbatim and cited, in the language asked", async () => {
    const md = await exportTo("laporan.md", "--format", "md", "--lang", "id");
    expect(md).toMatchObject({ ok: true, format: "md", path: join(project.out, "laporan.md") });
    const markdown = await readFile(md.path, "utf8");
    expect(markdown).toMatch(/^# Ringkasan pengodean: Padang – Bà Rịa–Vũng Tàu$/m);
    expect(markdown).toContain("> “Kerja sama dengan Bà Rịa–Vũng Tàu membuka peluang “investasi” bagi UMKM Padang.”");
    expect(markdown).toContain("wawancara, Padang – Vũng Tàu, par. 2; dikode oleh");
    expect(markdown).toContain("The 부산광역시 delegation signed the LoI in 2019 — “a new chapter”.");

    // No extension given: the format's is added.
    const html = await exportTo("report", "--format", "html", "--lang", "en", "--case", "Surabaya – Busan");
    expect(html.path).toBe(join(project.out, "report.html"));
    const doc = new DOMParser().parseFromString(await readFile(html.path, "utf8"), "text/html");
    expect(doc.documentElement.lang).toBe("en");
    expect([...doc.querySelectorAll("h3")].map((h) => h.textContent)).toContain("Surabaya – Busan — Motives of paradiplomacy (Keating)");
    const quotes = [...doc.querySelectorAll("blockquote p")].map((p) => p.textContent);
    expect(quotes.some((q) => q?.includes("The 부산광역시 delegation signed the LoI in 2019 — “a new chapter”."))).toBe(true);
    expect(quotes.some((q) => q?.includes("Vũng Tàu"))).toBe(false);
    expect(doc.querySelectorAll("figure svg").length).toBeGreaterThan(0);
  }, SLOW);

  it("writes a .docx with real heading styles, tables and the quotes", async () => {
    const { path } = await exportTo("laporan.docx", "--format", "docx", "--lang", "id", "--memos");
    const zip = await JSZip.loadAsync(await readFile(path));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("membuka peluang “investasi” bagi UMKM Padang.");
    expect(xml).toContain("부산광역시");
    expect(Object.keys(zip.files).some((name) => name.startsWith("word/media/") && name.endsWith(".png"))).toBe(true);
    expect(await readdir(project.out)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
  }, SLOW);

  it("writes spreadsheets: a workbook with every table, and one table per CSV", async () => {
    const { path } = await exportTo("pengodean.xlsx", "--format", "xlsx", "--lang", "id");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets).toHaveLength(4);
    const codings = workbook.worksheets[0]!;
    expect(codings.rowCount).toBe(1 + 4);
    const quotes = codings.getColumn(12).values.slice(2);
    expect(quotes).toContain("The 부산광역시 delegation signed the LoI in 2019 — “a new chapter”.");

    const csv = await exportTo("matrix.csv", "--format", "csv", "--table", "codeCase", "--presence", "--lang", "en");
    const rows = parseCsv(await readFile(csv.path, "utf8"), { bom: true }) as string[][];
    expect(rows[0]).toEqual(expect.arrayContaining(["Padang – Vũng Tàu", "Surabaya – Busan"]));
    const economic = rows.find((r) => r[0]!.endsWith("/Economic motive"))!;
    expect(economic.slice(1, 3)).toEqual(["1", "0"]);
  }, SLOW);

  it("writes a chart as SVG and as PNG", async () => {
    const svg = await exportTo("heatmap.svg", "--format", "svg", "--chart", "heatmap");
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(await readFile(svg.path, "utf8"));
    expect(parsed.svg["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect(await readFile(svg.path, "utf8")).toContain("Padang – Vũng Tàu");

    const png = await exportTo("heatmap.png", "--format", "png", "--chart", "cooccurrence", "--unit", "overlap");
    const bytes = await readFile(png.path);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(1600); // IHDR width
  }, SLOW);

  it("writes a PDF through LibreOffice outside the app", async () => {
    const { path } = await exportTo("laporan.pdf", "--format", "pdf", "--lang", "en", "--no-charts");
    const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" });
    expect(text).toContain("Coded summary");
    expect(text).toContain("부산광역시");
  }, SLOW);

  it("fails with one clear line, leaving any earlier file as it was", async () => {
    const earlier = join(project.out, "earlier.docx");
    await writeFile(earlier, "the thesis writer's earlier export");
    const run = (...args: string[]) => fails(["export", project.dir, ...args], project.home);
    expect(await run("--format", "odt", "--out", earlier)).toBe("tandai: --format must be one of docx, md, html, pdf, xlsx, csv, svg, png, not “odt”.");
    expect(await run("--format", "docx", "--out", earlier, "--case", "Jakarta – Seoul")).toBe("tandai: No case named “Jakarta – Seoul” in this project. Its cases: Padang – Vũng Tàu, Surabaya – Busan.");
    expect(await run("--format", "docx")).toBe("tandai: export needs --out <path>.");
    expect(await run("--format", "svg", "--out", earlier)).toMatch(/^tandai: export --format svg needs --chart frequencies\|heatmap/);
    expect(await run("--format", "docx", "--out", earlier, "--quotes", "0")).toBe("tandai: --quotes must be a whole number from 1, not “0”.");
    expect(await run("--format", "docx", "--out", join(project.out, "missing", "r.docx"))).toBe(`tandai: Cannot save there: the folder “${join(project.out, "missing")}” does not exist.`);
    expect(await readFile(earlier, "utf8")).toBe("the thesis writer's earlier export");
  }, SLOW);
});
