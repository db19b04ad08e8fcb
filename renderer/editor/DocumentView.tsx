import { Editor } from "@tiptap/core";
import { useLayoutEffect, useRef } from "react";
import type { CodingId } from "../../shared/model/ids.js";
import type { Code, Coding, DocumentContent } from "../../shared/model/project.js";
import { textPositions, type TextPositions } from "../../shared/text/positions.js";
import { buildDocument } from "./buildDocument.js";
import { CodingClicks } from "./codingClicks.js";
import { CodingDecorations, InitialCodings, setCodingChange } from "./codingDecorations.js";
import { diffHighlights, type CodingHighlight } from "./codingHighlights.js";
import { documentNodes } from "./documentNodes.js";
import { FindHighlights, showFindMatches, type FindMatches } from "./findHighlights.js";
import { focusPassage, PassageFocus } from "./passageFocus.js";
import { ReadOnlyText } from "./readOnlyText.js";
import { SelectionOffsets, type TextRange } from "./selectionOffsets.js";
import "./documentView.css";

export interface DocumentViewProps {
  /** The document's text and blocks (headings with level, paragraphs, optional PDF page). */
  content: DocumentContent;
  /** The codings of this document. */
  codings: readonly Coding[];
  /** The codebook, for each coding's colour. */
  codes: Readonly<Record<string, Code>>;
  /** Text offsets of the current non-empty selection, or null when the selection becomes empty. */
  onSelectionChange?: (range: TextRange | null) => void;
  /** Coded text was clicked: every coding covering that point (innermost first), and where. */
  onCodingsClick?: (codingIds: CodingId[], at: { x: number; y: number }) => void;
  /** Scrolls to, selects and flashes this range whenever `nonce` changes ("jump to passage"). */
  focus?: { start: number; end: number; nonce: number };
  /** Accessible name of the document text (translated by the caller, e.g. `editor.documentText`). */
  label?: string;
  className?: string;
  /** Find's matches in this document (renderer/editor/findHighlights.ts), or null when Find is closed. */
  find?: FindMatches | null;
}

interface Live {
  editor: Editor;
  positions: TextPositions;
  drawn: Map<CodingId, CodingHighlight>;
}

/**
 * The coding view of one document: its text, read-only but selectable, with every coding drawn in
 * its code's colour. Tiptap is driven directly (not through React state): the editor is created
 * when the content changes, and a change of codings becomes one transaction that adds and removes
 * the decorations of just the codings that changed.
 */
export function DocumentView(props: DocumentViewProps) {
  const { content, codings, codes, focus, label, className, find } = props;
  const host = useRef<HTMLDivElement>(null);
  const live = useRef<Live | null>(null);
  const callbacks = useRef(props);
  useLayoutEffect(() => {
    callbacks.current = props;
  });

  useLayoutEffect(() => {
    const positions = textPositions(content.blocks, content.text.length);
    const { next: drawn } = diffHighlights(new Map(), codings, codes);
    const initial = new InitialCodings(positions, [...drawn.values()]);
    const editor = new Editor({
      element: host.current!,
      extensions: [
        ...documentNodes,
        ReadOnlyText,
        CodingDecorations.configure({ positions, initial }),
        SelectionOffsets.configure({ positions, report: (range) => callbacks.current.onSelectionChange?.(range) }),
        CodingClicks.configure({ report: (ids, at) => callbacks.current.onCodingsClick?.(ids, at) }),
        PassageFocus,
        FindHighlights,
      ],
      content: buildDocument(content, positions),
      editable: false,
      injectCSS: false,
      enableInputRules: false,
      enablePasteRules: false,
      editorProps: {
        // Highlights are in the first draw: Tiptap adds plugins only after creating the view.
        decorations: initial.decorations,
        attributes: { class: "tandai-document", "aria-readonly": "true", "aria-multiline": "true" },
      },
    });
    live.current = { editor, positions, drawn };
    return () => {
      live.current = null;
      editor.destroy();
    };
    // Codings and codes at creation only: later changes are applied incrementally below.
  }, [content]);

  useLayoutEffect(() => {
    const current = live.current;
    if (!current) return;
    const { next, add, remove } = diffHighlights(current.drawn, codings, codes);
    current.drawn = next;
    if (!add.length && !remove.length) return;
    const { view } = current.editor;
    view.dispatch(setCodingChange(view.state.tr, { add, remove }));
  }, [codings, codes]);

  useLayoutEffect(() => {
    const current = live.current;
    if (!current || !focus) return;
    const range = current.positions.rangeToPos(focus.start, focus.end);
    if (range) focusPassage(current.editor.view, range.from, range.to);
    // Only a new nonce asks for a jump.
  }, [focus?.nonce]);

  useLayoutEffect(() => {
    const current = live.current;
    if (current) showFindMatches(current.editor.view, current.positions, find ?? null);
  }, [find, content]);

  useLayoutEffect(() => {
    const dom = live.current?.editor.view.dom;
    if (!dom) return;
    if (label) dom.setAttribute("aria-label", label);
    else dom.removeAttribute("aria-label");
  }, [label, content]);

  return (
    <div
      ref={host}
      className={className ? `tandai-document-view ${className}` : "tandai-document-view"}
      data-document-view=""
    />
  );
}
