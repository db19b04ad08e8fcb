import { findCase } from "../cases/cases.js";
import { foldName } from "../codebook/importCodebook.js";
import { codePath, flattenCodebook } from "../codebook/tree.js";
import { newCaseId, newCodingId, newDocumentId, type CaseId, type CodeId, type CodingId, type DocumentId } from "../model/ids.js";
import { memoKey, type Coding, type MemoTarget, type ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";

/** What a conflict is about: a code both sides have but named differently, or a memo edited on both sides. */
export interface MergeConflict {
  /** Stable across runs, so a choice can be given for it: `code:<id>` or `memo:<memo key>`. */
  key: string;
  kind: "codeRenamed" | "memoEdited";
  mine: string;
  theirs: string;
}

export type MergeChoice = "mine" | "theirs";

export interface CodeMatch {
  theirs: CodeId;
  mine: CodeId;
  by: "id" | "path" | "name";
}

export interface MergePlan {
  /** Their documents to copy: their id, and the id the copy gets here (their content file is copied under it). */
  addedDocuments: { theirs: DocumentId; mine: DocumentId }[];
  matchedDocuments: { theirs: DocumentId; mine: DocumentId }[];
  addedCodes: CodeId[];
  matchedCodes: CodeMatch[];
  addedCodings: number;
  presentCodings: number;
  addedCases: number;
  matchedCases: number;
  addedMemos: number;
  conflicts: MergeConflict[];
  /** The changes, in an order that applies (documents and codes before the codings on them); one batch. */
  ops: Operation[];
}

/** A merge plan as the preview shows it: everything but the operations. */
export type MergeSummary = Omit<MergePlan, "ops">;

/** The plan without its operations (for a preview across the wire). */
export function mergeSummary({ ops: _ops, ...summary }: MergePlan): MergeSummary {
  return summary;
}

/**
 * How to merge another coder's copy (`theirs`) into this project (`mine`), without writing
 * anything: documents are matched by the hash of their text, codes by id, then by path, then by
 * name (case and accents ignored), cases by name, memos by target. What matches is not added
 * again, so merging the same copy twice plans nothing the second time. Each conflict keeps this
 * project's version unless `choices[key]` is "theirs". `hashes` holds each side's text hashes.
 */
export function planMerge(
  mine: ProjectState,
  theirs: ProjectState,
  hashes: { mine: ReadonlyMap<DocumentId, string>; theirs: ReadonlyMap<DocumentId, string> },
  choices: Readonly<Record<string, MergeChoice>> = {},
): MergePlan {
  const ops: Operation[] = [];
  const conflicts: MergeConflict[] = [];
  const take = (conflict: MergeConflict) => (conflicts.push(conflict), choices[conflict.key] === "theirs");

  // Documents, by text.
  const byHash = new Map<string, DocumentId>();
  for (const id of Object.keys(mine.documents) as DocumentId[]) {
    const hash = hashes.mine.get(id);
    if (hash !== undefined && !byHash.has(hash)) byHash.set(hash, id);
  }
  const docMap = new Map<DocumentId, DocumentId>();
  const addedDocuments: MergePlan["addedDocuments"] = [];
  const matchedDocuments: MergePlan["matchedDocuments"] = [];
  for (const doc of Object.values(theirs.documents)) {
    const hash = hashes.theirs.get(doc.id);
    const same = hash === undefined ? undefined : byHash.get(hash);
    if (same) {
      docMap.set(doc.id, same);
      matchedDocuments.push({ theirs: doc.id, mine: same });
      continue;
    }
    const id = mine.documents[doc.id] ? newDocumentId() : doc.id;
    docMap.set(doc.id, id);
    if (hash !== undefined) byHash.set(hash, id);
    addedDocuments.push({ theirs: doc.id, mine: id });
    ops.push({ type: "addDocument", document: { ...doc, id } });
  }

  // Codes, parents before children, so a child's parent is always mapped.
  const minePaths = new Map<string, CodeId>();
  const mineNames = new Map<string, CodeId[]>();
  for (const code of Object.values(mine.codes)) {
    minePaths.set(codePath(mine, code.id).join("\u0000"), code.id);
    const folded = foldName(code.name);
    mineNames.set(folded, [...(mineNames.get(folded) ?? []), code.id]);
  }
  const codeMap = new Map<CodeId, CodeId>();
  const addedCodes: CodeId[] = [];
  const matchedCodes: CodeMatch[] = [];
  for (const { code } of flattenCodebook(theirs)) {
    const parentId = code.parentId === null ? null : codeMap.get(code.parentId)!;
    const own = mine.codes[code.id];
    if (own) {
      codeMap.set(code.id, own.id);
      matchedCodes.push({ theirs: code.id, mine: own.id, by: "id" });
      if (own.name !== code.name && take({ key: `code:${own.id}`, kind: "codeRenamed", mine: own.name, theirs: code.name })) ops.push({ type: "updateCode", codeId: own.id, name: code.name });
      continue;
    }
    const byPath = minePaths.get(codePath(theirs, code.id).join("\u0000"));
    const named = mineNames.get(foldName(code.name)) ?? [];
    const byName = named.find((id) => mine.codes[id]?.parentId === parentId) ?? (named.length === 1 ? named[0] : undefined);
    const found = byPath ?? byName;
    if (found) {
      codeMap.set(code.id, found);
      matchedCodes.push({ theirs: code.id, mine: found, by: byPath ? "path" : "name" });
      continue;
    }
    codeMap.set(code.id, code.id);
    addedCodes.push(code.id);
    // A pinned key could clash with one of ours; the merged code comes unpinned.
    const { key: _key, ...rest } = code;
    ops.push({ type: "addCode", code: { ...rest, parentId } });
  }

  // Codings: present when ours has the same id, or the same passage, code and coder.
  const passageKey = (c: Pick<Coding, "documentId" | "codeId" | "start" | "end" | "coder">) => `${c.documentId}|${c.codeId}|${c.start}|${c.end}|${c.coder}`;
  const mineByPassage = new Map(Object.values(mine.codings).map((c) => [passageKey(c), c.id]));
  const codingMap = new Map<CodingId, CodingId>();
  let addedCodings = 0;
  let presentCodings = 0;
  for (const coding of Object.values(theirs.codings)) {
    const mapped = { ...coding, documentId: docMap.get(coding.documentId)!, codeId: codeMap.get(coding.codeId)! };
    const own = mine.codings[coding.id];
    const same = own && passageKey(own) === passageKey(mapped) ? own.id : mineByPassage.get(passageKey(mapped));
    if (same) {
      codingMap.set(coding.id, same);
      presentCodings++;
      continue;
    }
    const id = own ? newCodingId() : coding.id;
    codingMap.set(coding.id, id);
    mineByPassage.set(passageKey(mapped), id);
    addedCodings++;
    ops.push({ type: "addCoding", coding: { ...mapped, id } });
  }

  // Cases, by name: a matched case gains the documents it lacks.
  let addedCases = 0;
  let matchedCases = 0;
  for (const kase of Object.values(theirs.cases)) {
    const documentIds = kase.documentIds.map((id) => docMap.get(id)!);
    const own = findCase(mine, kase.name);
    if (own) {
      matchedCases++;
      for (const documentId of documentIds) if (!own.documentIds.includes(documentId)) ops.push({ type: "assignDocument", caseId: own.id, documentId });
      continue;
    }
    addedCases++;
    const id: CaseId = mine.cases[kase.id] ? newCaseId() : kase.id;
    ops.push({ type: "addCase", case: { ...kase, id, documentIds } });
  }

  // Memos, by their (mapped) target.
  let addedMemos = 0;
  for (const memo of Object.values(theirs.memos)) {
    const target = mapTarget(memo.target, docMap, codeMap, codingMap);
    const own = mine.memos[memoKey(target)];
    const set: Operation = { type: "setMemo", target, content: memo.content, text: memo.text };
    if (!own) {
      addedMemos++;
      ops.push(set);
    } else if (own.text !== memo.text && take({ key: `memo:${memoKey(target)}`, kind: "memoEdited", mine: own.text, theirs: memo.text })) ops.push(set);
  }
  return { addedDocuments, matchedDocuments, addedCodes, matchedCodes, addedCodings, presentCodings, addedCases, matchedCases, addedMemos, conflicts, ops };
}

function mapTarget(target: MemoTarget, docs: Map<DocumentId, DocumentId>, codes: Map<CodeId, CodeId>, codings: Map<CodingId, CodingId>): MemoTarget {
  switch (target.kind) {
    case "project":
      return target;
    case "document":
      return { kind: "document", id: docs.get(target.id)! };
    case "code":
      return { kind: "code", id: codes.get(target.id)! };
    case "coding":
      return { kind: "coding", id: codings.get(target.id)! };
  }
}
