/**
 * Code frequency table benchmark: computeFrequencies over 100k codings in 60 documents and 10 cases
 * (60 codes, overlapping codings), by document and by case, from a kept CodingIndex as the charts
 * view does after every operation. Printed as a ratio to a baseline measured in the same run: one
 * pass over the project's codings (what any view pays that does not use the index), so the figure
 * survives a loaded machine.
 */
import { applyOperation, CodingIndex, computeFrequencies, emptyProject, type FrequencyCache, type Operation, type CodeId, type CodingId, type ProjectId } from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { addCases, addCodings, addDocuments, benchCode, NOW, timings } from "./generate.js";

const CODINGS = 100_000;
const DOCUMENTS = 60;
const CASES = 10;
const CODES = 60;
const RUNS = 20;

function buildProject() {
  const state = emptyProject("benchfrequencies" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(11);
  const documents = addDocuments(state, DOCUMENTS, 60_000);
  addCases(state, documents, CASES);
  const codes: CodeId[] = [];
  for (let i = 0; i < CODES; i++) {
    const id = `code${i}` as CodeId;
    codes.push(id);
    state.codes[id] = benchCode(id, `Kode ${i}`, i >= 10 ? codes[i % 10]! : null, i);
  }
  addCodings(state, random, CODINGS, { documents, codes, maxStart: 59_000, length: (r) => 50 + Math.floor(r() * 900), coder: () => "bench", stance: () => "supports" });
  return state;
}

const median = (fn: () => unknown) => timings(fn, RUNS).median;

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
