import { Editor } from "@tiptap/core";
import { useLayoutEffect, useRef } from "react";
import type { CodingId } from "../../shared/model/ids.js";
import type { Code, Coding, DocumentContent } from "../../shared/model/project.js";
import { textPositions, type TextPositions } from "../../shared/text/positions.js";
import { buildDocument } from "./buildDocument.js";
import { codingsAt } from "./codingsAt.js";
import { CodingStripes } from "./codingStripes.js";
import { CodingClicks } from "./codingClicks.js";
import { CodingDecorations, InitialCodings, setCodingChange } from "./codingDecorations.js";
import { CodingReveal, cutAtOpen } from "./codingReveal.js";
import { diffHighlights, type CodingHighlight } from "./codingHighlights.js";
import { documentNodes } from "./documentNodes.js";
import { FindHighlights, showFindMatches, type FindMatches } from "./findHighlights.js";
import { focusPassage, PassageFocus } from "./passageFocus.js";
import { ReadOnlyText } from "./readOnlyText.js";
import { ReaderSelection } from "./readerSelection.js";
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
  /**
   * Coded text was clicked, or Enter was pressed on it: every coding covering that point or the
   * selection (innermost first), where, and whether by the pointer or the keyboard.
   */
  onCodingsClick?: (codingIds: CodingId[], at: { x: number; y: number }, via: "pointer" | "keyboard") => void;
  /** Scrolls to, selects and flashes this range whenever `nonce` changes ("jump to passage"). */
  focus?: { start: number; end: number; nonce: number };
  /**
   * The caret or selection moved (start = end for a caret), or the codings under it changed: the
   * codings there, innermost first (see codingsAt.ts), for a screen reader to hear.
   */
  onCaretChange?: (range: TextRange, codingIds: CodingId[]) => void;
  /** Accessible name of the document text (translated by the caller, e.g. `editor.documentText`). */
  label?: string;
  /** Id of the element describing how to read and code with the keyboard (aria-describedby). */
  describedBy?: string;
  /** Coding stripes in the margin (default on). */
  stripes?: boolean;
  className?: string;
  /** Find's matches in this document (renderer/editor/findHighlights.ts), or null when Find is closed. */
  find?: FindMatches | null;
}

interface Live {
  editor: Editor;
  positions: TextPositions;
  drawn: Map<CodingId, CodingHighlight>;
  /** The codings and codebook `drawn` was made from: the update effect skips what it was made with. */
  from: { codings: readonly Coding[]; codes: Readonly<Record<string, Code>> };
  /** The caret or selection last reported, in text offsets. */
  caret: TextRange | null;
  stripes: CodingStripes | null;
  reveal: CodingReveal;
}

/** Highlights by start, longer first: the order both the decorations and the stripes assign lanes in. */
const byStart = (a: CodingHighlight, b: CodingHighlight) => a.start - b.start || b.end - a.end;

/** Each coding's code name, for the stripes' labels (looked up for the bars drawn only). */
const namesOf = (codes: Readonly<Record<string, Code>>) => (h: CodingHighlight) => (h.codeId && codes[h.codeId]?.name) || "";

/**
 * The coding view of one document: its text, read-only but selectable, with every coding drawn in
 * its code's colour. Tiptap is driven directly (not through React state): the editor is created
 * when the content changes, and a change of codings becomes one transaction that adds and removes
 * the decorations of just the codings that changed.
 */
