import { describe, expect, it } from "vitest";
import { applyOperation, checkIntegrity, integrityParams, translate } from "../../shared/index.js";
import { code, coding, documentMeta, project } from "./fixtures.js";

describe("checkIntegrity", () => {
  it("finds nothing in a state built by operations", () => {
    const state = project();
    const doc = documentMeta("Wawancara", 100);
    const parent = code("Motive");
    const child = code("Economic", parent.id);
    applyOperation(state, { type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: parent }, { type: "addCode", code: child }] });
    for (let i = 0; i < 10; i++) applyOperation(state, { type: "addCoding", coding: coding(doc.id, child.id, i, i + 5) });
    expect(checkIntegrity(state)).toEqual([]);
  });

  it("stops counting at 50 and says so, showing the first three", () => {
    const state = project();
    const c = code("Motive");
    applyOperation(state, { type: "addCode", code: c });
    for (let i = 0; i < 80; i++) {
      const k = coding("dGone0000" as never, c.id, 0, 5);
      state.codings[k.id] = k;
    }
    const issues = checkIntegrity(state);
    expect(issues).toHaveLength(50);
    const params = integrityParams("/tesis/project.json", issues);
    expect(params).toMatchObject({ count: 50, more: "+" });
    expect(translate("en", "store.errors.integrity", params)).toContain("contradicts itself in 50+ places:");
    expect(params.detail.split("; ")).toHaveLength(4);
    expect(params.detail).toMatch(/^codings\.[\w-]+\.documentId = “dGone0000”/);
  });
});
