import { memo, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentId, DocumentMeta } from "../../../shared/index.js";

export interface DocumentRowProps {
  doc: DocumentMeta;
  count: number;
  /** The names of the groups it is in. */
  groups: string;
  selected: boolean;
  dragging: boolean;
  dropBefore: boolean;
  onSelect(id: DocumentId): void;
  onMenu(id: DocumentId, x: number, y: number): void;
  onKey(id: DocumentId, e: KeyboardEvent<HTMLElement>): void;
  onGrip(id: DocumentId, e: PointerEvent<HTMLElement>): void;
}

/**
 * One document: its full title (wrapped, never cut), its type, its groups and its codings; "⋯"
 * and a right-click open its actions, the grip drags it to another place in the list. Memoised, so
 * coding in one document re-renders only that document's row.
 */
export const DocumentRow = memo(function DocumentRow({ doc, count, groups, selected, dragging, dropBefore, onSelect, onMenu, onKey, onGrip }: DocumentRowProps) {
  const { t } = useTranslation();
  return (
    <li className={`document-row${dragging ? " dragging" : ""}${dropBefore ? " drop-before" : ""}`} data-document-id={doc.id}>
      <span className="document-grip" aria-hidden="true" data-testid="document-grip" onPointerDown={(e) => onGrip(doc.id, e)}>
        ⠿
      </span>
      <button
        className={selected ? "selected" : ""}
        onClick={() => onSelect(doc.id)}
        onKeyDown={(e) => onKey(doc.id, e)}
        onContextMenu={(e) => {
          e.preventDefault();
          onMenu(doc.id, e.clientX, e.clientY);
        }}
        data-testid="document-row"
        data-document-id={doc.id}
        title={t("documents.rowHint", { source: doc.sourceName })}
      >
        <span className={`kind kind-${doc.kind}`}>{t(`app.documents.kind.${doc.kind}`)}</span>
        <span className="document-text">
          <span className="title">{doc.title}</span>
          {groups && (
            <span className="document-groups muted" data-testid="document-groups">
              {t("documents.groupsOf", { groups })}
            </span>
          )}
        </span>
        <span className="count" title={t("app.documents.codings", { count })}>
          {count}
        </span>
      </button>
      <button
        type="button"
        className="document-more"
        aria-haspopup="menu"
        aria-label={t("documents.actions", { title: doc.title })}
        title={t("documents.actions", { title: doc.title })}
        data-testid="document-more"
        onClick={(e) => {
          const rect = e.currentTarget.getBoundingClientRect();
          onMenu(doc.id, rect.left, rect.bottom);
        }}
      >
        ⋯
      </button>
    </li>
  );
});
