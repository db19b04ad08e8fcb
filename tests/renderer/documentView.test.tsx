import { getSchema } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import {
  linesToBlocks,
  newCodeId,
  newCodingId,
  newDocumentId,
  offset,
  type Block,
  type Code,
  type CodeId,
  type Coding,
  type DocumentContent,
} from "../../shared/index.js";
import { textPositions } from "../../shared/text/positions.js";
import { buildDocument } from "../../renderer/editor/buildDocument.js";
import { codingDecorationsKey, MAX_DRAWN_LANES } from "../../renderer/editor/codingDecorations.js";
import { documentNodes } from "../../renderer/editor/documentNodes.js";
import { useDocumentView } from "./documentViewHost.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = "2026-01-01T00:00:00.000Z";
const DOC = newDocumentId();

function code(name: string, color: string): Code {
  return { id: newCodeId(), name, color, parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
}

function coding(codeId: CodeId, start: number, end: number, extra: Partial<Coding> = {}): Coding {
  return { id: newCodingId(), documentId: DOC, codeId, start: offset(start), end: offset(end), coder: "ana", stance: "supports", createdAt: NOW, ...extra };
}

/** A transcript with a heading, emoji, a combining accent, CRLF line ends and blank lines. */
const TEXT = [
  "Wawancara 1",
  "P: Bagaimana usaha kopi 👩🏽‍🌾 Anda?",
  "",
  "N: Café\u0301 kami jual ke Padang, untungnya kecil.",
  "P: Dan ekspor?",
  "N: Belum, izinnya sulit 🇮🇩.",
].join("\r\n");

function content(): DocumentContent {
  const blocks: Block[] = linesToBlocks(TEXT).map((b, i) => (i === 0 ? { ...b, kind: "heading", level: 2, page: 1 } : { ...b, page: i < 3 ? 1 : 2 }));
  return { text: TEXT, blocks };
}

const at = (needle: string) => {
  const i = TEXT.indexOf(needle);
  if (i < 0) throw new Error(`not in the text: ${needle}`);
  return i;
};

const viewHost = useDocumentView();
const { render } = viewHost;

const spans = (dom: HTMLElement) => [...dom.querySelectorAll<HTMLElement>("[data-coding-id]")];
const spansOf = (dom: HTMLElement, id: string) => spans(dom).filter((s) => s.dataset.codingId === id);
const textOf = (dom: HTMLElement, id: string) => spansOf(dom, id).map((s) => s.textContent).join("");
/** The colour, underline lane and stance a span's class draws (see codingClasses.ts). */
const look = (span: HTMLElement) => {
  const m = /^tandai-c-([0-9a-f]{6})-(\d)(x?)$/.exec(span.className);
  if (!m) throw new Error(`not a coding span: ${span.className}`);
  return { color: `#${m[1]}`, lane: Number(m[2]), contradicts: m[3] === "x" };
};
const cssRules = () => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText.replace(/\s+/g, " ")));

