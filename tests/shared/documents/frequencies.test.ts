import { describe, expect, it } from "vitest";
import {
  applyOperation,
  CodingIndex,
  computeFrequencies,
  type FrequencyCache,
  frequencyGrid,
  gridToHtml,
  gridToTsv,
  newCaseId,
  newDocumentGroupId,
  sortFrequencyRows,
  unionLength,
} from "../../../shared/index.js";
import { code, coding, documentMeta, NOW, project } from "../fixtures.js";

function seeded() {
  const state = project();
  const a = documentMeta("Wawancara Bappeda", 200);
  const b = documentMeta("Wawancara DPRD", 100);
  for (const doc of [a, b]) applyOperation(state, { type: "addDocument", document: doc }, NOW);
  const hambatan = code("Hambatan");
  const anggaran = code("Anggaran", hambatan.id);
  for (const c of [hambatan, anggaran]) applyOperation(state, { type: "addCode", code: c }, NOW);
  // Hambatan in a: [0,50) and [30,80) overlap → 80 characters, not 100; in b: [0,10).
  for (const c of [coding(a.id, hambatan.id, 0, 50), coding(a.id, hambatan.id, 30, 80), coding(b.id, hambatan.id, 0, 10), coding(b.id, anggaran.id, 50, 100)]) {
    applyOperation(state, { type: "addCoding", coding: c }, NOW);
  }
  return { state, a, b, hambatan, anggaran };
}

const labels = { code: "Kode", total: "Total", count: (c: string) => `${c}: n`, share: (c: string) => `${c}: % teks` };

describe("the code frequency table", () => {
  it("merges overlapping ranges of one code instead of summing them", () => {
    expect(unionLength([])).toBe(0);
    expect(unionLength([{ start: 0, end: 50 }, { start: 30, end: 80 }])).toBe(80);
    expect(unionLength([{ start: 10, end: 20 }, { start: 0, end: 5 }, { start: 20, end: 25 }])).toBe(20);
    expect(unionLength([{ start: 0, end: 100 }, { start: 10, end: 20 }])).toBe(100);
  });

  it("counts codings and the share of text covered per code and document, with a total", () => {
    const { state, a, b, hambatan } = seeded();
    const table = computeFrequencies(state, new CodingIndex(state), { axis: "documents" });
    expect(table.columns.map((c) => c.id)).toEqual([a.id, b.id]);
    const row = table.rows.find((r) => r.code.id === hambatan.id)!;
    expect(row.cells.map((c) => [c.count, c.covered, c.share])).toEqual([[2, 80, 0.4], [1, 10, 0.1]]);
    expect(row.total).toEqual({ count: 3, covered: 90, share: 90 / 300 });
  });

  it("counts by case (a case's documents together) and narrows to a document group", () => {
    const { state, a, b, hambatan, anggaran } = seeded();
    const padang = { id: newCaseId(), name: "Padang", documentIds: [a.id, b.id], createdAt: NOW };
    applyOperation(state, { type: "addCase", case: padang }, NOW);
    const byCase = computeFrequencies(state, new CodingIndex(state), { axis: "cases" });
    expect(byCase.columns).toEqual([{ id: padang.id, label: "Padang", length: 300 }]);
    expect(byCase.rows.find((r) => r.code.id === hambatan.id)!.cells[0]).toEqual({ count: 3, covered: 90, share: 0.3 });

    const group = { id: newDocumentGroupId(), name: "DPRD", documentIds: [b.id], createdAt: NOW };
    applyOperation(state, { type: "addDocumentGroup", group }, NOW);
    const scoped = computeFrequencies(state, new CodingIndex(state), { axis: "cases", documentGroupIds: [group.id] });
    expect(scoped.columns[0]!.length).toBe(100);
    expect(scoped.rows.find((r) => r.code.id === anggaran.id)!.cells[0]).toEqual({ count: 1, covered: 50, share: 0.5 });
    expect(scoped.rows.find((r) => r.code.id === hambatan.id)!.total).toEqual({ count: 1, covered: 10, share: 0.1 });
    // A case with no document in the group is left out of the narrowed table.
    const other = { id: newCaseId(), name: "Vung Tau", documentIds: [a.id], createdAt: NOW };
    applyOperation(state, { type: "addCase", case: other }, NOW);
    expect(computeFrequencies(state, new CodingIndex(state), { axis: "cases", documentGroupIds: [group.id] }).columns.map((c) => c.label)).toEqual(["Padang"]);
    expect(computeFrequencies(state, new CodingIndex(state), { axis: "cases" }).columns.map((c) => c.label)).toEqual(["Padang", "Vung Tau"]);
  });

  it("keeps per-document counts between calls and recounts only the documents an operation touched", () => {
    const { state, a, b, hambatan } = seeded();
    const index = new CodingIndex(state);
    const cache = new Map() as FrequencyCache;
    const first = computeFrequencies(state, index, { axis: "documents" }, cache);
    const keptB = cache.get(b.id)!;
    const added = coding(a.id, hambatan.id, 150, 200);
    const op = { type: "addCoding" as const, coding: added };
    applyOperation(state, op, NOW);
    index.update(state, op);
    const second = computeFrequencies(state, index, { axis: "documents" }, cache);
    expect(cache.get(b.id)).toBe(keptB);
    expect(second.rows[0]!.cells[0]).toEqual({ count: 3, covered: 130, share: 130 / 200 });
    expect(second).toEqual(computeFrequencies(state, new CodingIndex(state), { axis: "documents" }));
    expect(first.rows[0]!.cells[0]!.count).toBe(2);
  });

  it("sorts by any column and metric, ties in codebook order", () => {
    const { state, hambatan, anggaran } = seeded();
    const table = computeFrequencies(state, new CodingIndex(state), { axis: "documents" });
    expect(sortFrequencyRows(table, { key: "code", metric: "count", descending: false }).map((r) => r.code.id)).toEqual([hambatan.id, anggaran.id]);
    expect(sortFrequencyRows(table, { key: 1, metric: "share", descending: true }).map((r) => r.code.id)).toEqual([anggaran.id, hambatan.id]);
    expect(sortFrequencyRows(table, { key: "total", metric: "count", descending: true }).map((r) => r.code.id)).toEqual([hambatan.id, anggaran.id]);
  });

  it("copies as a TSV and an HTML table with the same cells, escaped", () => {
    const { state } = seeded();
    applyOperation(state, { type: "renameDocument", documentId: Object.keys(state.documents)[0] as never, title: "A <b> & \"c\"" }, NOW);
    const table = computeFrequencies(state, new CodingIndex(state), { axis: "documents" });
    const grid = frequencyGrid(table, table.rows, labels, "id");
    expect(grid[0]).toHaveLength(1 + 2 * 3);
    expect(grid[1]![0]).toBe("Hambatan");
    expect(grid[2]![0]).toBe("Hambatan / Anggaran");
    const tsv = gridToTsv(grid);
    expect(tsv.split("\r\n")[0]!.split("\t")).toEqual(grid[0]);
    expect(tsv).toContain("40,0%");
    const html = new DOMParserless(gridToHtml(grid));
    expect(html.cells).toBe(grid.flat().length);
    expect(gridToHtml(grid)).toContain("A &lt;b&gt; &amp; &quot;c&quot;");
  });
});

/** Counts the cells of the markup without a DOM (shared tests run in Node). */
class DOMParserless {
  cells: number;
  constructor(html: string) {
    this.cells = (html.match(/<t[hd][ >]/g) ?? []).length;
  }
}
