import { codePath, formatCodePath, PATH_SEPARATOR } from "../codebook/tree.js";
import type { Evidence } from "../frameworks/evidence.js";
import type { CodeId, DocumentId } from "../model/ids.js";
import type { Coding, ProjectState } from "../model/project.js";
import type { CooccurrenceUnit } from "./model.js";
import { casesOfDocuments, type ResolvedScope } from "./scope.js";

export interface Axis {
  id: string;
  label: string;
}

/** Counts of `rows` × `columns`: `values[row][column]`. */
export interface Matrix {
  rows: Axis[];
  columns: Axis[];
  values: number[][];
}

const codeAxis = (state: ProjectState, scope: ResolvedScope): Axis[] =>
  scope.codes.map((code) => ({ id: code.id, label: formatCodePath(codePath(state, code.id), PATH_SEPARATOR) }));

function countInto(rows: Axis[], columns: Axis[], each: (add: (row: string, column: string, count?: number) => void) => void): Matrix {
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  const columnIndex = new Map(columns.map((c, i) => [c.id, i]));
  const values = rows.map(() => new Array<number>(columns.length).fill(0));
  each((row, column, count = 1) => {
    const r = rowIndex.get(row);
    const c = columnIndex.get(column);
    if (r !== undefined && c !== undefined) values[r]![c]! += count;
  });
  return { rows, columns, values };
}

/** Codings per code and document, over the scope's codes and documents. */
export function codeDocumentMatrix(state: ProjectState, scope: ResolvedScope): Matrix {
  const columns = scope.documentIds.map((id) => ({ id, label: state.documents[id]!.title }));
  return countInto(codeAxis(state, scope), columns, (add) => {
    for (const coding of scope.codings) add(coding.codeId, coding.documentId);
  });
}

/**
 * Codings per code and case; a document in two cases counts for both. Given the per-(code,
 * document) counts a CodingIndex keeps, they are summed instead of passing over every coding,
 * which is what a view redrawn after every click should do.
 */
export function codeCaseMatrix(state: ProjectState, scope: ResolvedScope, counts?: Evidence): Matrix {
  const columns = scope.cases.map((c) => ({ id: c.id, label: c.name }));
  const casesOf = casesOfDocuments(state);
  return countInto(codeAxis(state, scope), columns, (add) => {
    if (counts) {
      // The index counts the whole project; a scope narrowed to document groups keeps its documents only.
      const covered = new Set(scope.documentIds);
      counts.forEach((codeId, documentId, supporting, contradicting) => {
        if (!covered.has(documentId)) return;
        for (const found of casesOf.get(documentId) ?? []) add(codeId, found.id, supporting + contradicting);
      });
    } else {
      for (const coding of scope.codings) for (const found of casesOf.get(coding.documentId) ?? []) add(coding.codeId, found.id);
    }
  });
}

/** 0/1 presence instead of counts. */
export function presence(matrix: Matrix): Matrix {
  return { ...matrix, values: matrix.values.map((row) => row.map((v) => (v > 0 ? 1 : 0))) };
}

/**
 * Code × code co-occurrence, symmetric. With unit "overlap" a cell counts the pairs of codings of
 * the two codes whose ranges overlap, and the diagonal each code's codings; with "paragraph" it
 * counts the paragraphs holding both codes, and the diagonal the paragraphs holding the code.
 * `paragraphsOf` gives a coding's first and last paragraph (block index); a document's blocks live
 * in its content file, so the caller, which can read it, supplies them.
 */
export function cooccurrenceMatrix(
  state: ProjectState,
  scope: ResolvedScope,
  unit: CooccurrenceUnit,
  paragraphsOf?: (coding: Coding) => readonly [number, number],
): Matrix {
  if (unit === "paragraph" && !paragraphsOf) throw new Error("cooccurrenceMatrix: paragraph co-occurrence needs paragraphsOf");
  const axis = codeAxis(state, scope);
  const index = new Map(axis.map((a, i) => [a.id as CodeId, i]));
  const values = axis.map(() => new Array<number>(axis.length).fill(0));
  const pair = (a: number, b: number) => {
    values[a]![b]!++;
    if (a !== b) values[b]![a]!++;
  };
  const byDocument = new Map<DocumentId, Coding[]>();
  for (const coding of scope.codings) {
    let list = byDocument.get(coding.documentId);
    if (!list) byDocument.set(coding.documentId, (list = []));
    list.push(coding);
  }
  for (const codings of byDocument.values()) {
    if (unit === "overlap") {
      // Codings come sorted by start: each meets the earlier ones that have not ended yet.
      const open: Coding[] = [];
      for (const coding of codings) {
        const me = index.get(coding.codeId)!;
        pair(me, me);
        for (let i = open.length - 1; i >= 0; i--) {
          const other = open[i]!;
          if (other.end <= coding.start) open.splice(i, 1);
          else if (other.codeId !== coding.codeId) pair(index.get(other.codeId)!, me);
        }
        open.push(coding);
      }
    } else {
      const codesIn = new Map<number, Set<number>>();
      for (const coding of codings) {
        const [first, last] = paragraphsOf!(coding);
        for (let p = first; p <= last; p++) {
          let set = codesIn.get(p);
          if (!set) codesIn.set(p, (set = new Set()));
          set.add(index.get(coding.codeId)!);
        }
      }
      for (const set of codesIn.values()) {
        const list = [...set];
        for (let i = 0; i < list.length; i++) for (let j = i; j < list.length; j++) pair(list[i]!, list[j]!);
      }
    }
  }
  return { rows: axis, columns: axis, values };
}
