/**
 * What undo-in-words and stable keys cost per click, as ratios to the operation itself measured in
 * the same run: applying (and undoing) one coding in a 100k-coding project is the baseline; beside
 * it, describing the coding (the backend does it before every apply), describing a 2,000-document
 * import batch, and codeKeys over a 600-code codebook (the renderer recomputes it per change), with
 * flattenCodebook beside it for comparison.
 */
import {
  applyOperation,
  codeKeys,
  flattenCodebook,
  describeOperation,
  emptyProject,
  type CodeId,
  type CodingId,
  type DocumentId,
  type Operation,
  type ProjectId,
  type TextOffset,
} from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { NOW } from "../shared/fixtures.js";

const CODINGS = 100_000;
const CODES = 600;
const RUNS = 200;

function buildProject() {
  const state = emptyProject("benchhistory" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(7);
  const documents: DocumentId[] = [];
  for (let d = 0; d < 60; d++) {
    const id = `document${d}` as DocumentId;
    documents.push(id);
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: 60_000, blockCount: 1, pageCount: null };
  }
  const codes: CodeId[] = [];
  // Groups of ten: one parent, nine leaves, created one second apart.
  for (let c = 0; c < CODES; c++) {
    const id = `code${String(c).padStart(5, "0")}` as CodeId;
    const parentId = c % 10 === 0 ? null : (`code${String(c - (c % 10)).padStart(5, "0")}` as CodeId);
    state.codes[id] = { id, name: `Kode ${c}`, color: "#e69f00", parentId, order: c, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: new Date(Date.parse(NOW) + c * 1000).toISOString() };
    codes.push(id);
  }
  for (let i = 0; i < CODINGS; i++) {
    const id = `coding${String(i).padStart(8, "0")}` as CodingId;
    const start = Math.floor(random() * 59_000);
    state.codings[id] = { id, documentId: documents[i % 60]!, codeId: codes[i % CODES]!, start: start as TextOffset, end: (start + 200) as TextOffset, coder: "bench", stance: "supports", createdAt: NOW };
  }
  return { state, documents, codes };
}

function median(fn: () => unknown): number {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

export async function benchHistory(): Promise<string> {
  const { state, documents, codes } = buildProject();
  const coding: Operation = {
    type: "addCoding",
    coding: { id: "codingbench0001" as CodingId, documentId: documents[3]!, codeId: codes[15]!, start: 10 as TextOffset, end: 90 as TextOffset, coder: "bench", stance: "supports", createdAt: NOW },
  };
  const importBatch: Operation = {
    type: "batch",
    ops: Array.from({ length: 2000 }, (_, d) => ({
      type: "addDocument" as const,
      document: { id: `newdocument${d}` as DocumentId, title: `Baru ${d}`, kind: "txt" as const, sourceName: `b${d}.txt`, importedAt: NOW, length: 10, blockCount: 1, pageCount: null },
    })),
  };
  const baseline = median(() => applyOperation(state, applyOperation(state, coding, NOW), NOW));
  const rows: [string, number][] = [
    ["apply + undo one coding (baseline)", baseline],
    ["describeOperation(addCoding)", median(() => describeOperation(coding, state))],
    ["describeOperation(import of 2,000 documents)", median(() => describeOperation(importBatch, state))],
    [`codeKeys, ${CODES} codes`, median(() => codeKeys(state))],
    // For comparison: the display order as shared/codebook/tree.ts computes it (every code scanned per code).
    [`flattenCodebook, ${CODES} codes`, median(() => flattenCodebook(state))],
  ];
  const lines = ["| what, 100k codings | median | × baseline |", "|---|---:|---:|"];
  for (const [what, ms] of rows) lines.push(`| ${what} | ${(ms * 1000).toFixed(1)} µs | ${(ms / baseline).toFixed(2)} |`);
  return lines.join("\n");
}