describe("DocumentView", () => {
  const economic = code("Economic motive", "#e69f00");
  const barrier = code("Barrier", "#0072b2");
  const trade = code("Trade", "#009e73");
  const codes = { [economic.id]: economic, [barrier.id]: barrier, [trade.id]: trade };

  it("shows the blocks verbatim: headings, paragraphs, sections and page markers", () => {
    const { dom } = render({ content: content(), codings: [], codes });
    const heading = dom.querySelector("h2");
    expect(heading?.textContent).toBe("Wawancara 1");
    const paragraphs = [...dom.querySelectorAll("p")].map((p) => p.textContent);
    expect(paragraphs).toEqual(linesToBlocks(TEXT).slice(1).map((b) => TEXT.slice(b.start, b.end)));
    expect(dom.querySelectorAll("section.tandai-section")).toHaveLength(1);
    expect([...dom.querySelectorAll("[data-page]")].map((e) => [e.tagName, e.getAttribute("data-page")])).toEqual([
      ["H2", "1"],
      ["P", "2"],
    ]);
    // Editable for a caret and Tab focus, announced as read-only text.
    expect(dom.getAttribute("contenteditable")).toBe("true");
    expect(dom.getAttribute("role")).toBe("textbox");
    expect(dom.getAttribute("aria-readonly")).toBe("true");
  });

  it("draws overlapping codings as nested spans, each in its code's colour and underline lane", () => {
    const outer = coding(economic.id, at("Café"), at(", untungnya"));
    const inner = coding(barrier.id, at("kami"), at(" ke Padang"), { stance: "contradicts" });
    const third = coding(trade.id, at("jual"), at("untungnya") + 4);
    const { dom } = render({ content: content(), codings: [outer, inner, third], codes });
    expect(textOf(dom, outer.id)).toBe(TEXT.slice(outer.start, outer.end));
    expect(textOf(dom, inner.id)).toBe(TEXT.slice(inner.start, inner.end));
    expect(textOf(dom, third.id)).toBe(TEXT.slice(third.start, third.end));
    const innerSpan = spansOf(dom, inner.id)[0]!;
    expect(look(innerSpan)).toMatchObject({ color: "#0072b2", contradicts: true });
    expect(look(spansOf(dom, outer.id)[0]!)).toMatchObject({ color: "#e69f00", contradicts: false });
    // Each look is a rule added to the page's style sheets: colour, underline lane, dashes.
    const rule = cssRules().find((r) => r.includes(`.${innerSpan.className} `))!;
    expect(rule).toContain("--tc: #0072b2");
    expect(rule).toContain("dashed");
    // The word "jual" is under all three codings: three nested spans, three different lanes.
    const jual = spans(dom).filter((s) => s.textContent === "jual" || s.textContent?.startsWith("jual"));
    const innermost = jual.find((s) => !s.querySelector("[data-coding-id]"))!;
    const chain: HTMLElement[] = [];
    for (let el: HTMLElement | null = innermost; el && el.dataset.codingId; el = el.parentElement) chain.push(el);
    expect(new Set(chain.map((s) => s.dataset.codingId))).toEqual(new Set([outer.id, inner.id, third.id]));
    expect(new Set(chain.map((s) => look(s).lane))).toEqual(new Set([0, 1, 2]));
  });

  it("draws a coding across blocks and one touching emoji without splitting a surrogate pair", () => {
    const across = coding(economic.id, at("Anda?"), at("Padang"));
    const emoji = coding(trade.id, at("👩🏽‍🌾"), at(" Anda"));
    const { dom } = render({ content: content(), codings: [across, emoji], codes });
    // The CRLF and blank line between the blocks are not shown, so the highlight holds the rest.
    expect(textOf(dom, across.id)).toBe("Anda?" + "N: Café\u0301 kami jual ke ");
    expect(textOf(dom, emoji.id)).toBe("👩🏽‍🌾");
  });

  it("updates only the codings that changed: one added, one removed, a colour changed", () => {
    const first = coding(economic.id, at("Bagaimana"), at(" usaha"));
    const second = coding(barrier.id, at("izinnya"), at(" sulit"));
    const doc = content(); // the same content object: the editor stays, the codings change
    const { dom, editor } = render({ content: doc, codings: [first, second], codes });
    const secondSpan = spansOf(dom, second.id)[0]!;
    const setBefore = codingDecorationsKey.getState(editor.state)!.set;

    const added = coding(trade.id, at("ekspor"), at("?\r\nN: Belum"));
    render({ content: doc, codings: [first, second, added], codes });
    expect(textOf(dom, added.id)).toBe("ekspor");
    expect(spansOf(dom, second.id)[0]).toBe(secondSpan); // the other paragraph was not redrawn
    const state = codingDecorationsKey.getState(editor.state)!;
    expect(state.set).not.toBe(setBefore);
    expect([...state.entries.keys()].sort()).toEqual([first.id, second.id, added.id].sort());

    render({ content: doc, codings: [second, added], codes });
    expect(spansOf(dom, first.id)).toHaveLength(0);
    expect(dom.querySelector("p")!.textContent).toBe(TEXT.slice(at("P: Bag"), at("\r\n\r\nN: Caf")));

    const recoloured = { ...codes, [barrier.id]: { ...barrier, color: "#cc79a7" } };
    render({ content: doc, codings: [second, added], codes: recoloured });
    expect(look(spansOf(dom, second.id)[0]!).color).toBe("#cc79a7");
    expect(spans(dom)).toHaveLength(2);

    const contradicting = { ...second, stance: "contradicts" as const };
    render({ content: doc, codings: [contradicting, added], codes: recoloured });
    expect(look(spansOf(dom, second.id)[0]!).contradicts).toBe(true);
  });

  it("reports the selection as text offsets, and null when it collapses", () => {
    const onSelectionChange = vi.fn();
    const { editor } = render({ content: content(), codings: [], codes, onSelectionChange });
    const positions = textPositions(content().blocks, TEXT.length);
    const select = (from: number, to: number) =>
      act(() => editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, to))));

    // From the emoji to the middle of the next-but-one line: across CRLF and a blank line.
    const start = at("👩🏽‍🌾");
    const end = at("kami");
    select(positions.offsetToPos(start), positions.offsetToPos(end));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ start, end });
    expect(editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to, "")).toBe(
      TEXT.slice(start, end).replace("\r\n\r\n", ""),
    );

    // Just the combining accent's letter pair.
    const cafe = at("Café");
    select(positions.offsetToPos(cafe + 3), positions.offsetToPos(cafe + 5));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ start: cafe + 3, end: cafe + 5 });

    select(positions.offsetToPos(cafe), positions.offsetToPos(cafe));
    expect(onSelectionChange).toHaveBeenLastCalledWith(null);
    expect(onSelectionChange).toHaveBeenCalledTimes(3);
  });

  it("reports every coding under a clicked point, innermost first", () => {
    const outer = coding(economic.id, at("N: Café"), at(", untungnya"));
    const inner = coding(barrier.id, at("jual"), at(" ke"));
    const elsewhere = coding(trade.id, at("Belum"), at(", izinnya"));
    const onCodingsClick = vi.fn();
    const { dom } = render({ content: content(), codings: [outer, inner, elsewhere], codes, onCodingsClick });
    const innerSpan = spansOf(dom, inner.id)[0]!;
    act(() => {
      innerSpan.firstChild!.parentElement!.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: 40, clientY: 70 }));
    });
    expect(onCodingsClick).toHaveBeenCalledWith([inner.id, outer.id], { x: 40, y: 70 }, "pointer");

    onCodingsClick.mockClear();
    act(() => {
      dom.querySelector("h2")!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    });
    expect(onCodingsClick).not.toHaveBeenCalled();
  });

  it("draws at most MAX_DRAWN_LANES codings over one another, and a click there still lists every one", () => {
    // Thousands of codings over one passage nested one span per coding, which crashed the browser's renderer.
    const many = Array.from({ length: 60 }, (_, i) => coding(economic.id, at("N: Café"), at(", untungnya") - (i % 3)));
    const onCodingsClick = vi.fn();
    const { dom } = render({ content: content(), codings: many, codes, onCodingsClick });
    const depth = (el: Element | null): number => (el && el !== dom ? (el.hasAttribute("data-coding-id") ? 1 : 0) + depth(el.parentElement) : 0);
    const deepest = Math.max(...spans(dom).map((span) => depth(span)));
    expect(deepest).toBe(MAX_DRAWN_LANES);
    const innermost = spans(dom).find((span) => depth(span) === deepest)!;
    act(() => {
      innermost.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: 40, clientY: 70 }));
    });
    expect(new Set(onCodingsClick.mock.calls[0]![0] as string[])).toEqual(new Set(many.map((c) => c.id)));
  });

  it("jumps to a passage when the focus nonce changes: selects and flashes it", () => {
    const onSelectionChange = vi.fn();
    const start = at("izinnya");
    const end = at(" 🇮🇩");
    const props = { content: content(), codings: [], codes, onSelectionChange };
    // (props.content stays the same object across renders, so the editor is kept.)
    const { dom, editor } = render({ ...props, focus: { start, end, nonce: 1 } });
    expect(onSelectionChange).toHaveBeenLastCalledWith({ start, end });
    expect(dom.querySelector(".tandai-flash")?.textContent).toBe("izinnya sulit");
    expect(document.getSelection()?.toString()).toBe("izinnya sulit");
    const { from, to } = editor.state.selection;

    // The same nonce again does nothing; a new one jumps again.
    render({ ...props, focus: { start: 0, end: 4, nonce: 1 } });
    expect(editor.state.selection.from).toBe(from);
    expect(editor.state.selection.to).toBe(to);
    render({ ...props, focus: { start: 0, end: 4, nonce: 2 } });
    expect(onSelectionChange).toHaveBeenLastCalledWith({ start: 0, end: 4 });
  });

  it("keeps the text read-only: transactions that change it are refused, input the browser announces is cancelled", () => {
    const { dom, editor } = render({ content: content(), codings: [], codes });
    const before = editor.state.doc;
    act(() => editor.view.dispatch(editor.state.tr.insertText("x", 3)));
    expect(editor.state.doc).toBe(before);
    for (const inputType of ["insertText", "deleteContentBackward", "insertFromPaste", "deleteByCut", "insertParagraph"]) {
      const event = new InputEvent("beforeinput", { inputType, data: "x", bubbles: true, cancelable: true });
      act(() => void dom.dispatchEvent(event));
      expect(event.defaultPrevented, inputType).toBe(true);
    }
    const cut = new Event("cut", { bubbles: true, cancelable: true });
    act(() => void dom.dispatchEvent(cut));
    expect(cut.defaultPrevented).toBe(true);
    expect(editor.state.doc).toBe(before);
  });

  it("reports the codings under the caret and the selection, and lists them on Enter", () => {
    const outer = coding(economic.id, at("N: Café"), at(", untungnya"));
    const inner = coding(barrier.id, at("jual"), at(" ke"));
    const onCaretChange = vi.fn();
    const onCodingsClick = vi.fn();
    const props = { content: content(), codings: [outer, inner], codes, onCaretChange, onCodingsClick, describedBy: "keys" };
    const { dom, editor } = render(props);
    expect(dom.getAttribute("aria-describedby")).toBe("keys");
    const positions = textPositions(content().blocks, TEXT.length);
    const caretAt = (offset: number) =>
      act(() => editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, positions.offsetToPos(offset)))));
    caretAt(at("jual") + 1);
    expect(onCaretChange).toHaveBeenLastCalledWith({ start: at("jual") + 1, end: at("jual") + 1 }, [inner.id, outer.id]);
    caretAt(at("Belum"));
    expect(onCaretChange).toHaveBeenLastCalledWith({ start: at("Belum"), end: at("Belum") }, []);

    // A code applied under the caret is announced without moving it.
    const third = coding(trade.id, at("Belum"), at(", izinnya"));
    render({ ...props, codings: [outer, inner, third] });
    expect(onCaretChange).toHaveBeenLastCalledWith({ start: at("Belum"), end: at("Belum") }, [third.id]);

    caretAt(at("jual"));
    // jsdom has no layout: give ranges a box so ProseMirror can place the list at the caret.
    const box = { left: 12, right: 12, top: 30, bottom: 50, width: 0, height: 20, x: 12, y: 30 };
    const rects = Range.prototype.getClientRects;
    Range.prototype.getClientRects = () => [box] as unknown as DOMRectList;
    try {
      act(() => void dom.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true })));
    } finally {
      Range.prototype.getClientRects = rects;
    }
    expect(onCodingsClick).toHaveBeenCalledWith([inner.id, outer.id], expect.objectContaining({ x: expect.any(Number) }), "keyboard");
  });

  it("opens another document when the content changes", () => {
    const { dom } = render({ content: content(), codings: [], codes, label: "Teks dokumen" });
    expect(dom.getAttribute("aria-label")).toBe("Teks dokumen");
    const other = "Satu.\nDua.";
    render({ content: { text: other, blocks: linesToBlocks(other) }, codings: [coding(trade.id, 6, 9)], codes, label: "Teks dokumen" });
    const next = viewHost.host.querySelector<HTMLElement>(".ProseMirror")!;
    expect([...next.querySelectorAll("p")].map((p) => p.textContent)).toEqual(["Satu.", "Dua."]);
    expect(spans(next)[0]!.textContent).toBe("Dua");
    expect(next.getAttribute("aria-label")).toBe("Teks dokumen");
    expect(viewHost.host.querySelectorAll(".ProseMirror")).toHaveLength(1);
  });
});

