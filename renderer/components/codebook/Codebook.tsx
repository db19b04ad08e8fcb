import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { coderCodeCounts, escapeCodeName, flattenCodebook, newCodeId, nextCodeColor, nextOrder, parseCodePath, planCodePath, TandaiError, type Code, type CodeId } from "../../../shared/index.js";
import { useApp } from "../../state/app.js";
import { useProject } from "../../state/context.js";
import type { CodeAction } from "./CodeMenu.js";
import { CodeOverlays, type DialogState, type Floating } from "./CodeOverlays.js";
import { MemoCodeRow, useRowHandlers } from "./rowHandlers.js";
import { codeRowLabels } from "./rowLabels.js";
import { ancestorsOf, codebookView, nameProblem, newCodeProblem, renameProblem, subtreeOf, typedName, visibleRows } from "./model.js";
import { useShownCoder } from "../agreement/onlyMine.js";
import { NameInput } from "./NameInput.js";
import { useApplyOp } from "./useApplyOp.js";
import { treeKey } from "./treeKeys.js";
import { useCodeDrag } from "./useCodeDrag.js";
import { useCodeKeys } from "./useCodeKeys.js";
import { ImportCodebookButton } from "./ImportCodebookButton.js";
import "./codebook.css";

export interface CodebookProps {
  selectedCodeId: CodeId | null;
  onSelect(codeId: CodeId | null): void;
}

type Editing = { kind: "new"; parentId: CodeId | null } | { kind: "rename"; codeId: CodeId };

const INDENT = 14;
const emptyDescription = () => ({ definition: "", whenToUse: "", whenNotToUse: "" });

/**
 * The codebook: the tree of codes with their counts and shortcut digits, and everything a
 * researcher does to it (create, rename, recolour, nest, merge, delete).
 */
