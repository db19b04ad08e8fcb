import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { linesToBlocks, newCodeId, newCodingId, newDocumentId, offset, type Code, type Coding, type DocumentContent } from "../../shared/index.js";
import { textPositions } from "../../shared/text/positions.js";
import { useDocumentView } from "./documentViewHost.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = "2026-01-01T00:00:00.000Z";
const DOC = newDocumentId();
const TEXT = ["Wawancara 1", "P: Bagaimana usaha kopi Anda?", "N: Kami jual ke Padang, untungnya kecil.", "P: Dan ekspor?"].join("\n");
const content: DocumentContent = { text: TEXT, blocks: linesToBlocks(TEXT) };
const theme: Code = { id: newCodeId(), name: "Motif", color: "#e69f00", parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
const codes = { [theme.id]: theme };
const coding = (start: number, end: number): Coding => ({ id: newCodingId(), documentId: DOC, codeId: theme.id, start: offset(start), end: offset(end), coder: "ana", stance: "supports", createdAt: NOW });

const { render } = useDocumentView();

/** Selects `quote` in the page as the browser does for a drag: the DOM selection only, before ProseMirror's "selectionchange" reading of it. */
function browserSelects(dom: HTMLElement, quote: string) {
  const walker = document.createTreeWalker(dom, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(quote);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + quote.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return;
  }
  throw new Error(`not in the view: ${quote}`);
}

describe("the reader's selection through the view's redraws", () => {
  it("is kept, and reported, when codings arrive before ProseMirror read the browser's selection", () => {
    const onSelectionChange = vi.fn();
    const first = [coding(TEXT.indexOf("kopi"), TEXT.indexOf("kopi") + 4)];
    const { dom } = render({ content, codings: first, codes, onSelectionChange });
    const editor = (dom as unknown as { editor: Editor }).editor;
    dom.focus();
    browserSelects(dom, "Padang");
    // The codings of the rest of the project arrive (a new version): a redraw of the highlights.
    render({ content, codings: [...first, coding(TEXT.indexOf("ekspor"), TEXT.indexOf("ekspor") + 6)], codes, onSelectionChange });

    expect(String(getSelection())).toBe("Padang");
    const start = TEXT.indexOf("Padang");
    expect(onSelectionChange).toHaveBeenLastCalledWith({ start, end: start + "Padang".length });
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe("Padang");
  });

  it("leaves alone a transaction that sets a selection of its own (a jump to a passage)", () => {
    const { dom } = render({ content, codings: [], codes });
    const editor = (dom as unknown as { editor: Editor }).editor;
    dom.focus();
    browserSelects(dom, "Padang");
    const positions = textPositions(content.blocks, TEXT.length);
    const start = TEXT.indexOf("ekspor");
    act(() => editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, positions.offsetToPos(start), positions.offsetToPos(start + 6)))));
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe("ekspor");
  });

  // The browser's events for Ctrl+Home: the key, its caret at the start of the text, then the key's
  // release and "selectionchange" in either order (a script's keys are released at once, a
  // person's after the event). ProseMirror took that caret, within 200 ms of a focus, for the
  // browser's reset of the selection on focus and put "Padang" back.
  it.each([
    ["released before", ["keyup", "selectionchange"]],
    ["released after", ["selectionchange", "keyup"]],
  ])("keeps a caret put at the start with the keys just after the focus, over the selection the view held (key %s the event)", (_order, events) => {
    const onSelectionChange = vi.fn();
    const { dom, editor } = render({ content, codings: [], codes, onSelectionChange });
    dom.focus();
    browserSelects(dom, "Padang");
    act(() => document.dispatchEvent(new Event("selectionchange")));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ start: TEXT.indexOf("Padang"), end: TEXT.indexOf("Padang") + 6 });
    dom.blur();
    dom.focus();

    act(() => {
      dom.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", code: "Home", keyCode: 36, ctrlKey: true, bubbles: true }));
      getSelection()!.collapse(dom.querySelector("p")!.firstChild!, 0);
      for (const event of events) {
        if (event === "keyup") dom.dispatchEvent(new KeyboardEvent("keyup", { key: "Home", code: "Home", keyCode: 36, ctrlKey: true, bubbles: true }));
        else document.dispatchEvent(new Event("selectionchange"));
      }
    });

    expect(String(getSelection())).toBe("");
    expect(getSelection()!.anchorOffset).toBe(0);
    expect(editor.state.selection.empty).toBe(true);
    expect(editor.state.selection.from).toBe(editor.view.posAtDOM(dom.querySelector("p")!.firstChild!, 0));
    expect(onSelectionChange).toHaveBeenLastCalledWith(null);
  });

  it("does nothing while the view does not have the focus", () => {
    const onSelectionChange = vi.fn();
    const first = [coding(0, 4)];
    const { dom } = render({ content, codings: first, codes, onSelectionChange });
    browserSelects(dom, "ekspor");
    render({ content, codings: [...first, coding(5, 9)], codes, onSelectionChange });
    // Not focused: ProseMirror would not read it either.
    expect(onSelectionChange).not.toHaveBeenCalled();
  });
});
