import { describe, expect, it } from "vitest";
import { byCoder } from "../../../shared/index.js";

describe("byCoder (show only my codings)", () => {
  const items = [{ coder: "Ayu", n: 1 }, { coder: "Budi", n: 2 }, { coder: "Ayu", n: 3 }];
  it("keeps one coder's items, in order", () => {
    expect(byCoder(items, "Ayu").map((i) => i.n)).toEqual([1, 3]);
    expect(byCoder(items, "Citra")).toEqual([]);
  });
  it("returns the very same list when the switch is off, so memoised views do not redraw", () => {
    expect(byCoder(items, null)).toBe(items);
  });
});
