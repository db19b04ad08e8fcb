import { describe, expect, it } from "vitest";
import { Operation, safeParseOperation } from "../../shared/ops/operation.js";

const NOW = "2026-01-01T00:00:00.000Z";
const coding = { id: "cod_0001", documentId: "doc_0001", codeId: "code_0001", start: 0, end: 10, coder: "Rina", stance: "supports", createdAt: NOW };
const code = { id: "code_0001", name: "Ekonomi", color: "#e69f00", parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };

/** Valid operations, and each changed in ways the schema refuses or strips. */
function samples(): unknown[] {
  const valid: Record<string, unknown>[] = [
    { type: "addCoding", coding },
    { type: "addCode", code },
    { type: "updateCode", codeId: "code_0001", name: "  Motif  " },
    { type: "setMemo", target: { kind: "coding", id: "cod_0001" }, content: { type: "doc" }, text: "t" },
    { type: "setStance", codingId: "cod_0001", stance: "contradicts" },
    { type: "batch", ops: [{ type: "addCode", code }, { type: "addCoding", coding }] },
    { type: "batch", ops: [{ type: "batch", ops: [{ type: "removeCoding", codingId: "cod_0001" }] }] },
  ];
  const out: unknown[] = [...valid, null, [], "addCoding", { type: "nope" }, { type: "toString" }, { type: "__proto__" }, { ops: [] }];
  for (const op of valid) {
    out.push({ ...op, extra: 1 }, { ...op, type: "addCoding" }, { ...op, type: "batch" });
    for (const key of Object.keys(op)) {
      const { [key]: _dropped, ...rest } = op;
      out.push(rest, { ...op, [key]: null }, { ...op, [key]: -1 }, { ...op, [key]: [op] });
    }
  }
  out.push({ type: "addCoding", coding: { ...coding, end: -1 } }, { type: "batch", ops: [{ type: "addCoding", coding: { ...coding, extra: true } }] });
  return out;
}

describe("checking an operation by its own type's schema", () => {
  it("answers exactly as the union of every operation's schema does: the same value, or the same refusal", () => {
    let accepted = 0;
    for (const op of samples()) {
      const union = Operation.safeParse(op);
      const quick = safeParseOperation(op);
      expect(quick.success, JSON.stringify(op)).toBe(union.success);
      if (union.success) {
        accepted++;
        expect(quick.data).toEqual(union.data);
      } else expect(quick.error?.issues).toEqual(union.error.issues);
    }
    expect(accepted).toBeGreaterThan(10);
  });

  it("strips what the schema strips and trims what it trims, in a batch too", () => {
    const parsed = safeParseOperation({ type: "batch", ops: [{ type: "updateCode", codeId: "code_0001", name: "  Motif  ", stray: 1 }] });
    expect(parsed.success && parsed.data).toEqual({ type: "batch", ops: [{ type: "updateCode", codeId: "code_0001", name: "Motif" }] });
  });
});