export function DocumentView(props: DocumentViewProps) {
  const { content, codings, codes, focus, label, describedBy, className, find } = props;
  const host = useRef<HTMLDivElement>(null);
  const live = useRef<Live | null>(null);
  const callbacks = useRef(props);
  useLayoutEffect(() => {
    callbacks.current = props;
  });

  useLayoutEffect(() => {
    const positions = textPositions(content.blocks, content.text.length);
    // Only the codings above the window's bottom are drawn before the first paint; CodingReveal draws the rest.
    const cut = cutAtOpen(positions, host.current!.ownerDocument.defaultView);
    const doc = buildDocument(content, positions, cut === null ? 0 : Math.ceil((cut.block + 1) / positions.sectionSize));
    const { next: drawn } = diffHighlights(new Map(), codings, codes);
    // Sorted once by start here: the decorations and the stripes each sort them again, and an
    // already sorted array costs them one pass instead of a sort over every coding.
    const sorted = [...drawn.values()].sort(byStart);
    const initial = new InitialCodings(positions, sorted, cut);
    const caret = (range: TextRange) => {
      const current = live.current;
      if (!current) return;
      current.caret = range;
      callbacks.current.onCaretChange?.(range, codingsAt(current.drawn.values(), range.start, range.end));
    };
    const editor = new Editor({
      element: host.current!,
      extensions: [
        ...documentNodes,
        ReadOnlyText,
        // A redraw (highlights revealed, codings arrived) keeps the selection the reader just made.
        ReaderSelection,
        CodingDecorations.configure({ positions, initial }),
        SelectionOffsets.configure({ positions, report: (range) => callbacks.current.onSelectionChange?.(range), caret }),
        CodingClicks.configure({ report: (ids, at) => callbacks.current.onCodingsClick?.(ids, at, "pointer") }),
        PassageFocus,
        FindHighlights,
      ],
      content: doc,
      // Editable for a caret and keyboard selection; ReadOnlyText keeps the text unchangeable.
      editable: true,
      injectCSS: false,
      enableInputRules: false,
      enablePasteRules: false,
      editorProps: {
        // Highlights are in the first draw: Tiptap adds plugins only after creating the view.
        decorations: initial.decorations,
        attributes: { class: "tandai-document", role: "textbox", "aria-readonly": "true", "aria-multiline": "true" },
        // Enter on coded text lists its codings, as a click does, at the caret.
        handleKeyDown: (view, event) => {
          const current = live.current;
          if (event.key !== "Enter" || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || !current) return false;
          const { from, to } = view.state.selection;
          const ids = codingsAt(current.drawn.values(), positions.posToOffset(from), positions.posToOffset(to));
          if (ids.length) {
            const at = view.coordsAtPos(from);
            callbacks.current.onCodingsClick?.(ids, { x: at.left, y: at.bottom }, "keyboard");
          }
          return true;
        },
      },
    });
    // Before the stripes: it may draw more at once (the cut measured above the window's bottom).
    const reveal = new CodingReveal(editor.view, host.current!, positions, cut);
    const stripes =
      props.stripes === false
        ? null
        : new CodingStripes(editor.view, host.current!, positions, {
            click: (id, at) => callbacks.current.onCodingsClick?.([id], at, "pointer"),
            drawnUntil: () => reveal.drawnUntil(),
          });
    stripes?.update(sorted, namesOf(codes));
    live.current = { editor, positions, drawn, from: { codings, codes }, caret: null, stripes, reveal };
    return () => {
      live.current = null;
      reveal.destroy();
      stripes?.destroy();
      editor.destroy();
    };
    // Codings and codes at creation only: later changes are applied incrementally below.
  }, [content]);

  useLayoutEffect(() => {
    const current = live.current;
    // Not for the codings the view was just made with (this effect runs after the one making it,
    // on every mount): a second diff and a second stripes' update over every coding, for nothing.
    if (!current || (current.from.codings === codings && current.from.codes === codes)) return;
    current.from = { codings, codes };
    const { next, add, remove } = diffHighlights(current.drawn, codings, codes);
    current.drawn = next;
    // Names may change without any highlight changing (a code renamed).
    current.stripes?.update(next.values(), namesOf(codes));
    if (!add.length && !remove.length) return;
    const { view } = current.editor;
    view.dispatch(setCodingChange(view.state.tr, { add, remove }));
    // What is under the caret may have changed (a code was just applied there).
    const caret = current.caret;
    if (caret) callbacks.current.onCaretChange?.(caret, codingsAt(next.values(), caret.start, caret.end));
  }, [codings, codes]);

  useLayoutEffect(() => {
    const current = live.current;
    if (!current || !focus) return;
    const range = current.positions.rangeToPos(focus.start, focus.end);
    // Its codings drawn before it is scrolled to, not a frame after.
    current.reveal.revealOffsets(focus.start, focus.end);
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
    if (describedBy) dom.setAttribute("aria-describedby", describedBy);
    else dom.removeAttribute("aria-describedby");
  }, [label, describedBy, content]);

  return (
    <div
      ref={host}
      className={className ? `tandai-document-view ${className}` : "tandai-document-view"}
      data-document-view=""
    />
  );
}
