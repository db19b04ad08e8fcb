import { TandaiError } from "../errors.js";
import type { CodeId, DocumentId } from "../model/ids.js";
import type { Coding, ProjectState } from "../model/project.js";
import { descendantIds } from "../ops/apply.js";
import { documentsOfGroups } from "../documents/documents.js";
import type { SearchScope } from "./model.js";

export interface ResolvedSearchScope {
  /** The documents searched, by title. */
  documentIds: DocumentId[];
  /** Whether a range of a document is in scope (coded with a chosen code, or uncoded). */
  allows: (documentId: DocumentId, start: number, end: number) => boolean;
  /** The parts of a document in scope, sorted and disjoint; null: all of it. For walking its words. */
  spans: (documentId: DocumentId) => [number, number][] | null;
}

/** Sorted, merged ranges. */
function union(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function complement(ranges: [number, number][], length = Number.MAX_SAFE_INTEGER): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push([at, s]);
    at = Math.max(at, e);
  }
  if (at < length) out.push([at, length]);
  return out;
}

function intersect(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (s < e) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** Codings by document, each list by start. */
export function codingsByDocument(state: ProjectState, keep: (c: Coding) => boolean = () => true): Map<DocumentId, Coding[]> {
  const out = new Map<DocumentId, Coding[]>();
  for (const coding of Object.values(state.codings)) {
    if (!keep(coding)) continue;
    const list = out.get(coding.documentId);
    if (list) list.push(coding);
    else out.set(coding.documentId, [coding]);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/** Resolves a scope; an unknown id is named, and a scope that leaves no document says so. */
export function resolveSearchScope(state: ProjectState, scope: SearchScope): ResolvedSearchScope {
  for (const id of scope.documentIds) if (!state.documents[id]) throw new TandaiError("errors.op.unknownDocument", { id });
  for (const id of scope.caseIds) if (!state.cases[id]) throw new TandaiError("errors.op.unknownCase", { id });
  for (const id of scope.codeIds) if (!state.codes[id]) throw new TandaiError("errors.op.unknownCode", { id });
  for (const id of scope.groupIds) if (!state.documentGroups[id]) throw new TandaiError("documents.errors.unknownGroupInScope", { id });
  const narrowed = scope.documentIds.length > 0 || scope.caseIds.length > 0 || scope.groupIds.length > 0;
  const chosen = new Set<DocumentId>([...scope.documentIds, ...scope.caseIds.flatMap((id) => state.cases[id]!.documentIds), ...documentsOfGroups(state, scope.groupIds)]);
  const title = (id: DocumentId) => state.documents[id]?.title ?? "";
  const documentIds = (Object.keys(state.documents) as DocumentId[]).filter((id) => !narrowed || chosen.has(id));
  documentIds.sort((a, b) => title(a).localeCompare(title(b)) || a.localeCompare(b));
  if (!documentIds.length) throw new TandaiError(Object.keys(state.documents).length ? "search.errors.emptyScope" : "search.errors.noDocuments");

  let allows: ResolvedSearchScope["allows"] = () => true;
  let spans: ResolvedSearchScope["spans"] = () => null;
  const rangesOf = (list: Coding[] | undefined) => union((list ?? []).map((c) => [c.start, c.end]));
  if (scope.codeIds.length) {
    const codes = new Set<CodeId>(scope.codeIds.flatMap((id) => [id, ...descendantIds(state, id)]));
    const coded = codingsByDocument(state, (c) => codes.has(c.codeId));
    allows = (doc, start, end) => (coded.get(doc) ?? []).some((c) => c.start <= start && end <= c.end);
    spans = (doc) => rangesOf(coded.get(doc));
  }
  if (scope.uncoded) {
    const coded = codingsByDocument(state);
    const inner = allows;
    const innerSpans = spans;
    allows = (doc, start, end) => inner(doc, start, end) && !(coded.get(doc) ?? []).some((c) => c.start < end && start < c.end);
    spans = (doc) => {
      const outside = complement(rangesOf(coded.get(doc)));
      const narrowed = innerSpans(doc);
      return narrowed ? intersect(narrowed, outside) : outside;
    };
  }
  return { documentIds, allows, spans };
}
