import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { findInText, foldText, type DocumentContent, type FoldedText } from "../../../shared/index.js";
import type { FindMatches } from "../../editor/findHighlights.js";
import { isTyping } from "../useUndoShortcuts.js";
import "./find.css";

/** Typing pauses this long before the document is searched again (a 1M-character text stays fluid). */
export const FIND_DEBOUNCE_MS = 120;

/**
 * Find in the open document (Ctrl+F / Cmd+F, or Edit › Find): matches highlighted in the text and
 * marked beside the scrollbar, Enter / Shift+Enter for next and previous, case and diacritics
 * ignored. `onChange` hands the matches to the document view, null when Find closes.
 */
export function FindBar({ content, onChange }: { content: DocumentContent; onChange(matches: FindMatches | null): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [ranges, setRanges] = useState<[number, number][]>([]);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  // The marks run beside the document's scrollbar, from just under this bar (which sits above the text) to the bottom.
  const [marksTop, setMarksTop] = useState(0);
  // Folded once per document, when Find is first opened (kept when Find closes and opens again).
  const foldedFor = useRef<{ content: DocumentContent; folded: FoldedText } | null>(null);
  const folded = useMemo(() => {
    if (!open) return null;
    if (foldedFor.current?.content !== content) foldedFor.current = { content, folded: foldText(content.text) };
    return foldedFor.current.folded;
  }, [open, content]);

  useEffect(() => {
    const show = () => {
      setOpen(true);
      requestAnimationFrame(() => input.current?.select());
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "f" && (!isTyping(e.target) || e.target === input.current)) {
        e.preventDefault();
        show();
      }
    };
    const onMenu = (e: Event) => (e as CustomEvent).detail === "find" && show();
    window.addEventListener("keydown", onKey);
    window.addEventListener("tandai:menu", onMenu);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("tandai:menu", onMenu);
    };
  }, []);

  useEffect(() => {
    if (!open || !folded) return;
    const timer = setTimeout(() => {
      setRanges(findInText(content.text, folded, query));
      setCurrent(0);
    }, FIND_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [open, folded, query, content]);

  useEffect(() => {
    onChange(open && ranges.length ? { ranges, current } : null);
  }, [open, ranges, current, onChange]);

  useLayoutEffect(() => {
    if (open && bar.current) setMarksTop(bar.current.offsetTop + bar.current.offsetHeight);
  }, [open]);

  if (!open) return null;
  const step = (by: number) => ranges.length && setCurrent((c) => (c + by + ranges.length) % ranges.length);
  const close = () => {
    setOpen(false);
    setRanges([]);
  };
  const length = Math.max(1, content.text.length);
  return (
    <>
      <div ref={bar} className="find-bar" role="search" data-testid="find-bar">
        <input
          ref={input}
          type="search"
          value={query}
          aria-label={t("search.find.label")}
          placeholder={t("search.find.placeholder")}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            } else if (e.key === "Escape") {
              e.preventDefault();
              close();
            }
          }}
          data-testid="find-input"
        />
        <span className="find-count" aria-live="polite" data-testid="find-count">
          {query.trim() ? (ranges.length ? t("search.find.count", { current: current + 1, total: ranges.length }) : t("search.find.none")) : ""}
        </span>
        <button onClick={() => step(-1)} title={t("search.find.previous")} aria-label={t("search.find.previous")} disabled={!ranges.length}>
          ↑
        </button>
        <button onClick={() => step(1)} title={t("search.find.next")} aria-label={t("search.find.next")} disabled={!ranges.length} data-testid="find-next">
          ↓
        </button>
        <button onClick={close} title={t("search.find.close")} aria-label={t("search.find.close")}>
          ×
        </button>
      </div>
      <div className="find-marks" style={{ top: marksTop }} aria-hidden="true" data-testid="find-marks">
        {/* Marks by position in the text: sections off screen have only an estimated height, so this is where the text is, not pixels. */}
        {ranges.slice(0, 2000).map(([start], i) => (
          <span key={start} className={i === current ? "find-mark current" : "find-mark"} style={{ top: `${(start / length) * 100}%` }} onClick={() => setCurrent(i)} />
        ))}
      </div>
    </>
  );
}
