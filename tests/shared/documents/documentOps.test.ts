import { describe, expect, it } from "vitest";
import {
  applyOperation,
  CodingIndex,
  codeCaseMatrix,
  documentRemovalImpact,
  moveDocumentOp,
  newCaseId,
  newDocumentGroupId,
  ProjectState,
  resolveScope,
  sortedDocuments,
  type DocumentGroup,
  type DocumentId,
} from "../../../shared/index.js";
import { code, coding, documentMeta, NOW, project } from "../fixtures.js";
import { expectRefused, roundTrip } from "../operationChecks.js";

function seeded() {
  const state = project();
  const a = documentMeta("Wawancara Bappeda", 500);
  const b = documentMeta("Wawancara DPRD", 400);
  const c = documentMeta("MoU Padang – Vung Tau", 300);
  for (const doc of [a, b, c]) applyOperation(state, { type: "addDocument", document: doc }, NOW);
  const hambatan = code("Hambatan");
  applyOperation(state, { type: "addCode", code: hambatan }, NOW);
  return { state, a, b, c, hambatan };
}

const group = (name: string, documentIds: DocumentId[] = []): DocumentGroup => ({ id: newDocumentGroupId(), name, documentIds, createdAt: NOW });

describe("document groups as operations", () => {
  it("creates, renames, fills, empties and deletes a group, each undone exactly", () => {
    const { state, a, b } = seeded();
    const wawancara = group("Wawancara");
    expect(roundTrip(state, { type: "addDocumentGroup", group: wawancara }).documentGroups[wawancara.id]!.name).toBe("Wawancara");
    roundTrip(state, { type: "addToDocumentGroup", groupId: wawancara.id, documentId: a.id });
    const filled = roundTrip(state, { type: "addToDocumentGroup", groupId: wawancara.id, documentId: b.id });
    expect(filled.documentGroups[wawancara.id]!.documentIds).toEqual([a.id, b.id]);
    // Taking the first out and undoing puts it back first, not last.
    const undo = applyOperation(state, { type: "removeFromDocumentGroup", groupId: wawancara.id, documentId: a.id }, NOW);
    expect(state.documentGroups[wawancara.id]!.documentIds).toEqual([b.id]);
    applyOperation(state, undo, NOW);
    expect(state.documentGroups[wawancara.id]!.documentIds).toEqual([a.id, b.id]);
    roundTrip(state, { type: "renameDocumentGroup", groupId: wawancara.id, name: "Interviews" });
    const gone = roundTrip(state, { type: "deleteDocumentGroup", groupId: wawancara.id });
    expect(gone.documentGroups).toEqual({});
    // Documents outlive their group.
    expect(Object.keys(gone.documents)).toHaveLength(3);
  });

  it("lets a document be in several groups, refuses a second group of the same name and unknown ids", () => {
    const { state, a } = seeded();
    const wawancara = group("Wawancara", [a.id]);
    const resmi = group("Dokumen resmi", [a.id]);
    applyOperation(state, { type: "addDocumentGroup", group: wawancara }, NOW);
    applyOperation(state, { type: "addDocumentGroup", group: resmi }, NOW);
    expect(Object.values(state.documentGroups).filter((g) => g.documentIds.includes(a.id))).toHaveLength(2);
    expectRefused(state, { type: "addDocumentGroup", group: group("wawáncara") }, "documents.errors.duplicateGroup");
    expectRefused(state, { type: "renameDocumentGroup", groupId: resmi.id, name: "WAWANCARA" }, "documents.errors.duplicateGroup");
    expectRefused(state, { type: "addToDocumentGroup", groupId: newDocumentGroupId(), documentId: a.id }, "documents.errors.unknownGroup");
    expectRefused(state, { type: "addToDocumentGroup", groupId: resmi.id, documentId: "nosuchdoc" as DocumentId }, "errors.op.unknownDocument");
  });

  it("survives the journal: group operations validate as operations", () => {
    const { state, a } = seeded();
    const g = group("Wawancara", [a.id]);
    applyOperation(state, { type: "addDocumentGroup", group: g }, NOW);
    const parsed = ProjectState.parse(JSON.parse(JSON.stringify(state)));
    expect(parsed.documentGroups[g.id]!.documentIds).toEqual([a.id]);
    // A project written before groups existed opens with none.
    const { documentGroups: _, ...old } = JSON.parse(JSON.stringify(state));
    expect(ProjectState.parse(old).documentGroups).toEqual({});
  });
});

