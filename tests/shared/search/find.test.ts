import { describe, expect, it } from "vitest";
import { findInText, foldText } from "../../../shared/index.js";

describe("find in document", () => {
  it("matches parts of words, ignoring case and diacritics, at exact offsets (emoji, combining accents, CRLF)", () => {
    const text = "Penganggaran 🤝 daerah.\r\nANGGARAN Café, cafe\u0301 dan Vũng Tàu.";
    const folded = foldText(text);
    const slices = (q: string) => findInText(text, folded, q).map(([s, e]) => text.slice(s, e));
    expect(slices("angg")).toEqual(["angg", "ANGG"]);
    expect(slices("cafe")).toEqual(["Café", "cafe\u0301"]);
    expect(slices("vung tau")).toEqual(["Vũng Tàu"]);
    expect(slices("🤝 d")).toEqual(["🤝 d"]);
    expect(slices("daerah.\r\nang")).toEqual(["daerah.\r\nANG"]);
    expect(slices("   ")).toEqual([]);
  });
});
