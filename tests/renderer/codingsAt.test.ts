import { describe, expect, it } from "vitest";
import type { CodingId } from "../../shared/model/ids.js";
import { codingsAt } from "../../renderer/editor/codingsAt.js";
import type { CodingHighlight } from "../../renderer/editor/codingHighlights.js";

const h = (id: string, start: number, end: number): CodingHighlight => ({ id: id as CodingId, start, end, color: "#0072b2", contradicts: false });

describe("the codings under a caret or a selection", () => {
  const outer = h("outer", 10, 40);
  const inner = h("inner", 15, 20);
  const after = h("after", 40, 50);

  it("takes a caret inside a coding from its first character to just before its end, innermost first", () => {
    expect(codingsAt([outer, inner, after], 10, 10)).toEqual(["outer"]);
    expect(codingsAt([outer, inner, after], 16, 16)).toEqual(["inner", "outer"]);
    // Just after "outer" is the start of "after", not inside "outer".
    expect(codingsAt([outer, inner, after], 40, 40)).toEqual(["after"]);
    expect(codingsAt([outer, inner, after], 9, 9)).toEqual([]);
  });

  it("takes every coding a selection overlaps, and none it only touches", () => {
    expect(codingsAt([outer, inner, after], 35, 45)).toEqual(["after", "outer"]);
    expect(codingsAt([outer, inner, after], 0, 10)).toEqual([]);
    expect(codingsAt([outer, inner, after], 20, 40)).toEqual(["outer"]);
  });
});
