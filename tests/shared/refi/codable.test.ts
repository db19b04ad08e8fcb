import { describe, expect, it } from "vitest";
import { applyOperation, codeKeys, emptyProject, type CodeId, type ProjectId } from "../../../shared/index.js";

describe("a code that is not codable (REFI-QDA isCodable=\"false\")", () => {
  it("gets no coding key: the keys go to codes that can be applied", () => {
    const now = "2026-12-01T10:00:00.000Z";
    const state = emptyProject("proj1xxx" as ProjectId, "P", now);
    const code = (id: string, name: string, extra = {}) => ({ id: id as CodeId, name, color: "#0072b2", parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: now, ...extra });
    applyOperation(state, { type: "addCode", code: code("group1xx", "Kelompok", { codable: false }) }, now);
    applyOperation(state, { type: "addCode", code: code("code1xxx", "Motif") }, now);
    expect(codeKeys(state).map((b) => [b.key, b.code.name])).toEqual([[1, "Motif"]]);
  });
});
