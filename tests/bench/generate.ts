/**
 * The synthetic projects of the frequencies, indicators and agreement benchmarks: documents,
 * cases, codes and random codings, written once. Each bench keeps its own seed and shapes, and the
 * random numbers are drawn in the same order as before this module, so its figures stay comparable.
 */
import type { CaseId, Code, CodeId, CodingId, DocumentId, ProjectState, Stance, TextOffset } from "../../shared/index.js";
import { code, NOW } from "../shared/fixtures.js";

export { NOW };

/** Documents "Wawancara 1…count" of `length` characters and `blockCount` blocks, added to `state`. */
export function addDocuments(state: ProjectState, count: number, length: number, blockCount = 1): DocumentId[] {
  const documents: DocumentId[] = [];
  for (let d = 0; d < count; d++) {
    const id = `document${d}` as DocumentId;
    documents.push(id);
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length, blockCount, pageCount: null };
  }
  return documents;
}

/** `count` cases of 8 consecutive documents each: neighbouring cases share two. */
export function addCases(state: ProjectState, documents: readonly DocumentId[], count: number): void {
  for (let c = 0; c < count; c++) {
    const id = `case${c}` as CaseId;
    state.cases[id] = { id, name: `Kasus ${c + 1}`, documentIds: documents.slice(c * 6, c * 6 + 8), createdAt: NOW };
  }
}

/** A plain code record with a fixed id (the tests' own code fixture otherwise). */
export const benchCode = (id: CodeId, name: string, parentId: CodeId | null, order: number): Code => ({ ...code(name, parentId, order), id });

export interface CodingShape {
  documents: readonly DocumentId[];
  codes: readonly CodeId[];
  /** Starts are drawn in [0, maxStart). */
  maxStart: number;
  /** The coding's length (it may draw from `random`). */
  length(random: () => number): number;
  coder(random: () => number): string;
  stance(random: () => number): Stance;
}

/** `count` codings "coding00000000…", each drawn as start, document, code, length, coder, stance. */
export function addCodings(state: ProjectState, random: () => number, count: number, shape: CodingShape): void {
  for (let i = 0; i < count; i++) {
    const id = `coding${String(i).padStart(8, "0")}` as CodingId;
    const start = Math.floor(random() * shape.maxStart);
    const documentId = shape.documents[Math.floor(random() * shape.documents.length)]!;
    const codeId = shape.codes[Math.floor(random() * shape.codes.length)]!;
    const end = start + shape.length(random);
    state.codings[id] = { id, documentId, codeId, start: start as TextOffset, end: end as TextOffset, coder: shape.coder(random), stance: shape.stance(random), createdAt: NOW };
  }
}

/** Median and worst time of `runs` calls of `fn`, after `warmups` calls to let the JIT settle. */
export function timings(fn: () => unknown, runs: number, warmups = 3): { median: number; worst: number } {
  for (let i = 0; i < warmups; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, worst: times.at(-1)! };
}