describe("document order", () => {
  it("starts by title and moves a document by renumbering the list; undo restores the old order exactly", () => {
    const { state, a, b, c } = seeded();
    expect(sortedDocuments(state).map((d) => d.id)).toEqual([c.id, a.id, b.id]);
    const op = moveDocumentOp(state, b.id, 0)!;
    const after = roundTrip(state, op);
    expect(sortedDocuments(after).map((d) => d.id)).toEqual([b.id, c.id, a.id]);
    applyOperation(state, op, NOW);
    // A document imported later goes after the ordered ones.
    const d = documentMeta("Aaa later", 10);
    applyOperation(state, { type: "addDocument", document: d }, NOW);
    expect(sortedDocuments(state).map((x) => x.id)).toEqual([b.id, c.id, a.id, d.id]);
    expect(moveDocumentOp(state, b.id, 0)).toBeNull();
    expectRefused(state, { type: "orderDocuments", orders: { [a.id]: Number.NaN } }, "documents.errors.badOrder");
  });
});

describe("removing a document", () => {
  it("takes its codings, their memos, its memo, its cases and groups, and undo restores every one in place", () => {
    const { state, a, b, hambatan } = seeded();
    const c1 = coding(a.id, hambatan.id, 0, 10);
    const c2 = coding(a.id, hambatan.id, 5, 20);
    applyOperation(state, { type: "addCoding", coding: c1 }, NOW);
    applyOperation(state, { type: "addCoding", coding: c2 }, NOW);
    applyOperation(state, { type: "setMemo", target: { kind: "coding", id: c1.id }, content: { type: "doc" }, text: "why", updatedAt: NOW }, NOW);
    applyOperation(state, { type: "setMemo", target: { kind: "document", id: a.id }, content: { type: "doc" }, text: "about", updatedAt: NOW }, NOW);
    const padang = { id: newCaseId(), name: "Padang", documentIds: [a.id, b.id], createdAt: NOW };
    applyOperation(state, { type: "addCase", case: padang }, NOW);
    const g = group("Wawancara", [a.id, b.id]);
    applyOperation(state, { type: "addDocumentGroup", group: g }, NOW);

    const index = new CodingIndex(state);
    expect(documentRemovalImpact(state, a.id, index.codingsOf(state, a.id).map((x) => x.id))).toEqual({ codings: 2, memos: 2 });

    // roundTrip checks the state after undo equals the state before, field by field (order of a case's documents too).
    const after = roundTrip(state, { type: "removeDocument", documentId: a.id });
    expect(after.documents[a.id]).toBeUndefined();
    expect(after.cases[padang.id]!.documentIds).toEqual([b.id]);
    expect(after.documentGroups[g.id]!.documentIds).toEqual([b.id]);
    // state is now after the removal again; undo it once more and look.
    applyOperation(state, applyOperation(state, { type: "addDocument", document: a }, NOW), NOW);
    expect(state.documents[a.id]).toBeUndefined();
  });
});

describe("a document group as a scope", () => {
  it("resolves to the group's documents, with cases to those of the cases in the group, and charts count only them", () => {
    const { state, a, b, c, hambatan } = seeded();
    applyOperation(state, { type: "addCoding", coding: coding(a.id, hambatan.id, 0, 10) }, NOW);
    applyOperation(state, { type: "addCoding", coding: coding(c.id, hambatan.id, 0, 10) }, NOW);
    const padang = { id: newCaseId(), name: "Padang", documentIds: [a.id, c.id], createdAt: NOW };
    applyOperation(state, { type: "addCase", case: padang }, NOW);
    const g = group("Wawancara", [a.id, b.id]);
    applyOperation(state, { type: "addDocumentGroup", group: g }, NOW);

    const scoped = resolveScope(state, { caseIds: [], codeIds: [], frameworkIds: [], documentGroupIds: [g.id] });
    expect(new Set(scoped.documentIds)).toEqual(new Set([a.id, b.id]));
    expect(scoped.codings.map((x) => x.documentId)).toEqual([a.id]);
    expect(scoped.narrowed.documentGroups).toBe(true);
    expect(resolveScope(state, { caseIds: [padang.id], codeIds: [], frameworkIds: [], documentGroupIds: [g.id] }).documentIds).toEqual([a.id]);
    // The charts' code × case matrix from the index: only the group's coding counts.
    expect(codeCaseMatrix(state, scoped, new CodingIndex(state)).values).toEqual([[1]]);
    expect(() => resolveScope(state, { caseIds: [], codeIds: [], frameworkIds: [], documentGroupIds: [newDocumentGroupId()] })).toThrow(/unknownGroupInScope/);
  });
});
