import { describe, expect, it } from "vitest";
import { applyOperation, CodingIndex, type CodingCounts, type Operation, type ProjectState } from "../../shared/index.js";
import { code, coding, documentMeta, project } from "./fixtures.js";

/** The index must always agree with a full count over the state, whatever operations ran. */
function expectConsistent(index: CodingIndex, state: ProjectState) {
  for (const id of Object.keys(state.documents) as (keyof ProjectState["documents"])[]) {
    const expected = Object.values(state.codings).filter((c) => c.documentId === id);
    expect(index.countForDocument(id)).toBe(expected.length);
    expect(index.codingsOf(state, id).map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
  }
  for (const id of Object.keys(state.codes) as (keyof ProjectState["codes"])[]) {
    expect(index.countForCode(id)).toBe(Object.values(state.codings).filter((c) => c.codeId === id).length);
  }
}

describe("CodingIndex", () => {
  it("follows adds, removals, recodes, merges, deletions, document removal and their undos", () => {
    const state = project();
    const [a, b] = [documentMeta("A"), documentMeta("B")];
    const [x, y, z] = [code("X"), code("Y"), code("Z")];
    for (const op of [
      { type: "addDocument", document: a },
      { type: "addDocument", document: b },
      ...[x, y, z].map((c) => ({ type: "addCode", code: c })),
    ] as Operation[]) applyOperation(state, op);
    const index = new CodingIndex(state);
    const c1 = coding(a.id, x.id, 0, 5);
    const c2 = coding(a.id, y.id, 3, 9);
    const c3 = coding(b.id, y.id, 1, 2);
    const undos: Operation[] = [];
    const run = (op: Operation) => {
      const inverse = applyOperation(state, op);
      index.update(state, op);
      expectConsistent(index, state);
      return inverse;
    };
    const step = (op: Operation) => undos.push(run(op));
    step({ type: "batch", ops: [c1, c2, c3].map((c) => ({ type: "addCoding", coding: c })) });
    step({ type: "recodeCoding", codingId: c1.id, codeId: z.id });
    step({ type: "setStance", codingId: c2.id, stance: "contradicts" });
    step({ type: "removeCoding", codingId: c3.id });
    step({ type: "mergeCodes", sourceId: z.id, targetId: y.id });
    step({ type: "deleteCode", codeId: x.id });
    step({ type: "removeDocument", documentId: a.id });
    while (undos.length) run(undos.pop()!);
    expect(index.countForDocument(a.id)).toBe(0);
  });
});

describe("CodingIndex over some documents' codings (issue 13's two-step open)", () => {
  /** A: 2 codings (X, Y), B: 3 (Y, Y, X): the state a first-screen open carries holds A's only. */
  function partial() {
    const full = project();
    const [a, b] = [documentMeta("A"), documentMeta("B")];
    const [x, y] = [code("X"), code("Y")];
    for (const d of [a, b]) full.documents[d.id] = d;
    for (const c of [x, y]) full.codes[c.id] = c;
    const inA = [coding(a.id, x.id, 0, 5), coding(a.id, y.id, 3, 9)];
    const inB = [coding(b.id, y.id, 1, 2), coding(b.id, y.id, 4, 8), coding(b.id, x.id, 9, 12)];
    for (const c of [...inA, ...inB]) full.codings[c.id] = c;
    const counts = { byDocument: { [a.id]: 2, [b.id]: 3 }, byCode: { [x.id]: 2, [y.id]: 3 } } as CodingCounts;
    const state: ProjectState = { ...full, codings: Object.fromEntries(inA.map((c) => [c.id, c])) };
    return { full, state, a, b, x, y, inB, counts, index: new CodingIndex(state, { loaded: [a.id], counts }) };
  }

  it("counts documents and codes not loaded from the backend's counts, the rest from what it holds", () => {
    const { a, b, x, y, index } = partial();
    expect(index.complete).toBe(false);
    expect(index.isLoaded(a.id)).toBe(true);
    expect(index.isLoaded(b.id)).toBe(false);
    expect(index.pending()).toEqual([b.id]);
    expect([index.countForDocument(a.id), index.countForDocument(b.id)]).toEqual([2, 3]);
    expect([index.countForCode(x.id), index.countForCode(y.id)]).toEqual([2, 3]);
    expect([index.size, index.pendingCount]).toEqual([2, 3]);
  });

  it("once the rest is loaded agrees with an index over every coding", () => {
    const { full, state, b, inB, counts, index } = partial();
    for (const c of inB) state.codings[c.id] = c;
    index.load(state, [b.id], inB, counts);
    expect(index.complete).toBe(true);
    expectConsistent(index, full);
    // Taking the same codings again (a document asked for twice) counts them once.
    index.load(state, [b.id], inB, counts);
    expectConsistent(index, full);
  });

  it("follows operations on loaded codings without touching the rest's counts, and counts a coding added to a document not loaded", () => {
    const { state, a, b, x, y, index } = partial();
    const added = coding(a.id, x.id, 20, 30);
    applyOperation(state, { type: "addCoding", coding: added });
    index.update(state, { type: "addCoding", coding: added });
    expect([index.countForDocument(a.id), index.countForCode(x.id)]).toEqual([3, 3]);
    index.countPending(b.id, y.id);
    expect([index.countForDocument(b.id), index.countForCode(y.id)]).toEqual([4, 4]);
    // A loaded document is not counted twice.
    index.countPending(a.id, y.id);
    expect(index.countForDocument(a.id)).toBe(3);
  });

  it("forgets a document not loaded that an operation removed, and then counts from what it holds", () => {
    const { state, b, index } = partial();
    applyOperation(state, { type: "removeDocument", documentId: b.id });
    index.update(state, { type: "removeDocument", documentId: b.id });
    expect(index.complete).toBe(true);
    expect(index.countForDocument(b.id)).toBe(0);
    expectConsistent(index, state);
  });
});
