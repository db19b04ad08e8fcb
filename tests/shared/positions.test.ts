import { describe, expect, it } from "vitest";
import { linesToBlocks, offset, type Block } from "../../shared/index.js";
import { SECTION_SIZE, textPositions } from "../../shared/text/positions.js";

const OPEN = "\u0001";
const CLOSE = "\u0002";

/**
 * The editor document written out token by token, as ProseMirror counts positions: one token per
 * node opening or closing and one per UTF-16 code unit. Position p stands just before token p.
 */
function tokens(text: string, blocks: readonly Block[], sectionSize: number): string {
  let out = "";
  blocks.forEach((b, i) => {
    if (i % sectionSize === 0) out += OPEN;
    out += OPEN + text.slice(b.start, b.end) + CLOSE;
    if (i % sectionSize === sectionSize - 1 || i === blocks.length - 1) out += CLOSE;
  });
  return out;
}

/** Checks every offset inside every block against the token model, both ways. */
function expectExact(text: string, blocks: readonly Block[], sectionSize = SECTION_SIZE) {
  const map = textPositions(blocks, text.length, sectionSize);
  const doc = tokens(text, blocks, sectionSize);
  expect(map.size).toBe(doc.length);
  for (const b of blocks) {
    for (let o = b.start; o <= b.end; o++) {
      const p = map.offsetToPos(o);
      expect(map.posToOffset(p)).toBe(o);
      if (o < b.end) expect(doc[p]).toBe(text[o]);
    }
    const range = map.rangeToPos(b.start, b.end);
    if (b.end > b.start) expect(doc.slice(range!.from, range!.to)).toBe(text.slice(b.start, b.end));
  }
  return map;
}

const block = (start: number, end: number, extra: Partial<Block> = {}): Block => ({
  start: offset(start),
  end: offset(end),
  kind: "paragraph",
  ...extra,
});

describe("textPositions", () => {
  it("maps offsets one to one inside blocks, across sections", () => {
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says something.`).join("\n");
    const blocks = linesToBlocks(text);
    expect(blocks).toHaveLength(40);
    for (const size of [1, 3, SECTION_SIZE, 100]) expectExact(text, blocks, size);
    const map = textPositions(blocks, text.length);
    expect(map.sectionCount).toBe(3);
    expect(map.offsetToPos(0)).toBe(2); // inside the section, inside the paragraph
  });

  it("counts emoji as two units and combining accents as one, like the stored text", () => {
    const text = "Saya 👩🏽‍🌾 petani.\nKopi Kerinci 🇮🇩 ☕\nCafe\u0301 e\u0300 o\u0302\u0323 — Việt Nam";
    const blocks = linesToBlocks(text);
    const map = expectExact(text, blocks, 2);
    const farmer = text.indexOf("👩🏽‍🌾");
    const after = farmer + "👩🏽‍🌾".length;
    expect(after - farmer).toBe(7);
    expect(map.offsetToPos(after) - map.offsetToPos(farmer)).toBe(7);
    const accent = text.indexOf("\u0301");
    expect(map.posToOffset(map.offsetToPos(accent))).toBe(accent);
  });

  it("skips CRLF line ends and blank lines, snapping offsets there to the nearest block edge", () => {
    const text = "P: Apa kabar?\r\n\r\n\r\nN: Baik.\r\nP: Lalu?";
    const blocks = linesToBlocks(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(["P: Apa kabar?", "N: Baik.", "P: Lalu?"]);
    const map = expectExact(text, blocks);
    const firstEnd = blocks[0]!.end;
    const secondStart = blocks[1]!.start;
    // The six units "\r\n\r\n\r\n" between the first two blocks: the first half snaps back, the rest forward.
    expect(map.offsetToPos(firstEnd + 1)).toBe(map.offsetToPos(firstEnd));
    expect(map.offsetToPos(firstEnd + 3)).toBe(map.offsetToPos(firstEnd));
    expect(map.offsetToPos(firstEnd + 4)).toBe(map.offsetToPos(secondStart));
    // A range lying wholly between blocks covers nothing shown.
    expect(map.rangeToPos(firstEnd + 1, firstEnd + 2)).toBeNull();
    // A range starting in the gap starts at the next block.
    expect(map.rangeToPos(firstEnd + 5, secondStart + 2)).toEqual({
      from: map.offsetToPos(secondStart),
      to: map.offsetToPos(secondStart) + 2,
    });
  });

  it("handles headings, empty blocks, leading and trailing gaps", () => {
    const text = "\n\n# Bab 1\n\nIsi bab.\n\n\n";
    const blocks = [
      block(4, 9, { kind: "heading", level: 1 }),
      block(10, 10),
      block(11, 19, { page: 2 }),
    ];
    const map = expectExact(text, blocks, 2);
    expect(map.offsetToPos(0)).toBe(map.offsetToPos(4)); // before the first block
    expect(map.offsetToPos(text.length)).toBe(map.offsetToPos(19)); // after the last block
    expect(map.offsetToPos(10)).toBe(map.blockPos(1)); // the empty block
    expect(map.posToOffset(0)).toBe(4);
    expect(map.posToOffset(map.size)).toBe(19);
    // Positions between blocks (node boundaries) snap to the nearer block edge.
    const headingEnd = map.offsetToPos(9);
    expect(map.posToOffset(headingEnd + 1)).toBe(9);
    expect(map.posToOffset(map.blockPos(1) - 1)).toBe(9); // a tie goes to the earlier edge
    // From the empty block across a section boundary to the third block.
    const emptyAt = map.blockPos(1);
    expect(map.blockPos(2)).toBe(emptyAt + 4);
    expect([1, 2, 3].map((d) => map.posToOffset(emptyAt + d))).toEqual([10, 10, 11]);
    expect(map.blockIndexAtPos(map.blockPos(2) + 3)).toBe(2);
  });

  it("treats a text without blocks as one paragraph, and an empty text as one empty paragraph", () => {
    const map = expectExact("no blocks here", [block(0, 14)]);
    const implicit = textPositions([], 14);
    expect(implicit.blocks).toEqual([block(0, 14)]);
    expect(implicit.offsetToPos(5)).toBe(map.offsetToPos(5));
    const empty = textPositions([], 0);
    expect(empty.size).toBe(4);
    expect(empty.offsetToPos(0)).toBe(2);
    expect(empty.rangeToPos(0, 0)).toBeNull();
  });

  it("rejects blocks that overlap or run backwards", () => {
    expect(() => textPositions([block(0, 5), block(3, 8)], 10)).toThrow(RangeError);
    expect(() => textPositions([block(5, 2)], 10)).toThrow(RangeError);
  });

  it("round-trips every offset of a 1M-character document", () => {
    const text = "x".repeat(600).concat("\n").repeat(1700);
    const blocks = linesToBlocks(text);
    const map = textPositions(blocks, text.length);
    for (let o = 0; o < text.length; o += 997) expect(map.posToOffset(map.offsetToPos(o))).toBe(o);
  });
});
