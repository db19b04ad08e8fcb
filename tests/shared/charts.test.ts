import { Resvg } from "@resvg/resvg-js";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { cooccurrenceChart, frequencyChart, heatmapChart, indicatorGridChart, svgToString, type Chart } from "../../shared/charts/index.js";
import { fit, textWidth } from "../../shared/charts/frame.js";
import { codeCaseMatrix, cooccurrenceMatrix, type Matrix } from "../../shared/export/matrices.js";
import { resolveScope } from "../../shared/export/scope.js";
import { chartOf } from "../../shared/export/charts.js";
import { applyOperation, computeIndicators, emptyProject, newCaseId, newProjectId, type Case, type Language } from "../../shared/index.js";
import { exportFixture } from "./exportFixture.js";
import { code, NOW } from "./fixtures.js";

// ——— The SVG read back with a real XML parser, as a plain tree to search.

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  /** The element's own text, children's excluded. */
  text: string;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, parseAttributeValue: false, trimValues: false, htmlEntities: true });

function toTree(raw: Record<string, unknown>): El {
  const tag = Object.keys(raw).find((k) => k !== ":@")!;
  const kids = raw[tag] as Record<string, unknown>[];
  return {
    tag,
    attrs: (raw[":@"] as Record<string, string>) ?? {},
    children: kids.filter((k) => !("#text" in k)).map(toTree),
    text: kids.filter((k) => "#text" in k).map((k) => String(k["#text"])).join(""),
  };
}

function parse(chart: Chart): El {
  const markup = svgString(chart);
  expect(XMLValidator.validate(markup)).toBe(true);
  const [root] = parser.parse(markup) as Record<string, unknown>[];
  return toTree(root!);
}

const svgString = (chart: Chart) => svgToString(chart.svg);

const all = (el: El, tag: string): El[] => [...(el.tag === tag ? [el] : []), ...el.children.flatMap((c) => all(c, tag))];
const texts = (el: El) => all(el, "text").map((t) => t.text);
/** Hover title → the text drawn in that cell or bar. */
function cells(root: El): Map<string, El> {
  const out = new Map<string, El>();
  for (const g of all(root, "g")) {
    const title = g.children.find((c) => c.tag === "title");
    if (title && g.children.some((c) => c.tag === "rect")) out.set(title.text, g);
  }
  return out;
}
const cellText = (g: El) => g.children.find((c) => c.tag === "text")!.text;

function setup() {
  const fx = exportFixture();
  const scope = resolveScope(fx.state, { caseIds: [], codeIds: [], frameworkIds: [] });
  return { fx, scope, byCase: codeCaseMatrix(fx.state, scope) };
}

const VUNG_TAU = "Padang – Bà Rịa–Vũng Tàu";
const BUSAN = "Surabaya – Busan (부산)";

