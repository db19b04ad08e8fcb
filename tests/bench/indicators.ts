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
  type CodeId,
  type ProjectId,
} from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { addCases, addCodings, addDocuments, benchCode, NOW, timings as timed } from "./generate.js";

const CODINGS = 100_000;
const DOCUMENTS = 60;
const CASES = 10;
const RUNS = 30;
const BUDGET_MS = 50;

function buildProject() {
  const state = emptyProject("benchindicators" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(42);
  const documents = addDocuments(state, DOCUMENTS, 60_000);
  addCases(state, documents, CASES);
  for (const id of TEMPLATE_IDS) applyOperation(state, batch(addTemplateOps(state, id, "id", NOW)), NOW);
  const codes = Object.keys(state.codes) as CodeId[];
  for (let u = 0; u < 10; u++) {
    const id = `plain${u}` as CodeId;
    state.codes[id] = benchCode(id, `Kode ${u}`, null, 100 + u);
    codes.push(id);
  }
  addCodings(state, random, CODINGS, { documents, codes, maxStart: 59_000, length: () => 200, coder: () => "bench", stance: (r) => (r() < 1 / 7 ? "contradicts" : "supports") });
  return state;
}

const timings = (fn: () => unknown) => timed(fn, RUNS);

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
