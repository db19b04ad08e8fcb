import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  byCoder,
  escapeCodeName,
  newCodingId,
  offset,
  toErrorPayload,
  type CodeId,
  type CodingId,
  type DocumentContent,
  type DocumentId,
  type Stance,
} from "../../shared/index.js";
import { DocumentView } from "../editor/index.js";
import type { FindMatches } from "../editor/findHighlights.js";
import { FindBar } from "./search/index.js";
import { useApp } from "../state/app.js";
import { useMirror, useProject } from "../state/context.js";
import { useDocumentContent } from "../state/documents.js";
import { OnlyMineSwitch, useShownCoder } from "./agreement/index.js";
import { AttributesSection } from "./attributes/index.js";
import { CodingsProgress } from "./loading/index.js";
import { useCodeKeys } from "./codebook/index.js";
import { CodePalette } from "./CodePalette.js";
import { CodingPopover } from "./CodingPopover.js";
import { isTyping } from "./useUndoShortcuts.js";
import { drawnCoding, useSavingCodings, withSaving } from "./savingCodings.js";

export interface Focus {
  documentId: DocumentId;
  start: number;
  end: number;
  nonce: number;
}

type Range = { start: number; end: number };

/** One document in the coding view, with the selection toolbar that applies codes. */
export function DocumentPane({ documentId, focus, onSimilar }: { documentId: DocumentId; focus: Focus | null; onSimilar?(codingId: CodingId): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const mirror = useMirror();
  const { state, shape, index, loading } = useProject();
  const content = useDocumentContent(documentId);
  const [selection, setSelection] = useState<Range | null>(null);
  const [stance, setStance] = useState<Stance>("supports");
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [clicked, setClicked] = useState<{ ids: CodingId[]; at: { x: number; y: number }; byKey: boolean } | null>(null);
  const [caret, setCaret] = useState<{ selection: boolean; ids: CodingId[] } | null>(null);
  const [find, setFind] = useState<FindMatches | null>(null);
  const doc = state.documents[documentId]!;
  // Opened before the background load reached it (issue 13's two-step open): its codings come first.
  const loaded = index.isLoaded(documentId);
  useEffect(() => {
    if (!loaded) mirror.prioritise(documentId);
  }, [mirror, documentId, loaded]);
  // Drawn (the view's own effects ran first): the rest of the project's codings may load now.
  const drawn = loaded && content.status === "ready";
  useEffect(() => {
    if (drawn) mirror.afterFirstScreen();
  }, [mirror, drawn]);

  // New arrays only when the project changed, so the view diffs codings only then.
  const shownCoder = useShownCoder();
  // Keyed on this document's version, not the project's: the background load of other documents'
  // codings (issue 13), or coding elsewhere, does not make the view diff its codings again.
  const documentVersion = index.documentVersion(documentId);
  // Applied, removed or changed here and not answered yet: drawn as done, while a note says they are saving.
  const saving = useSavingCodings();
  // The header counts what is saved, as the codebook does; the view draws what is being saved too.
  const saved = useMemo(() => byCoder(index.codingsOf(state, documentId), shownCoder), [state, index, documentVersion, documentId, shownCoder]);
  const codings = useMemo(() => withSaving(saved, saving, documentId, state), [saved, saving, documentId, state]);
  // The codes change with the project's shape alone, not after each coding (ProjectSnapshot.shape).
  const codes = useStableRecord(state.codes, shape);
  // Keys 1–9 as the codebook shows them (pinned, then leaf codes in creation order: shared/codebook/keys.ts).
  const { bindings, byKey } = useCodeKeys();

  const applyCode = useCallback(
    (codeId: CodeId) => {
      if (!selection) return;
      const coding = {
        id: newCodingId(),
        documentId,
        codeId,
        start: offset(selection.start),
        end: offset(selection.end),
        coder: app.preferences.coderName || t("app.coding.anonymous"),
        stance,
        createdAt: new Date().toISOString(),
      };
      void saving.hold(coding.id, coding, () => mirror.apply({ type: "addCoding", coding })).catch((e: unknown) => app.showError(toErrorPayload(e)));
    },
    [selection, documentId, stance, app, mirror, t, saving],
  );

  // Keys 1–9 apply the code bound to them (useCodeKeys) to the selection. A layout effect, so the
  // listener that knows the new selection is in place as soon as the bar shows it: with a passive
  // effect a key pressed in between went to the previous listener, which saw no selection.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!selection || isTyping(e.target)) return;
      const command = e.ctrlKey || e.metaKey;
      if ((command && e.key === "k") || (!command && e.key === "/")) {
        e.preventDefault();
        setPaletteOpen(true);
        return;
      }
      const shortcut = !command && !e.altKey ? byKey.get(Number(e.key))?.code : undefined;
      if (shortcut) {
        e.preventDefault();
        applyCode(shortcut.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selection, byKey, applyCode]);

  // What a screen reader hears as the caret moves: the codes of the passage under it.
  const caretNames = caret ? [...new Set(caret.ids.map((id) => state.codings[id]?.codeId).map((id) => (id ? state.codes[id]?.name : undefined)).filter((n) => n !== undefined))] : [];
  const announcement = !caret
    ? ""
    : caretNames.length
      ? t(caret.selection ? "editor.caret.selectionCodes" : "editor.caret.codes", { codes: caretNames.join(", ") })
      : t(caret.selection ? "editor.caret.selectionNone" : "editor.caret.none");

  // Opened from the keyboard, the coding popover takes the focus, and gives it back to the text.
  const popoverByKey = clicked?.byKey ?? false;
  useEffect(() => {
    if (!popoverByKey) return;
    // The stance first, not the remove button, so a second Enter removes nothing.
    const popover = document.querySelector('[data-testid="coding-popover"]');
    (popover?.querySelector<HTMLElement>("select") ?? popover?.querySelector<HTMLElement>("button"))?.focus();
    return () => document.querySelector<HTMLElement>("[data-testid=document-scroll] .ProseMirror")?.focus();
  }, [popoverByKey]);

  return (
    <div className="document-pane" data-testid="document-pane">
      <div className="document-header">
        <h2 data-testid="document-title">{doc.title}</h2>
        <span className="muted" data-testid="document-meta">
          {loaded && t("app.document.meta", { codings: t("app.document.codings", { count: saved.length }), paragraphs: t("app.document.paragraphs", { count: doc.blockCount }) })}
          {doc.pageCount ? ` · ${t("app.document.pages", { count: doc.pageCount })}` : ""}
        </span>
        <OnlyMineSwitch />
      </div>
      <AttributesSection target={{ kind: "document", id: documentId }} />
      <div className={`selection-bar ${selection ? "active" : ""}`} data-testid="selection-bar" aria-hidden={!selection}>
        {selection ? (
          <>
            <div className="stance-toggle" role="radiogroup" aria-label={t("app.coding.stance")}>
              {(["supports", "contradicts"] as const).map((s) => (
                <button key={s} role="radio" aria-checked={stance === s} className={stance === s ? `active ${s}` : s} onClick={() => setStance(s)} data-testid={`stance-${s}`}>
                  {t(`app.stance.${s}`)}
                </button>
              ))}
            </div>
            <div className="quick-codes">
              {bindings.map(({ key, code }) => (
                <button key={code.id} onClick={() => applyCode(code.id)} title={t("app.coding.applyHint", { key })} data-testid="quick-code" data-code-id={code.id}>
                  <span className="swatch" style={{ background: code.color }} />
                  <kbd>{key}</kbd> {escapeCodeName(code.name)}
                </button>
              ))}
            </div>
            <button onClick={() => setPaletteOpen(true)} data-testid="open-palette" title={t("app.palette.hint")}>
              {t("app.palette.open")}
            </button>
          </>
        ) : (
          <span className="muted selection-hint" title={t("app.coding.selectHint")}>{t("app.coding.selectHint")}</span>
        )}
      </div>
      {content.status === "ready" && <FindBar content={content.content as DocumentContent} onChange={setFind} />}
      <div className="document-scroll" data-testid="document-scroll" data-document-view>
        {content.status === "ready" && !loaded && (loading?.failed ? <CodingsProgress loading={loading} /> : <p className="empty" role="status" data-testid="document-codings-loading">{t("loadingCodings.document")}</p>)}
        {content.status === "ready" && loaded && (
          <DocumentView
            content={content.content as DocumentContent}
            codings={codings}
            codes={codes}
            onSelectionChange={setSelection}
            onCodingsClick={(ids, at, via) => setClicked({ ids, at, byKey: via === "keyboard" })}
            onCaretChange={(range, ids) => setCaret({ selection: range.end > range.start, ids })}
            focus={focus ?? undefined}
            label={t("editor.documentText")}
            describedBy="document-keys-hint"
            find={find}
          />
        )}
        {content.status === "loading" && <p className="empty">{t("app.loading")}</p>}
        {content.status === "error" && <p className="empty">{t(content.error.code, content.error.params)}</p>}
      </div>
      <p id="document-keys-hint" className="visually-hidden">
        {t("editor.keysHint")}
      </p>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="caret-codes">
        {announcement}
      </div>
      {saving.held.size > 0 && (
        <div className="codings-saving" data-testid="codings-saving">
          {t("app.coding.saving")}
        </div>
      )}
      {paletteOpen && (
        <CodePalette
          onClose={() => setPaletteOpen(false)}
          onPick={(codeId) => {
            applyCode(codeId);
            setPaletteOpen(false);
          }}
        />
      )}
      {clicked && (
        <CodingPopover
          codingIds={clicked.ids}
          at={clicked.at}
          onClose={() => setClicked(null)}
          drawn={(id) => drawnCoding(saving, id, state)}
          onRemove={(codingId) => void saving.hold(codingId, null, () => mirror.apply({ type: "removeCoding", codingId })).catch(app.showError)}
          onStance={(coding, stance) => void saving.hold(coding.id, { ...coding, stance }, () => mirror.apply({ type: "setStance", codingId: coding.id, stance })).catch(app.showError)}
          onSimilar={onSimilar}
        />
      )}
    </div>
  );
}

/**
 * A copy of `record` that stays the same object while none of its entries changed (operations
 * replace a code's object when they change it), so a new project version that left the codes alone
 * does not make the view redraw its highlights.
 */
function useStableRecord<T extends object>(record: Readonly<Record<string, T>>, version: number): Readonly<Record<string, T>> {
  const kept = useRef<Readonly<Record<string, T>> | null>(null);
  return useMemo(() => {
    const before = kept.current;
    const keys = Object.keys(record);
    if (before && keys.length === Object.keys(before).length && keys.every((key) => before[key] === record[key])) return before;
    return (kept.current = { ...record });
  }, [record, version]);
}
