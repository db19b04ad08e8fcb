import { describe, expect, it } from "vitest";
import { applyOperation, checkIntegrity, planRepair, type CodeId, type ProjectState } from "../../shared/index.js";
import { code, coding, documentMeta, project } from "./fixtures.js";

/** A state built by operations: two documents, a nested code, codings, a case, a group, memos. */
function built() {
  const state = project();
  const doc = documentMeta("Wawancara Bappeda", 500);
  const other = documentMeta("Wawancara DPRD", 300);
  const motive = code("Motive");
  const economic = code("Economic", motive.id);
  const codings = Array.from({ length: 6 }, (_, i) => coding(i % 2 ? doc.id : other.id, i % 3 ? economic.id : motive.id, i * 10, i * 10 + 25));
  applyOperation(state, {
    type: "batch",
    ops: [
      { type: "addDocument", document: doc },
      { type: "addDocument", document: other },
      { type: "addCode", code: motive },
      { type: "addCode", code: economic },
      ...codings.map((c) => ({ type: "addCoding" as const, coding: c })),
      { type: "addCase", case: { id: "case-padang" as never, name: "Padang", documentIds: [doc.id], createdAt: "2026-01-01T00:00:00.000Z" } },
      { type: "setMemo", target: { kind: "code", id: motive.id }, content: { type: "doc" }, text: "motif" },
      { type: "setMemo", target: { kind: "coding", id: codings[0]!.id }, content: { type: "doc" }, text: "kutipan" },
    ],
  });
  // The coding ids as strings: a damage that changes a coding's id must not change what the test expects.
  return { state, doc, other, motive, economic, codings, keys: codings.map((c) => String(c.id)) };
}

