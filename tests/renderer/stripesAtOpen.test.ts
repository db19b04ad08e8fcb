import { describe, expect, it } from "vitest";
import { offset, type Block, type CodingId } from "../../shared/index.js";
import { SECTION_SIZE, textPositions } from "../../shared/text/positions.js";
import type { CodingHighlight } from "../../renderer/editor/codingHighlights.js";
import { nearAtOpen } from "../../renderer/editor/stripesAtOpen.js";

/**
 * In the frame a document opens in, the stripes measure only the bars of codings near the window
 * (within its height, ±¼), judged by the boxes of the blocks they start and end in. jsdom lays out
 * nothing: the boxes are given by hand (the browser's getBoundingClientRect), 768 px a window.
 */

const LINE = 100; // characters a block, 2 apart (CRLF)
const blocks: Block[] = Array.from({ length: SECTION_SIZE * 2 }, (_, i) => ({ start: offset(i * (LINE + 2)), end: offset(i * (LINE + 2) + LINE), kind: "paragraph" }));
const positions = textPositions(blocks, blocks.length * (LINE + 2));
const highlight = (id: string, fromBlock: number, toBlock: number): CodingHighlight => ({
  id: id as CodingId,
  start: blocks[fromBlock]!.start + 10,
  end: blocks[toBlock]!.start + 20,
  color: "#e69f00",
  contradicts: false,
});

const box = (top: number, height: number) => ({ top, bottom: top + height, left: 0, right: 800, width: 800, height, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;

/** Section `index` (16 blocks of 200 px each) whose top is `top` px from the window's. */
function section(index: number, top: number) {
  const dom = document.createElement("section");
  for (let i = 0; i < SECTION_SIZE; i++) {
    const p = document.createElement("p");
    p.getBoundingClientRect = () => box(top + i * 200, 200);
    dom.append(p);
  }
  dom.getBoundingClientRect = () => box(top, SECTION_SIZE * 200);
  const first = index * SECTION_SIZE;
  return { dom, start: blocks[first]!.start as number, end: blocks[first + SECTION_SIZE - 1]!.end as number };
}

describe("the stripes at open", () => {
  it("keeps the codings whose blocks lie within the window's height (±¼) of a section taller than it", () => {
    expect(window.innerHeight).toBe(768);
    const near = nearAtOpen(section(0, 0), 0, positions)!;
    expect(near).not.toBeNull();
    expect(near(highlight("top", 0, 0))).toBe(true);
    expect(near(highlight("fourth", 4, 4))).toBe(true); // 800–1000 px: within 1.25 × 768 = 960
    expect(near(highlight("fifth", 5, 5))).toBe(false); // 1000 px down
    expect(near(highlight("from the top to the end", 0, 15))).toBe(true);
  });

  it("judges a coding that starts above the band by the block it ends in", () => {
    const near = nearAtOpen(section(0, -1600), 0, positions)!; // blocks 0–7 above the window
    expect(near(highlight("above", 2, 5))).toBe(false); // ends at -400 px, below -0.25 × 768
    expect(near(highlight("into the window", 2, 8))).toBe(true); // ends in 0–200 px
  });

  it("keeps every coding of a section wholly within the band, and none of one wholly outside it", () => {
    const small = section(1, 0);
    small.dom.getBoundingClientRect = () => box(0, 700);
    expect(nearAtOpen(small, 1, positions)).toBeNull();
    const below = section(1, 2000);
    let measured = 0;
    for (const p of below.dom.children) (p as HTMLElement).getBoundingClientRect = () => (measured++, box(0, 0));
    const none = nearAtOpen(below, 1, positions)!;
    expect(none(highlight("any", SECTION_SIZE, SECTION_SIZE))).toBe(false);
    expect(measured).toBe(0); // nothing inside it measured, so nothing laid out
  });
});
