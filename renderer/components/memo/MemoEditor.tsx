import type { Editor, JSONContent, UseEditorOptions } from "@tiptap/react";
import { EditorContent, useEditor } from "@tiptap/react";
import type { EditorState } from "@tiptap/pm/state";
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { memoKey, type MemoTarget } from "../../../shared/index.js";
import { useApp } from "../../state/app.js";
import { useMirror, useProject } from "../../state/context.js";
import { memoExtensions, showsStored } from "./extensions.js";
import { MemoSaver, type SaveStatus } from "./memoSaver.js";
import { MemoToolbar } from "./MemoToolbar.js";
import "./memo.css";

export interface MemoEditorProps {
  target: MemoTarget;
  /** The heading, already translated, e.g. “Memo on “Motive””; also the editor's accessible name. */
  label: string;
  /** Overrides the hint shown while the memo is empty (default: one per kind of target). */
  placeholder?: string;
  /** Puts the caret in the memo when it opens (opened on purpose, as from a coding's Memo button). */
  autoFocus?: boolean;
}

/**
 * A rich-text memo on the project, a document, a code or a single coding. It saves itself as
 * `setMemo` operations a moment after typing stops, and on blur and unmount, so typing is never
 * lost; an emptied memo is deleted. A memo changed from elsewhere (undo, redo) is reloaded unless
 * the researcher is typing in it.
 */
export function MemoEditor(props: MemoEditorProps) {
  // A fresh editor per target: its own content and its own undo history.
  return <MemoEditorBody key={memoKey(props.target)} {...props} />;
}

/** Only a lone empty paragraph shows the hint; an empty heading or list item already says what it is. */
function showsHint(state: EditorState): boolean {
  const { doc } = state;
  const first = doc.firstChild;
  return doc.childCount === 1 && first !== null && first.type.name === "paragraph" && first.content.size === 0;
}

function MemoEditorBody({ target, label, placeholder, autoFocus }: MemoEditorProps) {
  const { t } = useTranslation();
  const mirror = useMirror();
  const { state } = useProject();
  const { showError } = useApp();
  const key = memoKey(target);
  const stored = state.memos[key];
  const hint = placeholder ?? t(`memo.placeholder.${target.kind}`);
  const labelId = useId();
  const [status, setStatus] = useState<SaveStatus>("idle");

  // What callbacks that outlive a render (editor events, timers, unmount) must see: the latest.
  const live = useRef({ mirror, showError, hint });
  useLayoutEffect(() => {
    live.current = { mirror, showError, hint };
  });
  const saverRef = useRef<MemoSaver | null>(null);
  const editorRef = useRef<Editor | null>(null);

  /** Shows what the project holds, unless the researcher is typing or a save is on its way. */
  const reconcileRef = useRef(() => {
    const editor = editorRef.current;
    const saver = saverRef.current;
    if (!editor || editor.isDestroyed || !saver) return;
    if (editor.isFocused || saver.busy) return; // again on blur, or once the saves are through
    const content = live.current.mirror.current.state.memos[key]?.content ?? null;
    if (!showsStored(editor.state.doc, content, editor.schema)) {
      editor
        .chain()
        .setMeta("addToHistory", false)
        .setContent((content ?? "") as JSONContent | string, { emitUpdate: false })
        .run();
    }
    saver.loaded(editor.state.doc);
  });

  // Stable options: a new object per render would make Tiptap re-apply them on every project change.
  const [options] = useState<UseEditorOptions>(() => ({
    extensions: memoExtensions,
    content: (stored?.content ?? null) as JSONContent | null,
    editorProps: {
      attributes: (editorState: EditorState) => ({
        class: showsHint(editorState) ? "memo-content is-editor-empty" : "memo-content",
        "data-placeholder": live.current.hint,
        "aria-labelledby": labelId,
        "aria-multiline": "true",
      }),
    },
    onUpdate: ({ editor }) => saverRef.current?.changed(editor.state.doc),
    onBlur: () => {
      saverRef.current?.flush();
      reconcileRef.current();
    },
  }));
  const editor = useEditor(options);
  editorRef.current = editor;

  const [saver] = useState(
    () =>
      new MemoSaver(target, editor?.state.doc ?? null, {
        apply: (op) => live.current.mirror.apply(op),
        onStatus: setStatus,
        onError: (error) => live.current.showError(error),
        onSettled: () => reconcileRef.current(),
      }),
  );
  saverRef.current = saver;

  // Never lose typing: whatever is pending is saved when the editor goes away.
  useEffect(() => () => saver.flush(), [saver]);

  // The memo changed in the project (our own save coming back, undo, redo): show it if idle.
  useEffect(() => {
    reconcileRef.current();
  }, [stored, editor]);

  // Opened to write in: the caret goes to the end of what is there, ready to type.
  useEffect(() => {
    if (autoFocus && editor && !editor.isDestroyed) editor.commands.focus("end", { scrollIntoView: false });
  }, [editor]);

  // The hint follows the language; an empty transaction makes ProseMirror recompute the attributes.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta("addToHistory", false));
  }, [editor, hint]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || !editor || editor.isDestroyed) return;
    const k = e.key.toLowerCase();
    // Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z in the memo are the memo's own undo, not the project's.
    if ((k === "z" || k === "y") && editor.view.dom.contains(e.target as Node)) e.stopPropagation();
  };

  // A click on the padding below the text puts the caret at the end, as in a text field.
  const onSurfaceMouseDown = (e: MouseEvent) => {
    if (!editor || editor.isDestroyed || editor.view.dom.contains(e.target as Node)) return;
    if ((e.target as HTMLElement).closest(".memo-toolbar")) return;
    e.preventDefault();
    editor.commands.focus("end");
  };

  const statusText = status === "pending" || status === "saving" ? t("memo.status.saving") : status === "saved" ? t("memo.status.saved") : status === "error" ? t("memo.status.error") : "";

  return (
    <section className="memo-editor" data-testid="memo-editor" data-memo-editor="" data-memo-key={key} aria-labelledby={labelId} onKeyDown={onKeyDown}>
      <header className="memo-header">
        <span className="memo-label" id={labelId} title={label}>
          {label}
        </span>
        <span className="memo-status" data-testid="memo-status" data-state={status} role="status">
          {statusText}
        </span>
      </header>
      <div className="memo-surface" onMouseDown={onSurfaceMouseDown}>
        <MemoToolbar editor={editor} />
        <EditorContent editor={editor} className="memo-body" />
      </div>
    </section>
  );
}
