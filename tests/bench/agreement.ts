/**
 * Agreement benchmark: agreementReport between two coders over 100k codings in 1M characters
 * (20 documents of 50,000 characters, 20 codes), at the character and paragraph units, with and
 * without the uncoded-unit exclusion, and with one code's children as categories. Printed as a
 * ratio to a baseline measured in the same run: one pass over the project's codings.
 */
import { agreementReport, emptyProject, linesToBlocks, type AgreementRequest, type CodeId, type DocumentContent, type DocumentId, type ProjectId } from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { addCodings, addDocuments, benchCode, NOW, timings } from "./generate.js";

const CODINGS = 100_000;
const DOCUMENTS = 20;
const LENGTH = 50_000;
const CODES = 20;
const RUNS = 5;

function buildProject() {
  const state = emptyProject("benchagreement" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(21);
  // Paragraphs of 499 characters and a newline.
  const paragraph = `${"kerja sama ".repeat(46).slice(0, 499)}\n`;
  const text = paragraph.repeat(LENGTH / paragraph.length);
  const documents = addDocuments(state, DOCUMENTS, text.length, 100);
  const contents = new Map<DocumentId, DocumentContent>(documents.map((id) => [id, { text, blocks: linesToBlocks(text) }]));
  const codes: CodeId[] = [];
  for (let i = 0; i < CODES; i++) {
    const id = `code${i}` as CodeId;
    codes.push(id);
    state.codes[id] = benchCode(id, `Kode ${i}`, i > 0 && i < 6 ? ("code0" as CodeId) : null, i);
  }
  addCodings(state, random, CODINGS, { documents, codes, maxStart: text.length - 1000, length: (r) => 20 + Math.floor(r() * 400), coder: (r) => (r() < 0.5 ? "Ayu" : "Budi"), stance: () => "supports" });
  return { state, contents };
}

// One warm-up: a report is slower than the other benches' computations.
const median = (fn: () => unknown) => timings(fn, RUNS, 1).median;

/** Markdown lines: each report's median time and its ratio to one pass over the codings. */
export function benchAgreement(): string {
  const { state, contents } = buildProject();
  const request = (extra: Partial<AgreementRequest>): AgreementRequest => ({ coders: ["Ayu", "Budi"], unit: "character", codeIds: [], categories: null, documentIds: [], excludeUncoded: false, ...extra });
  let sink = 0;
  const baseline = median(() => {
    for (const coding of Object.values(state.codings)) sink += coding.end - coding.start;
  });
  const run = (extra: Partial<AgreementRequest>) => median(() => (sink += agreementReport(state, contents, request(extra)).overall.units));
  const line = (what: string, ms: number) => `| ${what} | ${ms.toFixed(0)} ms | ${(ms / baseline).toFixed(1)}× |`;
  return [
    `${CODINGS.toLocaleString("en")} codings by 2 coders, ${CODES} codes, ${DOCUMENTS} documents × ${LENGTH.toLocaleString("en")} characters, median of ${RUNS} (checksum ${sink % 7}):`,
    "",
    "| report | median | ratio to one pass over the codings |",
    "|---|---:|---:|",
    line("baseline: one pass over `Object.values(state.codings)`", baseline),
    line("character unit, every code", run({})),
    line("character unit, uncoded characters excluded", run({ excludeUncoded: true })),
    line("paragraph unit, every code", run({ unit: "paragraph" })),
    line("sentence unit, every code", run({ unit: "sentence" })),
    line("character unit, 5 children of one code as categories", run({ categories: "code0" as CodeId })),
  ].join("\n");
}
