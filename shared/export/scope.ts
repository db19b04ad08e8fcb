import { flattenCodebook } from "../codebook/tree.js";
import { TandaiError } from "../errors.js";
import type { Framework } from "../frameworks/model.js";
import type { CodeId, DocumentId } from "../model/ids.js";
import type { Case, Code, Coding, DocumentGroup, ProjectState } from "../model/project.js";
import { documentsOfGroups } from "../documents/documents.js";
import { descendantIds } from "../ops/apply.js";
import type { ExportScope } from "./model.js";

/** An export's scope resolved against the project: what it covers, in the order it shows it. */
export interface ResolvedScope {
  /** Chosen cases, or every case, by name. */
  cases: Case[];
  /** Chosen frameworks, or every framework of the project, in the project's order. */
  frameworks: Framework[];
  /** Chosen codes with their descendants, or every code, in codebook order. */
  codes: Code[];
  /** The documents covered: those of the chosen cases, or every document; by title. */
  documentIds: DocumentId[];
  /** The codings of the chosen codes in the covered documents, by document title then position. */
  codings: Coding[];
  /** The chosen document groups (none: no narrowing by group), by name. */
  documentGroups: DocumentGroup[];
  /** Whether the user narrowed the export (the report says so). */
  narrowed: { cases: boolean; codes: boolean; frameworks: boolean; documentGroups: boolean };
}

/** Resolves a scope; an id the project does not hold is named in the error. */
export function resolveScope(state: ProjectState, scope: ExportScope): ResolvedScope {
  for (const id of scope.caseIds) if (!state.cases[id]) throw new TandaiError("export.errors.unknownCase", { name: id });
  for (const id of scope.codeIds) if (!state.codes[id]) throw new TandaiError("export.errors.unknownCode", { name: id });
  for (const id of scope.frameworkIds) if (!state.frameworks[id]) throw new TandaiError("export.errors.unknownFramework", { id });
  const groupIds = [...new Set(scope.documentGroupIds ?? [])];
  for (const id of groupIds) if (!state.documentGroups[id]) throw new TandaiError("documents.errors.unknownGroupInScope", { id });

  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const cases = scope.caseIds.length ? [...new Set(scope.caseIds)].map((id) => state.cases[id]!) : Object.values(state.cases);
  cases.sort(byName);
  const frameworks = scope.frameworkIds.length ? [...new Set(scope.frameworkIds)].map((id) => state.frameworks[id]!) : Object.values(state.frameworks);

  const chosen = new Set<CodeId>();
  for (const id of scope.codeIds) for (const code of [id, ...descendantIds(state, id)]) chosen.add(code);
  const codes = flattenCodebook(state)
    .map(({ code }) => code)
    .filter((code) => !scope.codeIds.length || chosen.has(code.id));
  const codeSet = new Set(codes.map((c) => c.id));

  const title = (id: DocumentId) => state.documents[id]?.title ?? "";
  const inGroups = groupIds.length ? documentsOfGroups(state, groupIds) : null;
  const documentIds = (
    scope.caseIds.length ? [...new Set(cases.flatMap((c) => c.documentIds))].filter((id) => state.documents[id]) : (Object.keys(state.documents) as DocumentId[])
  ).filter((id) => !inGroups || inGroups.has(id));
  documentIds.sort((a, b) => title(a).localeCompare(title(b)) || a.localeCompare(b));
  const rank = new Map(documentIds.map((id, i) => [id, i]));

  // Gathered when first asked for: a pass and a sort over every coding, which views that count from
  // the CodingIndex never need.
  let codings: Coding[] | undefined;
  const gather = () => {
    const found = Object.values(state.codings).filter((c) => codeSet.has(c.codeId) && rank.has(c.documentId));
    return found.sort((a, b) => rank.get(a.documentId)! - rank.get(b.documentId)! || a.start - b.start || a.end - b.end);
  };

  return {
    cases,
    frameworks,
    codes,
    documentIds,
    get codings() {
      return (codings ??= gather());
    },
    documentGroups: groupIds.map((id) => state.documentGroups[id]!).sort(byName),
    narrowed: { cases: scope.caseIds.length > 0, codes: scope.codeIds.length > 0, frameworks: scope.frameworkIds.length > 0, documentGroups: groupIds.length > 0 },
  };
}

/** The cases each document belongs to, by name, for citations and the codings table. */
export function casesOfDocuments(state: ProjectState): Map<DocumentId, Case[]> {
  const out = new Map<DocumentId, Case[]>();
  for (const found of Object.values(state.cases).sort((a, b) => a.name.localeCompare(b.name))) {
    for (const id of found.documentIds) {
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      if (!list.includes(found)) list.push(found);
    }
  }
  return out;
}