describe("charts", () => {
  it("frame every chart the same way: svg root with size, font with Vietnamese and Hangul fallbacks, a <title> and the title drawn", () => {
    const { fx, scope, byCase } = setup();
    const results = computeIndicators(fx.state);
    const charts = [
      frequencyChart(byCase, "en"),
      heatmapChart(byCase, "en"),
      cooccurrenceChart(cooccurrenceMatrix(fx.state, scope, "overlap"), "overlap", "en"),
      indicatorGridChart(fx.state.frameworks.keating!, scope.cases, results, "en"),
    ];
    expect(charts.map((c) => c.title)).toEqual([
      "Code frequencies per case",
      "Codes × cases: number of codings",
      "Code co-occurrence: overlapping codings",
      "Motives of paradiplomacy (Keating): indicator status per case",
    ]);
    for (const chart of charts) {
      const root = parse(chart);
      expect(root.tag).toBe("svg");
      expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
      expect(root.attrs.width).toBe(String(chart.width));
      expect(root.attrs.height).toBe(String(chart.height));
      expect(root.attrs.viewBox).toBe(`0 0 ${chart.width} ${chart.height}`);
      expect(root.attrs["font-family"]).toMatch(/Noto Sans.*DejaVu Sans.*sans-serif/);
      expect(root.children[0]).toMatchObject({ tag: "title", text: chart.title });
      expect(texts(root)).toContain(chart.title);
      // Text is text: no glyph outlines.
      expect(all(root, "path")).toEqual([]);
    }
  });

  it("frequencies: one bar per code and case, with its count, legend with the cases' names exactly, axis labels", () => {
    const { byCase } = setup();
    const root = parse(frequencyChart(byCase, "en"));
    const bars = cells(root);
    expect(bars.size).toBe(byCase.rows.length * byCase.columns.length);
    byCase.rows.forEach((row, i) =>
      byCase.columns.forEach((column, j) => {
        const bar = bars.get(`${row.label} in ${column.label}: ${byCase.values[i]![j]}`);
        expect(bar, `${row.label} × ${column.label}`).toBeDefined();
        expect(cellText(bar!)).toBe(String(byCase.values[i]![j]));
      }),
    );
    const words = texts(root);
    expect(words).toEqual(expect.arrayContaining([VUNG_TAU, BUSAN, "Number of codings", "Code", "Case"]));
    // The economic motive: two codings in the Vũng Tàu interview (one against), one in Busan.
    const economic = byCase.rows.find((r) => r.label.endsWith("Motif ekonomi"))!.label;
    expect(cellText(bars.get(`${economic} in ${VUNG_TAU}: 2`)!)).toBe("2");
    expect(cellText(bars.get(`${economic} in ${BUSAN}: 1`)!)).toBe("1");
  });

  it("heatmap: the count in each cell, or 0/1 presence", () => {
    const { byCase } = setup();
    const counts = cells(parse(heatmapChart(byCase, "en")));
    byCase.rows.forEach((row, i) =>
      byCase.columns.forEach((column, j) => {
        expect(cellText(counts.get(`${row.label} in ${column.label}: ${byCase.values[i]![j]}`)!)).toBe(String(byCase.values[i]![j]));
      }),
    );
    const root = parse(heatmapChart(byCase, "id", { presence: true }));
    expect(root.children[0]!.text).toBe("Kode × kasus: dikodekan atau tidak");
    const shown = [...cells(root).values()].map(cellText);
    expect(new Set(shown)).toEqual(new Set(["0", "1"]));
    expect(texts(root)).toContain("1 = dikodekan sedikitnya sekali");
  });

  it("co-occurrence: symmetric counts, the diagonal hatched and explained", () => {
    const { fx, scope } = setup();
    const matrix = cooccurrenceMatrix(fx.state, scope, "overlap");
    const root = parse(cooccurrenceChart(matrix, "overlap", "en"));
    const found = cells(root);
    const economic = matrix.rows.findIndex((r) => r.label.endsWith("Motif ekonomi"));
    const cultural = matrix.rows.findIndex((r) => r.label.endsWith("Motif budaya"));
    const [e, c] = [matrix.rows[economic]!.label, matrix.rows[cultural]!.label];
    // Both code the Korean quote in Busan: one overlapping pair, either way round.
    expect(cellText(found.get(`${e} with ${c}: 1`)!)).toBe("1");
    expect(cellText(found.get(`${c} with ${e}: 1`)!)).toBe("1");
    const diagonal = found.get(`${e} with ${e}: 3`)!;
    const fill = diagonal.children.find((x) => x.tag === "rect")!.attrs.fill!;
    expect(fill).toMatch(/^url\(#(.+)\)$/);
    const patternId = /^url\(#(.+)\)$/.exec(fill)![1];
    expect(all(root, "pattern").map((p) => p.attrs.id)).toContain(patternId);
    // Off the diagonal, cells are plain colours.
    expect(found.get(`${e} with ${c}: 1`)!.children.find((x) => x.tag === "rect")!.attrs.fill).toMatch(/^#[0-9a-f]{6}$/);
    expect(texts(root)).toContain("Grey hatched diagonal: the number of codings of each code itself.");

    const paragraph = parse(cooccurrenceChart(matrix, "paragraph", "id"));
    expect(paragraph.children[0]!.text).toBe("Kemunculan bersama kode: paragraf yang sama");
    expect(texts(paragraph)).toContain("Diagonal abu-abu berarsir: jumlah paragraf yang memuat masing-masing kode.");
  });

  it("co-occurrence of 19 codes is printed at its own size in a report: every number and label at 11 px or more", () => {
    const names = [
      "Motif paradiplomasi (Keating)/Motif ekonomi", "Motif paradiplomasi (Keating)/Motif budaya", "Motif paradiplomasi (Keating)/Motif politik",
      "Hambatan/Pandemi Covid-19", "Hambatan/Keterbatasan sumber daya manusia", "Hambatan/Anggaran daerah", "Hambatan/Anggaran pusat",
      "Hambatan/Keterbatasan bahasa dan budaya", "Hambatan/Sistem birokrasi", "Tahap implementasi/Tahap inisiasi", "Tahap implementasi/Tahap perencanaan",
      "Tahap implementasi/Tahap pelaksanaan", "Aktor/Pemerintah kota", "Aktor/DPRD", "Aktor/Kementerian Luar Negeri", "Sektor/Pendidikan",
      "Sektor/Pariwisata", "Sektor/Perdagangan dan investasi", "Sektor/Kebudayaan",
    ];
    const rows = names.map((label, i) => ({ id: `c${i}`, label }));
    const matrix: Matrix = { rows, columns: rows, values: rows.map((_, i) => rows.map((_, j) => (i === j ? 40 + i : (i * j) % 13))) };
    const chart = cooccurrenceChart(matrix, "paragraph", "id");
    // Not wider than the report page's text (the .docx scales a wider chart down), nor taller than a page.
    expect(chart.width).toBeLessThanOrEqual(604);
    expect(chart.height).toBeLessThanOrEqual(850);
    const root = parse(chart);
    const sizes = all(root, "text").map((x) => Number(x.attrs["font-size"]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    expect(cells(root).size).toBe(19 * 19);
    // Column labels stand upright, and the numbers fit their cells.
    const upright = all(root, "text").filter((x) => x.attrs.transform?.includes("rotate(-90)"));
    expect(upright).toHaveLength(19);
    for (const cell of cells(root).values()) {
      const rect = cell.children.find((x) => x.tag === "rect")!;
      expect(textWidth(cellText(cell), 12)).toBeLessThan(Number(rect.attrs.width) - 4);
    }
  });

  it("indicator grid: statuses in words per indicator and case, contested hatched, overrides starred and explained", () => {
    const { fx, scope } = setup();
    const results = computeIndicators(fx.state);
    const keating = fx.state.frameworks.keating!;
    const root = parse(indicatorGridChart(keating, scope.cases, results, "id"));
    expect(root.children[0]!.text).toBe("Motif paradiplomasi (Keating): status indikator per kasus");
    const found = cells(root);
    expect(found.size).toBe(keating.indicators.length * 2);
    // Vũng Tàu: economic supported and contradicted; Busan: economic and cultural met, political decided by the researcher.
    const contested = found.get(`Motif ekonomi pada ${VUNG_TAU}: Diperdebatkan`)!;
    expect(cellText(contested)).toBe("Diperdebatkan");
    expect(contested.children.filter((x) => x.tag === "rect").map((x) => x.attrs.fill)).toContainEqual(expect.stringMatching(/^url\(#/));
    expect(cellText(found.get(`Motif budaya pada ${BUSAN}: Terpenuhi`)!)).toBe("Terpenuhi");
    expect(cellText(found.get(`Motif politik pada ${VUNG_TAU}: Tidak terpenuhi`)!)).toBe("Tidak terpenuhi");
    const decided = found.get(`Motif politik pada ${BUSAN}: Terpenuhi (keputusan peneliti)`)!;
    expect(cellText(decided)).toBe("Terpenuhi *");
    expect(decided.children.some((x) => x.tag === "polygon")).toBe(true);
    const words = texts(root);
    expect(words).toEqual(expect.arrayContaining([VUNG_TAU, BUSAN, "Terpenuhi", "Diperdebatkan", "Tidak terpenuhi", "* keputusan peneliti, bukan hasil hitung dari pengodean"]));
    // English names when the chart is in English.
    expect(texts(parse(indicatorGridChart(keating, scope.cases, results, "en")))).toContain("Economic motive");
  });

  it("escapes <, & and quotes in names and keeps them exact", () => {
    const nasty = `<b>&"x"'y'`;
    const matrix: Matrix = { rows: [{ id: "c", label: `Kode ${nasty}` }], columns: [{ id: "k", label: `Kasus ${nasty}` }], values: [[3]] };
    for (const chart of [frequencyChart(matrix, "en"), heatmapChart(matrix, "en")]) {
      const markup = svgString(chart);
      expect(markup).not.toContain("<b>");
      const root = parse(chart);
      expect(all(root, "b")).toEqual([]);
      expect(texts(root)).toEqual(expect.arrayContaining([`Kode ${nasty}`, `Kasus ${nasty}`]));
    }
  });

  it("shortens long labels with an ellipsis, keeping a code path's end, the full text in a hover title", () => {
    const longCase = "Kota Padang, Provinsi Sumatera Barat – Thành phố Bà Rịa–Vũng Tàu, Việt Nam (kerja sama sejak 2009)";
    const longCode = "Motif paradiplomasi/Motif ekonomi/Perdagangan dan investasi/Promosi pariwisata bersama/Festival budaya";
    const matrix: Matrix = { rows: [{ id: "c", label: longCode }], columns: [{ id: "k", label: longCase }], values: [[1]] };
    const root = parse(heatmapChart(matrix, "en"));
    const labelled = all(root, "g").filter((g) => g.children[0]?.tag === "title" && g.children[1]?.tag === "text" && g.children.length === 2);
    const byFull = new Map(labelled.map((g) => [g.children[0]!.text, g.children[1]!.text]));
    expect(byFull.get(longCase)).toMatch(/^Kota Padang.*…$/);
    expect(byFull.get(longCode)).toMatch(/^Motif para.*….*Festival budaya$/);
    expect(byFull.get(longCase)!.length).toBeLessThan(longCase.length);

    // A framework named at length: the drawn title is shortened, the <title> keeps it whole.
    const fx = exportFixture();
    const name = "Kerangka analisis ".repeat(15).trim();
    const framework = { ...fx.state.frameworks.keating!, name: { en: name, id: name } };
    const scope = resolveScope(fx.state, { caseIds: [], codeIds: [], frameworkIds: [] });
    const grid = indicatorGridChart(framework, scope.cases, computeIndicators(fx.state), "id");
    const drawn = parse(grid);
    expect(drawn.children[0]!.text).toBe(`${name}: status indikator per kasus`);
    expect(texts(drawn).find((x) => x.startsWith("Kerangka analisis"))).toMatch(/…$/);
    expect(grid.width).toBeLessThan(720);
  });

  it("an exported chart names the framework's codes in the export's language, as the report's codebook does", () => {
    const fx = exportFixture();
    const scope = resolveScope(fx.state, { caseIds: [], codeIds: [], frameworkIds: [] });
    const labels = (language: Language) => all(parse(chartOf(fx.state, scope, "heatmap", { language, unit: "overlap" })), "title").map((x) => x.text);
    expect(labels("en").join("\n")).toContain("Motives of paradiplomacy (Keating)/Economic motive");
    expect(labels("en").join("\n")).not.toContain("Motif ekonomi");
    expect(labels("id").join("\n")).toContain("Motif paradiplomasi (Keating)/Motif ekonomi");
    // The researcher's own codes keep their names.
    expect(labels("en").join("\n")).toContain("Hambatan/Pandemi Covid-19");
  });

  it("shortens code paths in the middle, so codes of different groups and siblings stay told apart", () => {
    const paths = ["Hambatan/Anggaran daerah", "Hambatan/Anggaran pusat", "Peluang/Anggaran daerah", "Motif paradiplomasi (Keating)/Motif ekonomi", "Tipe paradiplomasi (Duchacek)/Motif ekonomi"];
    for (const width of [70, 90, 120]) {
      const shown = paths.map((p) => fit(p, width, 12, true));
      shown.forEach((s, i) => {
        expect(textWidth(s, 12), s).toBeLessThanOrEqual(width);
        expect(s).toContain("…");
        // The start of the group and the end of the name are both kept.
        expect(s.startsWith(paths[i]!.slice(0, 2)), s).toBe(true);
        expect(s.endsWith(paths[i]!.slice(-3)), s).toBe(true);
      });
      expect(new Set(shown).size, shown.join(" | ")).toBe(paths.length);
    }
    // Drawn in a chart: the rows of a heatmap with a narrow label column still differ.
    const matrix: Matrix = { rows: paths.map((label, i) => ({ id: `c${i}`, label: label.repeat(4) })), columns: [{ id: "k", label: "Padang" }], values: paths.map(() => [1]) };
    const rows = texts(parse(heatmapChart(matrix, "id"))).filter((x) => x.includes("…"));
    expect(new Set(rows).size).toBe(paths.length);
    // Other labels (case names) still keep their start.
    expect(fit("Kota Padang – Bà Rịa–Vũng Tàu", 80, 12)).toMatch(/^Kota Pad.*…$/);
  });

  it("keeps Korean and Vietnamese text exactly, and never splits a letter from its accent", () => {
    const decomposed = "Bà Rịa–Vũng Tàu".normalize("NFD").repeat(12);
    const matrix: Matrix = { rows: [{ id: "c", label: "부산광역시 협력" }], columns: [{ id: "k", label: decomposed }], values: [[2]] };
    const root = parse(frequencyChart(matrix, "en"));
    expect(texts(root)).toContain("부산광역시 협력");
    const shortened = all(root, "g").find((g) => g.children[0]?.text === decomposed)!.children[1]!.text;
    const kept = shortened.slice(0, -1);
    expect(decomposed.startsWith(kept)).toBe(true);
    expect(/\p{M}/u.test(decomposed[kept.length]!)).toBe(false);
  });

  it("says there is no data, in the user's language, instead of drawing an empty chart", () => {
    const state = emptyProject(newProjectId(), "Kosong", NOW);
    const scope = resolveScope(state, { caseIds: [], codeIds: [], frameworkIds: [] });
    const none = codeCaseMatrix(state, scope);
    const noCases: Matrix = { rows: [{ id: "c", label: "Motif" }], columns: [], values: [[]] };
    const framework = exportFixture().state.frameworks.keating!;
    const charts: [Chart, string][] = [
      [frequencyChart(none, "id"), "Buku kode belum memiliki kode."],
      [heatmapChart(noCases, "id"), "Belum ada kasus: buat kasus di tab Indikator dan masukkan dokumen ke dalamnya."],
      [cooccurrenceChart(cooccurrenceMatrix(state, scope, "overlap"), "overlap", "id"), "Buku kode belum memiliki kode."],
      [indicatorGridChart(framework, [], [], "id"), "Belum ada kasus: buat kasus di tab Indikator dan masukkan dokumen ke dalamnya."],
    ];
    for (const [chart, reason] of charts) {
      const words = texts(parse(chart));
      expect(words).toEqual(expect.arrayContaining(["Tidak ada data", reason]));
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(50);
    }
  });

  it("caps very large matrices and says what it left out", () => {
    const n = 75;
    const rows = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `Kode ${i}` }));
    const square: Matrix = { rows, columns: rows, values: rows.map((_, i) => rows.map((_, j) => i + j)) };
    const root = parse(cooccurrenceChart(square, "paragraph", "en"));
    expect(texts(root)).toContain("Showing the first 40 of 75 codes.");
    expect(cells(root).size).toBe(40 * 40);

    const cases = Array.from({ length: 12 }, (_, j) => ({ id: `k${j}`, label: `Kasus ${j}` }));
    const wide: Matrix = { rows: rows.slice(0, 3), columns: cases, values: rows.slice(0, 3).map(() => cases.map(() => 1)) };
    expect(texts(parse(frequencyChart(wide, "id")))).toContain("Menampilkan 8 kasus pertama dari 12 kasus.");
  });

  it("is deterministic", () => {
    const a = setup();
    const b = setup();
    // Same data, built twice with fresh ids: the drawing is the same.
    const draw = (s: ReturnType<typeof setup>, language: Language) =>
      [frequencyChart(s.byCase, language), heatmapChart(s.byCase, language), indicatorGridChart(s.fx.state.frameworks.keating!, s.scope.cases, computeIndicators(s.fx.state), language)].map(svgString);
    expect(draw(a, "en")).toEqual(draw(b, "en"));
    expect(draw(a, "id")).toEqual(draw(a, "id"));
  });

  it("renders with resvg, as the PNG export does", () => {
    // One chart with patterns, slanted labels, Hangul and Vietnamese: loading system fonts is slow.
    const { fx, scope } = setup();
    const chart = indicatorGridChart(fx.state.frameworks.keating!, scope.cases, computeIndicators(fx.state), "id");
    const png = new Resvg(svgString(chart), { font: { loadSystemFonts: true } }).render();
    expect(png.width).toBe(chart.width);
    expect(png.height).toBe(chart.height);
    expect(png.asPng().length).toBeGreaterThan(1000);
  });

  it("adds a new case and coding to the chart when the data changes", () => {
    const { fx } = setup();
    const extra: Case = { id: newCaseId(), name: "Bandung – Seoul (서울)", documentIds: [], createdAt: NOW };
    applyOperation(fx.state, { type: "addCase", case: extra }, NOW);
    applyOperation(fx.state, { type: "addCode", code: code("Kode baru") }, NOW);
    const matrix = codeCaseMatrix(fx.state, resolveScope(fx.state, { caseIds: [], codeIds: [], frameworkIds: [] }));
    const words = texts(parse(heatmapChart(matrix, "en")));
    expect(words).toEqual(expect.arrayContaining(["Bandung – Seoul (서울)", "Kode baru"]));
  });
});
