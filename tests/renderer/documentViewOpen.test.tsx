import { getSchema } from "@tiptap/core";
import { EditorView } from "@tiptap/pm/view";
import { afterEach, describe, expect, it, vi } from "vitest";
import { linesToBlocks, newCodeId, newCodingId, newDocumentId, offset, type Code, type CodeId, type Coding, type DocumentContent } from "../../shared/index.js";
import { textPositions } from "../../shared/text/positions.js";
import { buildDocument } from "../../renderer/editor/buildDocument.js";
import { InitialCodings } from "../../renderer/editor/codingDecorations.js";
import type { CodingHighlight } from "../../renderer/editor/codingHighlights.js";
import { documentNodes } from "../../renderer/editor/documentNodes.js";
import { CodingStripes, type CodeNames } from "../../renderer/editor/codingStripes.js";
import { useDocumentView } from "./documentViewHost.js";

/**
 * What opening a document does once, and no more (the open's cost with 1,000 codings is the
 * issue-13 budget: docs/PERFORMANCE.md): no transaction when Find is closed, one stripes' update
 * over the codings, and the stripes' names still following the codebook afterwards.
 */

const NOW = "2026-01-01T00:00:00.000Z";
const DOC = newDocumentId();
const TEXT = ["Wawancara 1", "N: Kami jual kopi ke Padang, untungnya kecil.", "P: Dan ekspor?", "N: Belum, izinnya sulit."].join("\n");

const code = (name: string, color: string): Code => ({ id: newCodeId(), name, color, parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW });
const coding = (codeId: CodeId, needle: string): Coding => {
  const start = TEXT.indexOf(needle);
  return { id: newCodingId(), documentId: DOC, codeId, start: offset(start), end: offset(start + needle.length), coder: "ana", stance: "supports", createdAt: NOW };
};
const content = (): DocumentContent => ({ text: TEXT, blocks: linesToBlocks(TEXT) });

const { render } = useDocumentView();

afterEach(() => vi.restoreAllMocks());

describe("opening a document", () => {
  it("dispatches no transaction while Find is closed, and Find's matches still come and go", () => {
    const market = code("Akses pasar", "#0072b2");
    const dispatch = vi.spyOn(EditorView.prototype, "dispatch");
    const props = { content: content(), codings: [coding(market.id, "jual kopi")], codes: { [market.id]: market }, find: null };
    const { dom } = render(props);
    expect(dom.querySelectorAll("[data-coding-id]").length).toBeGreaterThan(0);
    expect(dispatch).not.toHaveBeenCalled();

    const start = TEXT.indexOf("Padang");
    render({ ...props, find: { ranges: [[start, start + 6]], current: 0 } });
    expect(dom.querySelector(".tandai-find-current")?.textContent).toBe("Padang");
    render({ ...props, find: null });
    expect(dom.querySelector(".tandai-find")).toBeNull();
  });

  it("gives the stripes the codings once, and a renamed code or a coding moved to another code again, with the new name", () => {
    const market = code("Akses pasar", "#0072b2");
    const export_ = code("Ekspor", "#0072b2");
    // The names each update was given, for the codings it was given (read as it is called: it may be handed an iterator).
    const named: string[][] = [];
    const original = CodingStripes.prototype.update;
    const update = vi.spyOn(CodingStripes.prototype, "update").mockImplementation(function (this: CodingStripes, given: Iterable<CodingHighlight>, names: CodeNames) {
      const highlights = [...given];
      named.push(highlights.map((h) => names(h)));
      original.call(this, highlights, names);
    });
    const sold = coding(market.id, "jual kopi");
    const codes = { [market.id]: market, [export_.id]: export_ };
    const props = { content: content(), codings: [sold], codes };
    render(props);
    expect(update).toHaveBeenCalledTimes(1);
    const nameNow = () => named.at(-1);
    expect(nameNow()).toEqual(["Akses pasar"]);

    // The same codings and codebook again (a parent's re-render): nothing to update.
    render({ ...props });
    expect(update).toHaveBeenCalledTimes(1);

    const renamed = { ...codes, [market.id]: { ...market, name: "Pasar" } };
    render({ ...props, codes: renamed });
    expect(update).toHaveBeenCalledTimes(2);
    expect(nameNow()).toEqual(["Pasar"]);

    // Same colour, another code: no span changes colour, but the label is the other code's.
    render({ ...props, codes: renamed, codings: [{ ...sold, codeId: export_.id }] });
    expect(nameNow()).toEqual(["Ekspor"]);
  });
});

describe("the open's decorations", () => {
  it("give each coding the same underline lane whether the codings come sorted by start or not", () => {
    const positions = textPositions(content().blocks, TEXT.length);
    const doc = getSchema(documentNodes).nodeFromJSON(buildDocument(content(), positions));
    // Overlapping and nested ranges, some sharing a start (the longer one first when sorted).
    const ranges: [number, number][] = [[3, 40], [3, 12], [10, 30], [15, 20], [25, 60], [48, 70], [50, 52], [0, 5]];
    const highlights: CodingHighlight[] = ranges.map(([start, end], i) => ({ id: `c${i}` as CodingHighlight["id"], start, end, color: "#0072b2", contradicts: false }));
    const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
    const lanes = (given: CodingHighlight[]) => new Map([...new InitialCodings(positions, given).stateFor(doc).entries].map(([id, e]) => [id, e.lane]));
    const expected = lanes(sorted);
    expect(new Set(expected.values()).size).toBeGreaterThan(2);
    expect(lanes([...highlights].reverse())).toEqual(expected);
    expect(lanes(highlights)).toEqual(expected);
  });
});
