import { describe, expect, it } from "vitest";
import { applyOperation, codeKeys, type Code, type ProjectState } from "../../shared/index.js";
import { code, NOW, project } from "./fixtures.js";
import { expectRefused, roundTrip } from "./operationChecks.js";

let clock = 0;
/** A code created a moment after the previous one, as the app creates them. */
function later(name: string, parentId: Code["parentId"] = null, order = 0): Code {
  return { ...code(name, parentId, order), createdAt: new Date(Date.parse(NOW) + ++clock * 1000).toISOString() };
}

function codebook() {
  const state: ProjectState = project();
  const motive = later("Motif");
  const economic = later("Motif ekonomi", motive.id, 0);
  const cultural = later("Motif budaya", motive.id, 1);
  const obstacle = later("Hambatan");
  for (const c of [motive, economic, cultural, obstacle]) applyOperation(state, { type: "addCode", code: c }, NOW);
  return { state, motive, economic, cultural, obstacle };
}

const keyMap = (state: ProjectState) => Object.fromEntries(codeKeys(state).map((b) => [b.key, state.codes[b.code.id]!.name]));

describe("coding keys 1–9", () => {
  it("go only to codes that can be applied, never to a group", () => {
    const { state } = codebook();
    expect(keyMap(state)).toEqual({ 1: "Motif ekonomi", 2: "Motif budaya", 3: "Hambatan" });
  });

  it("do not renumber when a code is added before others in the codebook, or moved", () => {
    const { state, economic } = codebook();
    // A new top-level code put first in the codebook, then an existing one moved to the end.
    applyOperation(state, { type: "addCode", code: later("Aktor", null, -1) }, NOW);
    applyOperation(state, { type: "moveCode", codeId: economic.id, parentId: null, order: 99 }, NOW);
    expect(keyMap(state)).toEqual({ 1: "Motif ekonomi", 2: "Motif budaya", 3: "Hambatan", 4: "Aktor" });
  });

  it("keep a pinned code on its key through adds, merges and moves", () => {
    const { state, obstacle, cultural, economic, motive } = codebook();
    roundTrip(state, { type: "setCodeKey", codeId: obstacle.id, key: 1 });
    applyOperation(state, { type: "setCodeKey", codeId: obstacle.id, key: 1 }, NOW);
    expect(keyMap(state)).toEqual({ 1: "Hambatan", 2: "Motif ekonomi", 3: "Motif budaya" });
    applyOperation(state, { type: "addCode", code: later("Aktor", null, -1) }, NOW);
    applyOperation(state, { type: "mergeCodes", sourceId: cultural.id, targetId: economic.id }, NOW);
    applyOperation(state, { type: "moveCode", codeId: obstacle.id, parentId: motive.id, order: 5 }, NOW);
    expect(keyMap(state)[1]).toBe("Hambatan");
  });

  it("pinning a taken key moves it, and one undo gives both codes their keys back", () => {
    const { state, obstacle, economic } = codebook();
    applyOperation(state, { type: "setCodeKey", codeId: economic.id, key: 5 }, NOW);
    const after = roundTrip(state, { type: "setCodeKey", codeId: obstacle.id, key: 5 });
    expect(after.codes[obstacle.id]!.key).toBe(5);
    expect(after.codes[economic.id]!.key).toBeUndefined();
    const unpin = roundTrip(after, { type: "setCodeKey", codeId: obstacle.id, key: null });
    expect("key" in unpin.codes[obstacle.id]!).toBe(false);
  });

  it("a merged code's pin passes to an unpinned target", () => {
    const { state, cultural, economic } = codebook();
    applyOperation(state, { type: "setCodeKey", codeId: cultural.id, key: 7 }, NOW);
    roundTrip(state, { type: "mergeCodes", sourceId: cultural.id, targetId: economic.id });
    expect(state.codes[economic.id]!.key).toBe(7);
  });

  it("refuses a key outside 1–9", () => {
    const { state, obstacle } = codebook();
    expectRefused(state, { type: "setCodeKey", codeId: obstacle.id, key: 12 }, "errors.op.badCodeKey");
  });
});
