import { codePath, flattenCodebook } from "../codebook/tree.js";
import { documentsOfGroups, sortedDocuments } from "../documents/documents.js";
import type { CodeId, DocumentGroupId, DocumentId } from "../model/ids.js";
import type { Code, Coding, ProjectState } from "../model/project.js";
import type { CodingIndex } from "./codingIndex.js";

/** What the table's columns are: each document, or each case (its documents together). */
export type FrequencyAxis = "documents" | "cases";

export interface FrequencyCell {
  /** Codings of the code (itself, not the codes nested under it). */
  count: number;
  /** Characters the code covers: overlapping codings of the same code count once (a union). */
  covered: number;
  /** covered / the column's length, 0–1 (0 for an empty column). */
  share: number;
}

export interface FrequencyColumn {
  id: string;
  label: string;
  /** Characters of the column's documents. */
  length: number;
}

export interface FrequencyRow {
  code: Code;
  depth: number;
  /** Names from the top level down to the code. */
  path: string[];
  cells: FrequencyCell[];
  /** Over every document in scope, each counted once. */
  total: FrequencyCell;
}

export interface FrequencyTable {
  axis: FrequencyAxis;
  columns: FrequencyColumn[];
  rows: FrequencyRow[];
  /** Characters of every document in scope. */
  length: number;
}

/** Total length of [start, end) ranges after merging the overlapping ones. */
export function unionLength(ranges: readonly { start: number; end: number }[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  let total = 0;
  let from = -1;
  let to = -1;
  for (const { start, end } of sorted) {
    if (start > to) {
      total += to - from;
      from = start;
      to = end;
    } else if (end > to) to = end;
  }
  return total + (to - from);
}

const cell = (count: number, covered: number, length: number): FrequencyCell => ({ count, covered, share: length > 0 ? covered / length : 0 });

/**
 * What computeFrequencies counted per document, kept by a view between calls: a document whose
 * codings did not change since (CodingIndex.documentVersion) is not counted again.
 */
export type FrequencyCache = Map<DocumentId, { version: string; counted: Map<CodeId, [number, number]> }>;

/**
 * Codes × documents (or cases): how often each code was applied and how much of the text it
 * covers. Reads each document's codings from the CodingIndex, so it costs the codings in scope,
 * not a pass over the project. `documentGroupIds` narrows it to the documents of those groups.
 */
export function computeFrequencies(
  state: ProjectState,
  index: CodingIndex,
  options: { axis: FrequencyAxis; documentGroupIds?: readonly DocumentGroupId[] },
  cache?: FrequencyCache,
): FrequencyTable {
  const inGroups = options.documentGroupIds?.length ? documentsOfGroups(state, options.documentGroupIds) : null;
  const documents = sortedDocuments(state).filter((d) => !inGroups || inGroups.has(d.id));
  // Per document: code → [count, covered].
  const perDocument = new Map<DocumentId, Map<CodeId, [number, number]>>();
  for (const doc of documents) {
    const version = index.documentVersion(doc.id);
    const kept = cache?.get(doc.id);
    if (kept && kept.version === version) {
      perDocument.set(doc.id, kept.counted);
      continue;
    }
    const byCode = new Map<CodeId, Coding[]>();
    for (const coding of index.codingsOf(state, doc.id)) {
      let list = byCode.get(coding.codeId);
      if (!list) byCode.set(coding.codeId, (list = []));
      list.push(coding);
    }
    const counted = new Map<CodeId, [number, number]>();
    for (const [codeId, list] of byCode) counted.set(codeId, [list.length, unionLength(list)]);
    perDocument.set(doc.id, counted);
    cache?.set(doc.id, { version, counted });
  }

  const inScope = new Set(documents.map((d) => d.id));
  const columns: { column: FrequencyColumn; documentIds: DocumentId[] }[] =
    options.axis === "documents"
      ? documents.map((d) => ({ column: { id: d.id, label: d.title, length: d.length }, documentIds: [d.id] }))
      : Object.values(state.cases)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((c) => {
            const documentIds = [...new Set(c.documentIds)].filter((id) => inScope.has(id));
            const length = documentIds.reduce((sum, id) => sum + state.documents[id]!.length, 0);
            return { column: { id: c.id, label: c.name, length }, documentIds };
          })
          // Narrowed to groups, a case with none of their documents has nothing to show.
          .filter((c) => !inGroups || c.documentIds.length > 0);
  const length = documents.reduce((sum, d) => sum + d.length, 0);

  const sum = (codeId: CodeId, documentIds: readonly DocumentId[], columnLength: number): FrequencyCell => {
    let count = 0;
    let covered = 0;
    for (const id of documentIds) {
      const found = perDocument.get(id)?.get(codeId);
      if (found) {
        count += found[0];
        covered += found[1];
      }
    }
    return cell(count, covered, columnLength);
  };

  const allDocuments = documents.map((d) => d.id);
  const rows = flattenCodebook(state).map(({ code, depth }) => ({
    code,
    depth,
    path: codePath(state, code.id),
    cells: columns.map(({ column, documentIds }) => sum(code.id, documentIds, column.length)),
    total: sum(code.id, allDocuments, length),
  }));
  return { axis: options.axis, columns: columns.map((c) => c.column), rows, length };
}

/** What a column of the table shows. */
export type FrequencyMetric = "count" | "share";

/** A sort of the table: by the code (codebook order), a column's index, or the total. */
export type FrequencySort = { key: "code" | "total" | number; metric: FrequencyMetric; descending: boolean };

/** The rows in the chosen order; ties keep codebook order. */
export function sortFrequencyRows(table: FrequencyTable, sort: FrequencySort): FrequencyRow[] {
  const order = new Map(table.rows.map((row, i) => [row.code.id, i]));
  const value = (row: FrequencyRow): number | string => {
    if (sort.key === "code") return order.get(row.code.id)!;
    const c = sort.key === "total" ? row.total : row.cells[sort.key];
    return c ? (sort.metric === "count" ? c.count : c.share) : 0;
  };
  const sign = sort.descending ? -1 : 1;
  return [...table.rows].sort((a, b) => {
    const va = value(a) as number;
    const vb = value(b) as number;
    return (va - vb) * sign || order.get(a.code.id)! - order.get(b.code.id)!;
  });
}
