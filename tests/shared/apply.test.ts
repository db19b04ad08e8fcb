import { describe, expect, it } from "vitest";
import { applyOperation, memoKey, newCaseId, TandaiError, type Operation, type ProjectState } from "../../shared/index.js";
import { code, coding, documentMeta, NOW, project } from "./fixtures.js";
import { roundTrip } from "./operationChecks.js";

const clone = (s: ProjectState) => structuredClone(s);

function seeded() {
  const state = project();
  const doc = documentMeta("Wawancara Bappeda", 500);
  const motive = code("Motive");
  const economic = code("Economic motive", motive.id);
  applyOperation(state, { type: "addDocument", document: doc });
  applyOperation(state, { type: "addCode", code: motive });
  applyOperation(state, { type: "addCode", code: economic });
  return { state, doc, motive, economic };
}

describe("applyOperation", () => {
  it("adds and removes a coding, and undoes each", () => {
    const { state, doc, economic } = seeded();
    const c = coding(doc.id, economic.id, 10, 40);
    const after = roundTrip(state, { type: "addCoding", coding: c });
    expect(after.codings[c.id]).toEqual(c);
    roundTrip(state, { type: "removeCoding", codingId: c.id });
  });

  it("rejects a coding outside the document and names it", () => {
    const { state, doc, economic } = seeded();
    const before = clone(state);
    expect(() => applyOperation(state, { type: "addCoding", coding: coding(doc.id, economic.id, 490, 501) })).toThrow(TandaiError);
    try {
      applyOperation(state, { type: "addCoding", coding: coding(doc.id, economic.id, 490, 501) });
    } catch (e) {
      expect((e as TandaiError).params.document).toBe("Wawancara Bappeda");
    }
    expect(state).toEqual(before);
  });

  it("deletes a code with its nested codes, codings and memos, and undo brings all back", () => {
    const { state, doc, motive, economic } = seeded();
    const c1 = coding(doc.id, economic.id, 0, 5);
    const c2 = coding(doc.id, motive.id, 3, 9);
    applyOperation(state, { type: "addCoding", coding: c1 });
    applyOperation(state, { type: "addCoding", coding: c2 });
    applyOperation(state, { type: "setMemo", target: { kind: "code", id: economic.id }, content: { type: "doc" }, text: "why" });
    applyOperation(state, { type: "setMemo", target: { kind: "coding", id: c1.id }, content: { type: "doc" }, text: "note" });
    const after = roundTrip(state, { type: "deleteCode", codeId: motive.id });
    expect(Object.keys(after.codes)).toHaveLength(0);
    expect(Object.keys(after.codings)).toHaveLength(0);
    expect(Object.keys(after.memos)).toHaveLength(0);
  });

  it("merges codes: codings move, identical spans are not doubled, children follow, memos join", () => {
    const { state, doc, motive } = seeded();
    const a = code("Economic");
    const b = code("Ekonomi");
    const child = code("Trade", b.id);
    for (const c of [a, b, child]) applyOperation(state, { type: "addCode", code: c });
    const onA = coding(doc.id, a.id, 0, 10);
    const dupOnB = coding(doc.id, b.id, 0, 10);
    const onlyB = coding(doc.id, b.id, 20, 30);
    for (const c of [onA, dupOnB, onlyB]) applyOperation(state, { type: "addCoding", coding: c });
    applyOperation(state, { type: "setMemo", target: { kind: "code", id: a.id }, content: { type: "doc", content: [{ type: "paragraph" }] }, text: "A" });
    applyOperation(state, { type: "setMemo", target: { kind: "code", id: b.id }, content: { type: "doc", content: [{ type: "paragraph" }] }, text: "B" });
    const after = roundTrip(state, { type: "mergeCodes", sourceId: b.id, targetId: a.id });
    expect(after.codes[b.id]).toBeUndefined();
    expect(after.codes[child.id]!.parentId).toBe(a.id);
    expect(Object.values(after.codings).filter((c) => c.codeId === a.id).map((c) => c.start).sort()).toEqual([0, 20]);
    expect(after.memos[memoKey({ kind: "code", id: a.id })]!.text).toBe("A\n\nB");
    expect(() => applyOperation(state, { type: "mergeCodes", sourceId: motive.id, targetId: motive.id })).toThrow(TandaiError);
  });

  it("refuses to nest a code inside its own descendant", () => {
    const { state, motive, economic } = seeded();
    expect(() => applyOperation(state, { type: "moveCode", codeId: motive.id, parentId: economic.id, order: 0 })).toThrow(/codeCycle/);
    roundTrip(state, { type: "moveCode", codeId: economic.id, parentId: null, order: 3 });
  });

  it("rolls back a whole batch when one of its operations fails", () => {
    const { state, doc, economic } = seeded();
    const before = clone(state);
    const bad: Operation = {
      type: "batch",
      ops: [
        { type: "addCoding", coding: coding(doc.id, economic.id, 0, 4) },
        { type: "renameDocument", documentId: doc.id, title: "Renamed" },
        { type: "removeCoding", codingId: "missing-id" as never },
      ],
    };
    expect(() => applyOperation(state, bad)).toThrow(TandaiError);
    expect(state).toEqual(before);
  });

  it("removes a document with its codings and memos, and restores them on undo", () => {
    const { state, doc, economic } = seeded();
    const c = coding(doc.id, economic.id, 1, 2);
    applyOperation(state, { type: "addCoding", coding: c });
    applyOperation(state, { type: "setMemo", target: { kind: "document", id: doc.id }, content: { type: "doc" }, text: "d" });
    const after = roundTrip(state, { type: "removeDocument", documentId: doc.id });
    expect(after.documents).toEqual({});
    expect(after.codings).toEqual({});
    expect(after.memos).toEqual({});
  });

  it("keeps cases: add, assign, rename, and a removed document leaves its cases (and comes back on undo)", () => {
    const { state, doc } = seeded();
    const padang = { id: newCaseId(), name: "Padang – Ba Ria-Vung Tau", documentIds: [], createdAt: NOW };
    roundTrip(state, { type: "addCase", case: padang });
    expect(roundTrip(state, { type: "assignDocument", caseId: padang.id, documentId: doc.id }).cases[padang.id]!.documentIds).toEqual([doc.id]);
    // Assigning twice changes nothing and undoing that changes nothing either.
    roundTrip(state, { type: "assignDocument", caseId: padang.id, documentId: doc.id });
    roundTrip(state, { type: "renameCase", caseId: padang.id, name: "Padang" });
    expect(roundTrip(state, { type: "removeDocument", documentId: doc.id }).cases[padang.id]!.documentIds).toEqual([]);
    expect(() => applyOperation(state, { type: "assignDocument", caseId: newCaseId(), documentId: doc.id })).toThrow(/unknownCase/);
    roundTrip(state, { type: "deleteCase", caseId: padang.id });
  });

  it("changes stance and recodes", () => {
    const { state, doc, motive, economic } = seeded();
    const c = coding(doc.id, economic.id, 1, 2);
    applyOperation(state, { type: "addCoding", coding: c });
    expect(roundTrip(state, { type: "setStance", codingId: c.id, stance: "contradicts" }).codings[c.id]!.stance).toBe("contradicts");
    expect(roundTrip(state, { type: "recodeCoding", codingId: c.id, codeId: motive.id }).codings[c.id]!.codeId).toBe(motive.id);
    roundTrip(state, { type: "updateCode", codeId: motive.id, name: "Motif", color: "#000000" });
  });
});
