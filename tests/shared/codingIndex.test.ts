import { describe, expect, it } from "vitest";
import { applyOperation, CodingIndex, type Operation, type ProjectState } from "../../shared/index.js";
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