describe("the editor document and shared/text/positions agree", () => {
  it("puts every offset of every block at the position the conversion names", () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      i % 7 === 0 ? "" : `${i % 2 ? "P" : "N"}: baris ${i} 🌶️ kopi\u0301 ${"ya ".repeat(i % 5)}👍🏿`,
    );
    const text = lines.join("\r\n");
    const blocks = linesToBlocks(text).map((b, i) => (i % 9 === 0 ? { ...b, kind: "heading" as const, level: 1 + (i % 3) } : b));
    const positions = textPositions(blocks, text.length);
    const doc = getSchema(documentNodes).nodeFromJSON(buildDocument({ text, blocks }, positions));
    doc.check();
    expect(doc.content.size).toBe(positions.size);
    expect(doc.childCount).toBe(positions.sectionCount);
    expect(positions.sectionCount).toBeGreaterThan(2);
    blocks.forEach((b, index) => {
      for (let o = b.start; o <= b.end; o++) {
        const $pos = doc.resolve(positions.offsetToPos(o));
        expect($pos.parent.isTextblock).toBe(true);
        expect($pos.index(0) * positions.sectionSize + $pos.index(1)).toBe(index);
        expect($pos.parentOffset).toBe(o - b.start);
      }
      const range = positions.rangeToPos(b.start, b.end)!;
      expect(doc.textBetween(range.from, range.to)).toBe(text.slice(b.start, b.end));
    });
    // A range across blocks holds the blocks' text, without the line ends between them.
    const from = blocks[3]!.start + 2;
    const to = blocks[20]!.end - 1;
    const range = positions.rangeToPos(from, to)!;
    const shown = blocks.slice(3, 21).map((b) => text.slice(Math.max(b.start, from), Math.min(b.end, to)));
    expect(doc.textBetween(range.from, range.to, "\r\n")).toBe(shown.join("\r\n"));
    expect(text.slice(from, to)).toContain("\r\n\r\n"); // the blank lines are not shown
    expect(positions.posToOffset(range.from)).toBe(from);
    expect(positions.posToOffset(range.to)).toBe(to);
  });
});
