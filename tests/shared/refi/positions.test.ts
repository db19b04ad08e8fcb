import { describe, expect, it } from "vitest";
import { chooseReading, TextPositionMap } from "../../../shared/refi/positions.js";

describe("REFI-QDA position readings", () => {
  const text = "a🤝b\r\nCafe\u0301 🇮🇩 c";
  const map = new TextPositionMap(text);

  it("converts code points to UTF-16 past emoji and flags (two astral characters), combining accents and CRLF counting as they are", () => {
    const cps = [...text];
    for (let cp = 0; cp <= cps.length; cp++) expect(map.fromCodePoints(cp)).toBe(cps.slice(0, cp).join("").length);
    for (let cp = 0; cp <= cps.length; cp++) expect(map.toCodePoints(cps.slice(0, cp).join("").length)).toBe(cp);
    expect(map.codePointLength).toBe(cps.length);
  });

  it("reads UTF-16 positions (NVivo) as they are, and clamps positions past the end", () => {
    expect(map.read(3, "utf16")).toBe(3);
    expect(map.read(3, "codePoints")).toBe(4);
    expect(map.read(999, "codePoints")).toBe(text.length);
  });

  it("takes the reading from the origin, confirms it on quotes, and overrules it when the selections fit the other reading", () => {
    const quote = "Busan";
    const t = "🤝🤝 Padang 🤝 Busan";
    const positions = new TextPositionMap(t);
    const u = t.indexOf(quote);
    const cp = [...t.slice(0, u)].length;
    const nvivo = { text: t, start: u, end: u + quote.length, quote: "", positions };
    expect(chooseReading("NVivo 12.6 (Windows)", [nvivo])).toMatchObject({ reading: "utf16", basis: "confirmed" });
    const atlas = { text: t, start: cp, end: cp + quote.length, quote, positions };
    expect(chooseReading("ATLAS.ti 8.4", [atlas])).toMatchObject({ reading: "codePoints", basis: "confirmed", fitting: 1, checked: 1 });
    // A file that says ATLAS.ti but counts UTF-16 units: the quotes tell.
    expect(chooseReading("ATLAS.ti 8.4", [{ ...atlas, start: u, end: u + quote.length }])).toMatchObject({ reading: "utf16", basis: "selections" });
    // Text without emoji: both readings agree, the origin decides.
    const plain = new TextPositionMap("abc def");
    expect(chooseReading(undefined, [{ text: "abc def", start: 4, end: 7, quote: "", positions: plain }])).toMatchObject({ reading: "codePoints", basis: "origin" });
  });
});
