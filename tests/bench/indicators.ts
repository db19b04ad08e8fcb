/**
 * Framework indicators benchmark: computeIndicators over 100k codings, all eight templates and 10
 * cases (documents shared between cases, a seventh of the codings contradicting, a tenth on unlinked
 * codes). Budget: ≤ 50 ms, so the indicator view can recompute after every coding. Measured both
 * from the bare state (one pass over the codings) and with a CodingIndex kept by the caller.
 */
import {
  addTemplateOps,
  applyOperation,
  batch,
  computeIndicators,
  emptyProject,
  CodingIndex,
  TEMPLATE_IDS,
  type CaseId,
  type CodeId,
  type CodingId,
  type DocumentId,
  type ProjectId,
  type TextOffset,
} from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";

const CODINGS = 100_000;
const DOCUMENTS = 60;
const CASES = 10;
const RUNS = 30;
const BUDGET_MS = 50;
const NOW = "2026-01-01T00:00:00.000Z";

function buildProject() {
  const state = emptyProject("benchindicators" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(42);
  const documents: DocumentId[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document${d}` as DocumentId;
    documents.push(id);
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: 60_000, blockCount: 1, pageCount: null };
  }
  // Each case holds 8 consecutive documents: neighbouring cases share two.
  for (let c = 0; c < CASES; c++) {
    const id = `case${c}` as CaseId;
    state.cases[id] = { id, name: `Kasus ${c + 1}`, documentIds: documents.slice(c * 6, c * 6 + 8), createdAt: NOW };
  }
  for (const id of TEMPLATE_IDS) applyOperation(state, batch(addTemplateOps(state, id, "id", NOW)), NOW);
  const codes = Object.keys(state.codes) as CodeId[];
  for (let u = 0; u < 10; u++) {
    const id = `plain${u}` as CodeId;
    state.codes[id] = { id, name: `Kode ${u}`, color: "#e69f00", parentId: null, order: 100 + u, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
    codes.push(id);
  }
  for (let i = 0; i < CODINGS; i++) {
    const id = `coding${String(i).padStart(8, "0")}` as CodingId;
    const start = Math.floor(random() * 59_000);
    state.codings[id] = {
      id,
      documentId: documents[Math.floor(random() * DOCUMENTS)]!,
      codeId: codes[Math.floor(random() * codes.length)]!,
      start: start as TextOffset,
      end: (start + 200) as TextOffset,
      coder: "bench",
      stance: random() < 1 / 7 ? "contradicts" : "supports",
      createdAt: NOW,
    };
  }
  return state;
}

function timings(fn: () => unknown): { median: number; worst: number } {
  for (let i = 0; i < 3; i++) fn(); // warm-up: let the JIT settle
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, worst: times.at(-1)! };
}

const show = ({ median, worst }: { median: number; worst: number }) =>
  `median ${median.toFixed(1)} ms, worst of ${RUNS} ${worst.toFixed(1)} ms (${worst <= BUDGET_MS ? "within" : "OVER"} the ${BUDGET_MS} ms budget)`;

/** One markdown line: median and worst time of computeIndicators, without and with a kept index. */
export function benchIndicators(): string {
  const state = buildProject();
  const indicators = Object.values(state.frameworks).reduce((n, f) => n + f.indicators.length, 0);
  const cold = timings(() => computeIndicators(state));
  const index = new CodingIndex(state);
  const kept = timings(() => computeIndicators(state, undefined, undefined, undefined, index));
  return (
    `- computeIndicators, ${CODINGS.toLocaleString("en")} codings × ${Object.keys(state.frameworks).length} frameworks ` +
    `(${indicators} indicators) × ${CASES} cases: from the state ${show(cold)}; with a kept CodingIndex ${show(kept)}`
  );
}
