/**
 * Agreement benchmark: agreementReport between two coders over 100k codings in 1M characters
 * (20 documents of 50,000 characters, 20 codes), at the character and paragraph units, with and
 * without the uncoded-unit exclusion, and with one code's children as categories. Printed as a
 * ratio to a baseline measured in the same run: one pass over the project's codings.
 */
import { agreementReport, emptyProject, linesToBlocks, type AgreementRequest, type CodeId, type CodingId, type DocumentContent, type DocumentId, type ProjectId, type TextOffset } from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";

const CODINGS = 100_000;
const DOCUMENTS = 20;
const LENGTH = 50_000;
const CODES = 20;
const RUNS = 5;
const NOW = "2026-01-01T00:00:00.000Z";

function buildProject() {
  const state = emptyProject("benchagreement" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(21);
  const contents = new Map<DocumentId, DocumentContent>();
  // Paragraphs of 499 characters and a newline.
  const paragraph = `${"kerja sama ".repeat(46).slice(0, 499)}\n`;
  const text = paragraph.repeat(LENGTH / paragraph.length);
  const documents: DocumentId[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document${d}` as DocumentId;
    documents.push(id);
    contents.set(id, { text, blocks: linesToBlocks(text) });
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: text.length, blockCount: 100, pageCount: null };
  }
  const codes: CodeId[] = [];
  for (let i = 0; i < CODES; i++) {
    const id = `code${i}` as CodeId;
    codes.push(id);
    state.codes[id] = { id, name: `Kode ${i}`, color: "#e69f00", parentId: i > 0 && i < 6 ? ("code0" as CodeId) : null, order: i, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  }
  for (let i = 0; i < CODINGS; i++) {
    const id = `coding${String(i).padStart(8, "0")}` as CodingId;
    const start = Math.floor(random() * (text.length - 1000));
    state.codings[id] = {
      id,
      documentId: documents[Math.floor(random() * DOCUMENTS)]!,
      codeId: codes[Math.floor(random() * CODES)]!,
      start: start as TextOffset,
      end: (start + 20 + Math.floor(random() * 400)) as TextOffset,
      coder: random() < 0.5 ? "Ayu" : "Budi",
      stance: "supports",
      createdAt: NOW,
    };
  }
  return { state, contents };
}

function median(fn: () => unknown): number {
  fn(); // warm-up: let the JIT settle
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

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