export function Codebook({ selectedCodeId, onSelect }: CodebookProps) {
  const { t, i18n } = useTranslation();
  const { state, version, shape, index, loading } = useProject();
  const { showError } = useApp();
  const apply = useApplyOp();
  const treeRef = useRef<HTMLDivElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<CodeId>>(() => new Set());
  const [editing, setEditing] = useState<Editing | null>(null);
  const [floating, setFloating] = useState<Floating | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  /** Where focus goes once the next render has put it on screen (after an inline edit closes). */
  const pendingFocus = useRef<CodeId | "new-button" | null>(null);
  const pendingReveal = useRef<CodeId | null>(null);
  const [importSummary, setImportSummary] = useState<string | null>(null);

  // Under "only my codings" the counts are that coder's, as the document and Retrieve show.
  const shownCoder = useShownCoder();
  // The tree changes with the codes alone (ProjectSnapshot.shape); the counts after every coding.
  const tree = useMemo(() => flattenCodebook(state), [state, shape]);
  const view = useMemo(
    // One coder's counts need every coding: not known (NaN, shown as "…") until they are all loaded.
    () => codebookView(state, shownCoder === null ? (id) => index.countForCode(id) : loading ? () => NaN : coderCodeCounts(Object.values(state.codings), shownCoder), tree),
    [state, index, version, shownCoder, loading, tree],
  );
  const rows = useMemo(() => visibleRows(view, collapsed), [view, collapsed]);
  // Keys 1–9: pinned codes keep theirs; the rest go to leaf codes in creation order.
  const { keyOf: shortcuts } = useCodeKeys();

  const rowElement = (id: CodeId) => treeRef.current?.querySelector<HTMLElement>(`[data-testid="code-row"][data-code-id="${id}"]`) ?? null;

  // A code selected elsewhere (a highlight in the text, a search) is revealed in the tree.
  useEffect(() => {
    if (!selectedCodeId || !state.codes[selectedCodeId]) return;
    pendingReveal.current = selectedCodeId;
    const ancestors = ancestorsOf(state, selectedCodeId);
    if (ancestors.some((id) => collapsed.has(id))) expand(...ancestors);
  }, [selectedCodeId]);

  useEffect(() => {
    const reveal = pendingReveal.current;
    const revealed = reveal ? rowElement(reveal) : null;
    if (revealed) {
      pendingReveal.current = null;
      revealed.scrollIntoView?.({ block: "nearest" });
    }
    const focus = pendingFocus.current;
    if (!focus) return;
    const target = focus === "new-button" ? newButtonRef.current : rowElement(focus);
    if (!target) return;
    pendingFocus.current = null;
    // Only take back focus that the closing field dropped, never focus the user moved elsewhere.
    if (!document.activeElement || document.activeElement === document.body) target.focus();
  });

  function expand(...ids: CodeId[]) {
    setCollapsed((previous) => {
      if (!ids.some((id) => previous.has(id))) return previous;
      const next = new Set(previous);
      for (const id of ids) next.delete(id);
      return next;
    });
  }

  function toggle(id: CodeId) {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  function create(typed: string, parentId: CodeId | null) {
    const names = parseCodePath(typed);
    // A path ("Hambatan/Anggaran") creates its missing levels in one undo step.
    if (names.length > 1) {
      setEditing(null);
      const { codeId, create: ops } = planCodePath(state, names, parentId, new Date().toISOString());
      void apply({ type: "batch", ops }).then((ok) => {
        if (!ok) return;
        pendingFocus.current = codeId;
        pendingReveal.current = codeId;
        onSelect(codeId);
      });
      return;
    }
    const name = names[0] ?? typed.trim();
    const code: Code = {
      id: newCodeId(),
      name,
      color: nextCodeColor(Object.keys(state.codes).length),
      parentId,
      order: nextOrder(state, parentId),
      description: emptyDescription(),
      createdAt: new Date().toISOString(),
    };
    setEditing(null);
    void apply({ type: "addCode", code }).then((ok) => {
      if (!ok) return;
      pendingFocus.current = code.id;
      pendingReveal.current = code.id;
      onSelect(code.id);
    });
  }

  function rename(id: CodeId, name: string) {
    setEditing(null);
    pendingFocus.current = id;
    if (state.codes[id] && state.codes[id].name !== name) void apply({ type: "updateCode", codeId: id, name });
  }

  function recolor(id: CodeId, color: string) {
    setFloating(null);
    pendingFocus.current = id;
    if (state.codes[id] && state.codes[id].color.toLowerCase() !== color.toLowerCase()) void apply({ type: "updateCode", codeId: id, color });
  }

  /** Nests `id` as the last child of `parentId` (null: the top level). */
  function move(id: CodeId, parentId: CodeId | null) {
    const code = state.codes[id];
    if (!code) return;
    if (parentId && subtreeOf(state, id).has(parentId)) return showError(new TandaiError("errors.op.codeCycle", { code: code.name }));
    const problem = nameProblem(state, code.name, parentId, id);
    if (problem) return showError(new TandaiError(problem.key, problem.params));
    if (parentId) expand(parentId);
    pendingReveal.current = id;
    void apply({ type: "moveCode", codeId: id, parentId, order: nextOrder(state, parentId) });
  }

  function merge(sourceId: CodeId, targetId: CodeId) {
    setDialog(null);
    const wasSelected = selectedCodeId === sourceId;
    pendingFocus.current = targetId;
    void apply({ type: "mergeCodes", sourceId, targetId }).then((ok) => {
      if (ok && wasSelected) onSelect(targetId);
    });
  }

  function remove(id: CodeId) {
    setDialog(null);
    const gone = subtreeOf(state, id);
    const index = rows.findIndex((row) => row.code.id === id);
    const neighbour = rows.slice(index + 1).find((row) => !gone.has(row.code.id)) ?? rows.slice(0, Math.max(0, index)).reverse()[0];
    const deselect = selectedCodeId !== null && gone.has(selectedCodeId);
    void apply({ type: "deleteCode", codeId: id }).then((ok) => {
      if (!ok) return;
      if (deselect) onSelect(null);
      if (neighbour) pendingFocus.current = neighbour.code.id;
    });
  }

  function runAction(action: CodeAction, code: Code) {
    const at = floating;
    setFloating(null);
    switch (action) {
      case "rename":
        return setEditing({ kind: "rename", codeId: code.id });
      case "recolor": {
        const rect = rowElement(code.id)?.getBoundingClientRect();
        return setFloating({ kind: "color", codeId: code.id, x: at?.x ?? rect?.left ?? 0, y: at?.y ?? rect?.bottom ?? 0 });
      }
      case "key": {
        const rect = rowElement(code.id)?.getBoundingClientRect();
        return setFloating({ kind: "key", codeId: code.id, x: at?.x ?? rect?.left ?? 0, y: at?.y ?? rect?.bottom ?? 0 });
      }
      case "child":
        expand(code.id);
        return setEditing({ kind: "new", parentId: code.id });
      case "move":
      case "merge":
      case "delete":
        return setDialog({ kind: action, codeId: code.id });
    }
  }

  function closeDialog(id: CodeId) {
    setDialog(null);
    pendingFocus.current = id;
  }

  function closeFloating(id: CodeId) {
    setFloating(null);
    pendingFocus.current = id;
  }

  function openMenu(id: CodeId, x: number, y: number) {
    setEditing(null);
    setFloating({ kind: "menu", codeId: id, x, y });
  }

  function focusRow(id: CodeId) {
    onSelect(id);
    rowElement(id)?.focus();
  }

  function onRowKey(e: KeyboardEvent<HTMLDivElement>, index: number) {
    if (e.target !== e.currentTarget) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const handled = treeKey(e.key, e.shiftKey, index, {
      rows,
      hasChildren: (id) => (view.stats.get(id)?.children ?? 0) > 0,
      collapsed,
      toggle,
      focus: focusRow,
      select: onSelect,
      rename: (id) => setEditing({ kind: "rename", codeId: id }),
      askDelete: (id) => setDialog({ kind: "delete", codeId: id }),
      openMenu: (id) => openMenu(id, rect.left + 24, rect.bottom),
    });
    if (handled) e.preventDefault();
  }

  const { drag, accepts, startDrag, endDrag, dragOver, dragLeave, drop } = useCodeDrag(state, {
    onStart: () => setFloating(null),
    onDrop: move,
  });

  // The inline field for a new code: at the top for a top-level code, else after its parent's subtree.
  let insertAt = -1;
  let newDepth = 0;
  if (editing?.kind === "new") {
    if (editing.parentId === null) insertAt = 0;
    else {
      const parentIndex = rows.findIndex((row) => row.code.id === editing.parentId);
      if (parentIndex >= 0) {
        newDepth = rows[parentIndex]!.depth + 1;
        insertAt = parentIndex + 1;
        while (insertAt < rows.length && rows[insertAt]!.depth >= newDepth) insertAt++;
      }
    }
  }
  const newParent = editing?.kind === "new" && editing.parentId ? state.codes[editing.parentId] : undefined;
  const newRow =
    editing?.kind === "new" ? (
      <div key="new-code" className="code-row new-code-row editing" role="none" style={{ paddingLeft: 4 + newDepth * INDENT }}>
        <span className="code-toggle" aria-hidden="true" />
        <span className="code-swatch" aria-hidden="true" style={{ background: nextCodeColor(Object.keys(state.codes).length) }} />
        <NameInput
          key={`new-${editing.parentId ?? "top"}`}
          initial=""
          label={newParent ? t("codebook.newChildLabel", { parent: newParent.name }) : t("codebook.newCode")}
          placeholder={newParent ? t("codebook.newChildPlaceholder", { parent: newParent.name }) : t("codebook.namePlaceholder")}
          check={(name) => newCodeProblem(state, name, editing.parentId)}
          onSubmit={(name) => create(name, editing.parentId)}
          onCancel={() => {
            setEditing(null);
            pendingFocus.current = editing.parentId ?? "new-button";
          }}
        />
      </div>
    ) : null;

  const selectedVisible = selectedCodeId !== null && rows.some((row) => row.code.id === selectedCodeId);
  const handlersOf = useRowHandlers((id) => ({
    onSelect: () => onSelect(id),
    onToggle: () => toggle(id),
    onRename: () => setEditing({ kind: "rename", codeId: id }),
    onMenu: (x, y) => openMenu(id, x, y),
    onRecolor: (x, y) => setFloating({ kind: "color", codeId: id, x, y }),
    onKeyDown: (e) => onRowKey(e, rows.findIndex((row) => row.code.id === id)),
    onDragStart: () => startDrag(id),
    onDragOver: (e) => dragOver(e, id),
    onDragLeave: () => dragLeave(id),
    onDrop: (e) => drop(e, id),
    onDragEnd: () => endDrag(),
  }));
  // The rows' words, once per language rather than five or six calls of i18next per row (issue 13).
  const labels = useMemo(() => codeRowLabels(t, i18n.language), [t, i18n.language]);
  const items: ReactNode[] = [];
  rows.forEach(({ code, depth }, index) => {
    if (index === insertAt) items.push(newRow);
    const stats = view.stats.get(code.id)!;
    const renaming = editing?.kind === "rename" && editing.codeId === code.id;
    const isDragged = drag?.codeId === code.id;
    const over = drag?.over === code.id && !isDragged;
    items.push(
      <MemoCodeRow
        key={code.id}
        code={code}
        depth={depth}
        stats={stats}
        shortcut={shortcuts.get(code.id) ?? null}
        pinned={code.key !== undefined && shortcuts.get(code.id) === code.key}
        selected={code.id === selectedCodeId}
        focusable={selectedVisible ? code.id === selectedCodeId : index === 0}
        expanded={!collapsed.has(code.id)}
        menuOpen={floating?.kind === "menu" && floating.codeId === code.id}
        nameEditor={
          renaming ? (
            <NameInput
              initial={escapeCodeName(code.name)}
              label={t("codebook.renameLabel", { name: code.name })}
              placeholder={t("codebook.namePlaceholder")}
              check={(name) => renameProblem(state, name, code.parentId, code.id)}
              onSubmit={(name) => rename(code.id, typedName(name))}
              onCancel={() => {
                setEditing(null);
                pendingFocus.current = code.id;
              }}
            />
          ) : null
        }
        drop={over ? (accepts(code.id) ? "into" : "refused") : null}
        dragging={isDragged}
        labels={labels}
        {...handlersOf(code.id)}
      />,
    );
  });
  if (insertAt >= rows.length || (insertAt === 0 && rows.length === 0)) items.push(newRow);

  return (
    <section className="codebook" data-testid="codebook" aria-label={t("codebook.title")}>
      <div className="panel-title codebook-title">
        <span>
          {t("codebook.title")} <span className="codebook-total">{view.rows.length}</span>
        </span>
        <button
          ref={newButtonRef}
          type="button"
          className="codebook-new"
          title={t("codebook.newCodeHint")}
          data-testid="new-code"
          onClick={() => {
            setFloating(null);
            setEditing({ kind: "new", parentId: null });
          }}
        >
          {t("codebook.newCode")}
        </button>
        <ImportCodebookButton onSummary={setImportSummary} />
      </div>
      {importSummary && (
        <p className="empty" role="status" data-testid="import-codebook-summary">
          {importSummary}
        </p>
      )}
      <div className="codebook-body">
        {view.rows.length === 0 && editing?.kind !== "new" && <p className="empty">{t("codebook.empty")}</p>}
        <div ref={treeRef} className={`codebook-tree${drag ? " is-dragging" : ""}`} role="tree" aria-label={t("codebook.tree")}>
          {items}
        </div>
        <div
          className={`codebook-root-drop${drag ? " visible" : ""}${drag?.over === "root" ? " active" : ""}`}
          data-testid="codebook-root-drop"
          onDragOver={(e) => dragOver(e, null)}
          onDragLeave={() => dragLeave("root")}
          onDrop={(e) => drop(e, null)}
        >
          <span>{t("codebook.rootDrop")}</span>
        </div>
      </div>

      <CodeOverlays
        floating={floating}
        dialog={dialog}
        canMerge={Object.keys(state.codes).length > 1}
        onAction={runAction}
        onCloseFloating={closeFloating}
        onCloseDialog={closeDialog}
        onRecolor={recolor}
        onKey={(codeId, key) => {
          closeFloating(codeId);
          void apply({ type: "setCodeKey", codeId, key });
        }}
        onMove={(codeId, parentId) => {
          closeDialog(codeId);
          move(codeId, parentId);
        }}
        onMerge={merge}
        onDelete={remove}
      />
    </section>
  );
}
