import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  moveDocumentOp,
  newDocumentGroupId,
  sortedDocuments,
  sortedGroups,
  type DocumentGroup,
  type DocumentGroupId,
  type DocumentId,
} from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { Dialog } from "../codebook/Dialog.js";
import { fold } from "../codebook/model.js";
import { useApplyOp } from "../codebook/useApplyOp.js";
import { DeleteDocumentDialog } from "./DeleteDocumentDialog.js";
import { DocumentMenu, type DocumentAction } from "./DocumentMenu.js";
import { DocumentRow } from "./DocumentRow.js";
import { GroupBar } from "./GroupBar.js";
import { NameDialog } from "./NameDialog.js";
import { useTitleTails } from "./DocumentTitle.js";
import { usePointerReorder } from "./usePointerReorder.js";
import { documentRowLabels } from "./rowLabels.js";
import "./documents.css";

type Dialogs =
  | { kind: "rename" | "delete"; documentId: DocumentId }
  | { kind: "newGroup" }
  | { kind: "renameGroup" | "deleteGroup"; group: DocumentGroup };

/**
 * The project's documents in the researcher's order, and everything done to them: rename, delete
 * (saying what goes with it), reorder (grip drag, Alt+↑/↓, the menu) and document groups.
 */
export function DocumentList({ selected, onSelect }: { selected: DocumentId | null; onSelect(id: DocumentId): void }) {
  const { t, i18n } = useTranslation();
  const { state, shape, index } = useProject();
  const apply = useApplyOp();
  const listRef = useRef<HTMLUListElement>(null);
  const [menu, setMenu] = useState<{ documentId: DocumentId; x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<Dialogs | null>(null);
  const [filter, setFilter] = useState<DocumentGroupId | null>(null);
  const pendingFocus = useRef<DocumentId | null>(null);

  // The order and the groups change with documents and groups alone, not after each coding (ProjectSnapshot.shape).
  const all = useMemo(() => sortedDocuments(state), [state, shape]);
  const groups = useMemo(() => sortedGroups(state), [state, shape]);
  const groupNames = useMemo(() => {
    const names = new Map<DocumentId, string[]>();
    for (const group of groups) for (const id of group.documentIds) names.set(id, [...(names.get(id) ?? []), group.name]);
    return names;
  }, [groups]);
  const tails = useTitleTails();
  // The rows' words, once per language rather than five calls of i18next per row (issue 13).
  const labels = useMemo(() => documentRowLabels(t, i18n.language), [t, i18n.language]);
  const shown = filter && state.documentGroups[filter] ? all.filter((d) => state.documentGroups[filter]!.documentIds.includes(d.id)) : all;

  // A group that an undo or delete removed is no longer the filter.
  useEffect(() => {
    if (filter && !state.documentGroups[filter]) setFilter(null);
  });

  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    listRef.current?.querySelector<HTMLElement>(`button[data-testid="document-row"][data-document-id="${id}"]`)?.focus();
  });

  const moveTo = useCallback(
    (id: DocumentId, to: number) => {
      const op = moveDocumentOp(state, id, to);
      pendingFocus.current = id;
      if (op) void apply(op);
    },
    [state, apply],
  );

  const { reorder, start } = usePointerReorder(
    () => listRef.current,
    (id, before) => {
      const without = all.map((d) => d.id).filter((d) => d !== id);
      moveTo(id, before ? without.indexOf(before) : without.length);
    },
  );

  const position = (id: DocumentId) => all.findIndex((d) => d.id === id);
  // Read by the rows' key handler, which stays the same function so that memoised rows do not all
  // re-render after every operation.
  const latest = useRef({ shown, moveTo, position });
  latest.current = { shown, moveTo, position };

  const onKey = useCallback(
    (id: DocumentId, e: KeyboardEvent<HTMLElement>) => {
      const { shown, moveTo, position } = latest.current;
      const at = shown.findIndex((d) => d.id === id);
      const focusRow = (to: number) => {
        const target = shown[to];
        if (target) listRef.current?.querySelector<HTMLElement>(`button[data-testid="document-row"][data-document-id="${target.id}"]`)?.focus();
      };
      if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
        // Next to the neighbour shown, so that it also works in a group's filtered list.
        const neighbour = shown[at + (e.key === "ArrowUp" ? -1 : 1)];
        if (neighbour) moveTo(id, position(neighbour.id));
      } else if (e.key === "ArrowDown") focusRow(at + 1);
      else if (e.key === "ArrowUp") focusRow(at - 1);
      else if (e.key === "F2") setDialog({ kind: "rename", documentId: id });
      else if (e.key === "Delete") setDialog({ kind: "delete", documentId: id });
      else if (e.key === "ContextMenu" || (e.key === "F10" && e.shiftKey)) {
        const rect = e.currentTarget.getBoundingClientRect();
        setMenu({ documentId: id, x: rect.left + 24, y: rect.bottom });
      } else return;
      e.preventDefault();
    },
    [],
  );

  const openMenu = useCallback((documentId: DocumentId, x: number, y: number) => setMenu({ documentId, x, y }), []);

  function runAction(action: DocumentAction, id: DocumentId) {
    setMenu(null);
    const at = shown.findIndex((d) => d.id === id);
    if (action === "rename" || action === "delete") return setDialog({ kind: action, documentId: id });
    const neighbour = shown[at + (action === "moveUp" ? -1 : 1)];
    if (neighbour) moveTo(id, position(neighbour.id));
  }

  function toggleGroup(group: DocumentGroup, documentId: DocumentId, member: boolean) {
    void apply(member ? { type: "addToDocumentGroup", groupId: group.id, documentId } : { type: "removeFromDocumentGroup", groupId: group.id, documentId });
  }

  const groupProblem = (name: string, selfId?: DocumentGroupId) => {
    if (!name) return t("documents.errors.emptyGroupName");
    const clash = groups.find((g) => g.id !== selfId && fold(g.name) === fold(name));
    return clash ? t("documents.errors.duplicateGroup", { name: clash.name }) : null;
  };

  const menuDoc = menu ? state.documents[menu.documentId] : undefined;
  const dialogDoc = dialog && (dialog.kind === "rename" || dialog.kind === "delete") ? state.documents[dialog.documentId] : undefined;

  return (
    <section className="documents" data-testid="documents">
      <div className="panel-title">
        <span>
          {t("app.documents.title")} <span className="count">{all.length}</span>
        </span>
        <button type="button" className="documents-new-group" title={t("documents.groups.newHint")} onClick={() => setDialog({ kind: "newGroup" })} data-testid="new-group">
          {t("documents.groups.new")}
        </button>
      </div>
      <GroupBar groups={groups} filter={filter} onFilter={setFilter} onRename={(group) => setDialog({ kind: "renameGroup", group })} onDelete={(group) => setDialog({ kind: "deleteGroup", group })} />
      {all.length === 0 && <p className="empty">{t("app.documents.empty")}</p>}
      {all.length > 0 && shown.length === 0 && <p className="empty">{t("documents.groups.emptyGroup")}</p>}
      <ul ref={listRef} className={`document-list${reorder ? " is-reordering" : ""}`}>
        {shown.map((doc) => (
          <DocumentRow
            key={doc.id}
            doc={doc}
            count={index.countForDocument(doc.id)}
            groups={groupNames.get(doc.id)?.join(", ") ?? ""}
            tailFrom={tails.get(doc.id)}
            selected={doc.id === selected}
            dragging={reorder?.documentId === doc.id}
            dropBefore={reorder !== null && reorder.before === doc.id && reorder.documentId !== doc.id}
            labels={labels}
            onSelect={onSelect}
            onMenu={openMenu}
            onKey={onKey}
            onGrip={start}
          />
        ))}
        {reorder && reorder.before === null && <li className="document-drop-end" aria-hidden="true" />}
      </ul>

      {menu && menuDoc && (
        <DocumentMenu
          doc={menuDoc}
          x={menu.x}
          y={menu.y}
          groups={groups}
          canMoveUp={shown.findIndex((d) => d.id === menuDoc.id) > 0}
          canMoveDown={shown.findIndex((d) => d.id === menuDoc.id) < shown.length - 1}
          onAction={(action) => runAction(action, menuDoc.id)}
          onGroup={(group, member) => toggleGroup(group, menuDoc.id, member)}
          onClose={() => setMenu(null)}
        />
      )}
      {dialog?.kind === "rename" && dialogDoc && (
        <NameDialog
          title={t("documents.rename.title")}
          label={t("documents.rename.label")}
          initial={dialogDoc.title}
          confirmLabel={t("documents.rename.confirm")}
          maxLength={300}
          testId="rename-document-dialog"
          check={(name) => (name ? null : t("documents.errors.emptyTitle"))}
          onCancel={() => setDialog(null)}
          onConfirm={(title) => {
            setDialog(null);
            pendingFocus.current = dialogDoc.id;
            void apply({ type: "renameDocument", documentId: dialogDoc.id, title });
          }}
        />
      )}
      {dialog?.kind === "delete" && dialogDoc && (
        <DeleteDocumentDialog
          documentId={dialogDoc.id}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void apply({ type: "removeDocument", documentId: dialogDoc.id });
          }}
        />
      )}
      {dialog?.kind === "newGroup" && (
        <NameDialog
          title={t("documents.groups.newTitle")}
          label={t("documents.groups.name")}
          placeholder={t("documents.groups.namePlaceholder")}
          initial=""
          confirmLabel={t("documents.groups.create")}
          maxLength={200}
          testId="new-group-dialog"
          check={(name) => groupProblem(name)}
          onCancel={() => setDialog(null)}
          onConfirm={(name) => {
            setDialog(null);
            const group = { id: newDocumentGroupId(), name, documentIds: [], createdAt: new Date().toISOString() };
            void apply({ type: "addDocumentGroup", group }).then((ok) => ok && setFilter(group.id));
          }}
        />
      )}
      {dialog?.kind === "renameGroup" && (
        <NameDialog
          title={t("documents.groups.renameTitle")}
          label={t("documents.groups.name")}
          initial={dialog.group.name}
          confirmLabel={t("documents.groups.rename")}
          maxLength={200}
          testId="rename-group-dialog"
          check={(name) => groupProblem(name, dialog.group.id)}
          onCancel={() => setDialog(null)}
          onConfirm={(name) => {
            setDialog(null);
            void apply({ type: "renameDocumentGroup", groupId: dialog.group.id, name });
          }}
        />
      )}
      {dialog?.kind === "deleteGroup" && (
        <Dialog
          title={t("documents.groups.delete")}
          confirmLabel={t("documents.groups.delete")}
          tone="danger"
          initialFocus="[data-testid=confirm]"
          testId="delete-group-dialog"
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void apply({ type: "deleteDocumentGroup", groupId: dialog.group.id });
          }}
        >
          <p className="dialog-text">{t("documents.groups.deleteQuestion", { name: dialog.group.name, count: dialog.group.documentIds.length })}</p>
        </Dialog>
      )}
    </section>
  );
}
