import { describe, expect, it } from "vitest";
import { applyOperation, computeIndicators, CodingIndex, type Operation } from "../../../shared/index.js";
import { coding, NOW } from "../fixtures.js";
import { world } from "./world.js";

describe("CodingIndex as evidence for indicators", () => {
  it("kept current operation by operation, gives the same indicators as reading every coding", () => {
    const w = world(["keating", "kuznetsov"]);
    const index = new CodingIndex(w.state);
    const apply = (op: Operation) => {
      applyOperation(w.state, op, NOW);
      index.update(w.state, op);
      expect(computeIndicators(w.state, undefined, undefined, undefined, index)).toEqual(computeIndicators(w.state));
    };
    const economic = w.codeFor("keating.economic");
    const first = coding(w.docs.a.id, economic, 0, 10);
    const second = coding(w.docs.b.id, economic, 20, 30, { stance: "contradicts" });
    apply({ type: "addCoding", coding: first });
    apply({ type: "batch", ops: [{ type: "addCoding", coding: second }, { type: "addCoding", coding: coding(w.docs.c.id, w.codeFor("kuznetsov.legal"), 0, 5) }] });
    apply({ type: "setStance", codingId: second.id, stance: "supports" });
    apply({ type: "recodeCoding", codingId: first.id, codeId: w.codeFor("keating.cultural") });
    apply({ type: "removeCoding", codingId: second.id });
    apply({ type: "linkCode", codeId: w.codeFor("keating.political"), indicatorId: "keating.economic" });
    apply({ type: "mergeCodes", sourceId: w.codeFor("keating.cultural"), targetId: w.codeFor("kuznetsov.motives") });
    apply({ type: "unassignDocument", caseId: w.padang, documentId: w.docs.a.id });
    apply({ type: "removeDocument", documentId: w.docs.c.id });
    apply({ type: "deleteCode", codeId: w.codeFor("kuznetsov.motives") });
  });

  it("visits only (code, document) pairs that still hold codings", () => {
    const w = world(["keating"]);
    const id = w.code(w.docs.a, "keating.economic");
    const index = new CodingIndex(w.state);
    const seen = () => {
      const out: unknown[] = [];
      index.forEach((...args) => out.push(args));
      return out;
    };
    expect(seen()).toEqual([[w.codeFor("keating.economic"), w.docs.a.id, 1, 0]]);
    const op: Operation = { type: "removeCoding", codingId: id };
    applyOperation(w.state, op, NOW);
    index.update(w.state, op);
    expect(seen()).toEqual([]);
  });
});
