/**
 * Code frequency table benchmark: computeFrequencies over 100k codings in 60 documents and 10 cases
 * (60 codes, overlapping codings), by document and by case, from a kept CodingIndex as the charts
 * view does after every operation. Printed as a ratio to a baseline measured in the same run: one
 * pass over the project's codings (what any view pays that does not use the index), so the figure
 * survives a loaded machine.
 */
import { applyOperation, CodingIndex, computeFrequencies, emptyProject, type CaseId, type FrequencyCache, type Operation, type CodeId, type CodingId, type DocumentId, type ProjectId, type TextOffset } from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";

const CODINGS = 100_000;
const DOCUMENTS = 60;
const CASES = 10;
const CODES = 60;
const RUNS = 20;
const NOW = "2026-01-01T00:00:00.000Z";

function buildProject() {
  const state = emptyProject("benchfrequencies" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(11);
  const documents: DocumentId[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document${d}` as DocumentId;
    documents.push(id);
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: 60_000, blockCount: 1, pageCount: null };
  }
  for (let c = 0; c < CASES; c++) {
    const id = `case${c}` as CaseId;
    state.cases[id] = { id, name: `Kasus ${c + 1}`, documentIds: documents.slice(c * 6, c * 6 + 8), createdAt: NOW };
  }
  const codes: CodeId[] = [];
  for (let i = 0; i < CODES; i++) {
    const id = `code${i}` as CodeId;
    codes.push(id);
    state.codes[id] = { id, name: `Kode ${i}`, color: "#e69f00", parentId: i >= 10 ? codes[i % 10]! : null, order: i, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  }
  for (let i = 0; i < CODINGS; i++) {
    const id = `coding${String(i).padStart(8, "0")}` as CodingId;
    const start = Math.floor(random() * 59_000);
    state.codings[id] = {
      id,
      documentId: documents[Math.floor(random() * DOCUMENTS)]!,
      codeId: codes[Math.floor(random() * CODES)]!,
      start: start as TextOffset,
      end: (start + 50 + Math.floor(random() * 900)) as TextOffset,
      coder: "bench",
      stance: "supports",
      createdAt: NOW,
    };
  }
  return state;
}

function median(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up: let the JIT settle
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** Markdown lines: each table's median time and its ratio to one pass over the codings. */
export function benchFrequencies(): string {
  const state = buildProject();
  const index = new CodingIndex(state);
  let sink = 0;
  const baseline = median(() => {
    for (const coding of Object.values(state.codings)) sink += coding.end - coding.start;
  });
  const byDocument = median(() => computeFrequencies(state, index, { axis: "documents" }));
  const byCase = median(() => computeFrequencies(state, index, { axis: "cases" }));
  // What the charts view does after a coding: the operation reaches the index, then the table is
  // recomputed with its kept per-document counts (only the coded document is counted again).
  const cache: FrequencyCache = new Map();
  computeFrequencies(state, index, { axis: "documents" }, cache);
  let n = 0;
  const afterCoding = median(() => {
    const op: Operation = { type: "addCoding", coding: { ...state.codings["coding00000000" as CodingId]!, id: `extra${n++}` as CodingId } };
    applyOperation(state, op, NOW);
    index.update(state, op);
    computeFrequencies(state, index, { axis: "documents" }, cache);
  });
  const line = (what: string, ms: number) => `| ${what} | ${ms.toFixed(1)} ms | ${(ms / baseline).toFixed(3)}× |`;
  return [
    `${CODINGS.toLocaleString("en")} codings, ${CODES} codes × ${DOCUMENTS} documents / ${CASES} cases, median of ${RUNS} (checksum ${sink % 7}):`,
    "",
    "| computation | median | ratio to one pass over the codings |",
    "|---|---:|---:|",
    line("baseline: one pass over `Object.values(state.codings)`", baseline),
    line("computeFrequencies by document (union of overlaps per code and document)", byDocument),
    line("computeFrequencies by case", byCase),
    line("after one coding, with the kept per-document counts (addCoding + index update + table)", afterCoding),
  ].join("\n");
}
