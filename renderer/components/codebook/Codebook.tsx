import { useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { batch, coderCodeCounts, escapeCodeName, flattenCodebook, nextOrder, parseCodePath, planCodePath, TandaiError, type Code, type CodeId } from "../../../shared/index.js";
import { useApp } from "../../state/app.js";
import { useProject } from "../../state/context.js";
import type { CodeAction } from "./CodeMenu.js";
import { CodeOverlays, type DialogState, type Floating } from "./CodeOverlays.js";
import { MemoCodeRow, useRowHandlers } from "./rowHandlers.js";
import { codeRowLabels } from "./rowLabels.js";
import { codebookView, nameProblem, newCodeSlot, renameProblem, subtreeOf, typedName, visibleRows } from "./model.js";
import { useShownCoder } from "../agreement/onlyMine.js";
import { NameInput } from "./NameInput.js";
import { NewCodeRow } from "./NewCodeRow.js";
import { useAfterRender } from "./useAfterRender.js";
import { useCollapsed } from "./useCollapsed.js";
import { useApplyOp } from "./useApplyOp.js";
import { treeKey } from "./treeKeys.js";
import { useCodeDrag } from "./useCodeDrag.js";
import { useCodeKeys } from "./useCodeKeys.js";
import { CodebookTitle } from "./CodebookTitle.js";
import "./codebook.css";

export interface CodebookProps {
  selectedCodeId: CodeId | null;
  onSelect(codeId: CodeId | null): void;
}

type Editing = { kind: "new"; parentId: CodeId | null } | { kind: "rename"; codeId: CodeId };

/**
 * The codebook: the tree of codes with their counts and shortcut digits, and everything a
 * researcher does to it (create, rename, recolour, nest, merge, delete).
 */
export function Codebook({ selectedCodeId, onSelect }: CodebookProps) {
  const { t, i18n } = useTranslation();
  const { state, version, shape, index, loading } = useProject();
  const { showError } = useApp();
  const apply = useApplyOp();
  const { collapsed, expand, toggle } = useCollapsed();
  const { treeRef, newButtonRef, pendingFocus, pendingReveal, rowElement } = useAfterRender(selectedCodeId, state, expand);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [floating, setFloating] = useState<Floating | null>(null);
  const [dialog, setDialog] = useState<DialogState | null>(null);

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

  function create(typed: string, parentId: CodeId | null) {
    setEditing(null);
    // A path ("Hambatan/Anggaran") creates its missing levels in one undo step.
    const { codeId, create: ops } = planCodePath(state, parseCodePath(typed), parentId, new Date().toISOString());
    void apply(batch(ops)).then((ok) => {
      if (!ok) return;
      pendingFocus.current = codeId;
      pendingReveal.current = codeId;
      onSelect(codeId);
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

  const slot = editing?.kind === "new" ? newCodeSlot(rows, editing.parentId) : { at: -1, depth: 0 };
  const newRow =
    editing?.kind === "new" ? (
      <NewCodeRow
        key="new-code"
        state={state}
        parentId={editing.parentId}
        depth={slot.depth}
        onSubmit={(name) => create(name, editing.parentId)}
        onCancel={() => {
          setEditing(null);
          pendingFocus.current = editing.parentId ?? "new-button";
        }}
      />
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
    if (index === slot.at) items.push(newRow);
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
  if (slot.at >= rows.length) items.push(newRow);

  return (
    <section className="codebook" data-testid="codebook" aria-label={t("codebook.title")}>
      <CodebookTitle
        total={view.rows.length}
        newButtonRef={newButtonRef}
        onNew={() => {
          setFloating(null);
          setEditing({ kind: "new", parentId: null });
        }}
      />
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