describe("planRepair", () => {
  it("changes nothing in a state built by operations", () => {
    const { state } = built();
    const plan = planRepair(state);
    expect(plan.changes).toEqual([]);
    expect(plan.state).toEqual(state);
  });

  const cases: [string, (s: ProjectState, ids: ReturnType<typeof built>) => void, (ids: ReturnType<typeof built>) => object[], (after: ProjectState, ids: ReturnType<typeof built>) => void][] = [
    [
      "a coding whose document is gone: dropped, with the memo on it",
      (s, { codings }) => void (s.codings[codings[0]!.id]!.documentId = "dGone1234" as never),
      ({ codings }) => [
        { kind: "dropCoding", where: `codings.${codings[0]!.id}.documentId`, found: "“dGone1234”" },
        { kind: "dropMemo", where: `memos.coding:${codings[0]!.id}.target`, found: `“coding:${codings[0]!.id}”` },
      ],
      (after, { codings }) => expect(after.codings[codings[0]!.id]).toBeUndefined(),
    ],
    [
      "a coding whose code is gone: dropped",
      (s, { codings }) => void (s.codings[codings[1]!.id]!.codeId = "cGone1234" as never),
      ({ codings }) => [{ kind: "dropCoding", where: `codings.${codings[1]!.id}.codeId`, found: "“cGone1234”" }],
      (after, { codings }) => expect(after.codings[codings[1]!.id]).toBeUndefined(),
    ],
    [
      "a coding running past its document's end: cut at the end",
      (s, { codings }) => void (s.codings[codings[1]!.id]!.end = 9999 as never),
      ({ codings }) => [{ kind: "trimCoding", where: `codings.${codings[1]!.id}.end`, found: "9999 > 500", becomes: "500" }],
      (after, { codings }) => expect(after.codings[codings[1]!.id]).toMatchObject({ start: 10, end: 500 }),
    ],
    [
      "a coding starting past its document's end: dropped",
      (s, { codings }) => void Object.assign(s.codings[codings[1]!.id]!, { start: 600, end: 700 }),
      ({ codings }) => [{ kind: "dropCoding", where: `codings.${codings[1]!.id}.start`, found: "600 ≥ 500" }],
      (after, { codings }) => expect(after.codings[codings[1]!.id]).toBeUndefined(),
    ],
    [
      "a record kept under another key: its id becomes the key",
      (s, { keys }) => void (s.codings[keys[2] as never]!.id = "kFlipped1" as never),
      ({ keys }) => [{ kind: "fixId", where: `codings.${keys[2]}.id`, found: "“kFlipped1”", becomes: `“${keys[2]}”` }],
      (after, { keys }) => expect(after.codings[keys[2] as never]!.id).toBe(keys[2]),
    ],
    [
      "a parent cycle: the code that closes it becomes top-level",
      (s, { motive, economic }) => void (s.codes[motive.id]!.parentId = economic.id),
      () => [{ kind: "detachCode", where: expect.stringMatching(/^codes\.[\w-]+\.parentId$/), found: expect.stringMatching(/^([\w-]+) → [\w-]+ → \1$/), becomes: "null" }],
      (after, { motive, economic }) => expect([after.codes[motive.id]!.parentId, after.codes[economic.id]!.parentId].filter((p) => p === null)).toHaveLength(1),
    ],
    [
      "a parent that is gone: the code becomes top-level",
      (s, { economic }) => void (s.codes[economic.id]!.parentId = "cGone0000" as CodeId),
      ({ economic }) => [{ kind: "detachCode", where: `codes.${economic.id}.parentId`, found: "“cGone0000”", becomes: "null" }],
      (after, { economic }) => expect(after.codes[economic.id]!.parentId).toBeNull(),
    ],
    [
      "a case listing a document that is gone: taken out of the list",
      (s) => void s.cases["case-padang" as never]!.documentIds.push("dGone5678" as never),
      () => [{ kind: "dropCaseDocument", where: "cases.case-padang.documentIds", found: "“dGone5678”" }],
      (after, { doc }) => expect(after.cases["case-padang" as never]!.documentIds).toEqual([doc.id]),
    ],
    [
      "a memo of a code that is gone: dropped",
      (s, { motive }) => void (s.memos[`code:${motive.id}`]!.target = { kind: "code", id: "cGone5678" as never }),
      ({ motive }) => [{ kind: "dropMemo", where: `memos.code:${motive.id}.target`, found: "“code:cGone5678”" }],
      (after, { motive }) => expect(after.memos[`code:${motive.id}`]).toBeUndefined(),
    ],
    [
      "a memo kept under another key: moved to its target's key",
      (s, { motive }) => {
        s.memos["code:cWrongKey"] = s.memos[`code:${motive.id}`]!;
        delete s.memos[`code:${motive.id}`];
      },
      ({ motive }) => [{ kind: "rekeyMemo", where: "memos.code:cWrongKey", found: "“code:cWrongKey”", becomes: `“code:${motive.id}”` }],
      (after, { motive }) => expect(after.memos[`code:${motive.id}`]!.text).toBe("motif"),
    ],
  ];

  for (const [what, damage, expected, check] of cases) {
    it(`${what}; the result passes the integrity check and the input is not touched`, () => {
      const ids = built();
      damage(ids.state, ids);
      expect(checkIntegrity(ids.state).length).toBeGreaterThan(0);
      const before = JSON.stringify(ids.state);
      const plan = planRepair(ids.state);
      expect(plan.changes).toEqual(expected(ids));
      expect(checkIntegrity(plan.state)).toEqual([]);
      check(plan.state, ids);
      expect(JSON.stringify(ids.state)).toBe(before);
    });
  }

  it("repairs every one of thousands of damaged records, past the 50 the integrity check stops at", () => {
    const { state, doc, motive } = built();
    for (let i = 0; i < 2000; i++) {
      const c = coding(doc.id, motive.id, 0, 5);
      state.codings[c.id] = { ...c, documentId: "dGone0000" as never };
    }
    const plan = planRepair(state);
    expect(plan.changes).toHaveLength(2000);
    expect(checkIntegrity(plan.state)).toEqual([]);
    expect(Object.keys(plan.state.codings)).toHaveLength(6);
  });
});
