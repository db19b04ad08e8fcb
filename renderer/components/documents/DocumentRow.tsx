import { memo, type KeyboardEvent, type PointerEvent } from "react";
import type { DocumentId, DocumentMeta } from "../../../shared/index.js";
import { DocumentTitle } from "./DocumentTitle.js";
import type { DocumentRowLabels } from "./rowLabels.js";

export interface DocumentRowProps {
  doc: DocumentMeta;
  count: number;
  /** The names of the groups it is in. */
  groups: string;
  /** Where the title starts to differ from another one that begins the same way (titleTails), if it does. */
  tailFrom: number | undefined;
  selected: boolean;
  dragging: boolean;
  dropBefore: boolean;
  /** Its words, made once per list and language (the row is drawn again when the language changes). */
  labels: DocumentRowLabels;
  onSelect(id: DocumentId): void;
  onMenu(id: DocumentId, x: number, y: number): void;
  onKey(id: DocumentId, e: KeyboardEvent<HTMLElement>): void;
  onGrip(id: DocumentId, e: PointerEvent<HTMLElement>): void;
}

/**
 * One document: its title (whole words, at most two lines, the rest in its tooltip), and under it
 * its type, its codings and its groups, so that in a 200 px list (a 1024 px screen) they do not
 * squeeze the title into a column a word wide; "⋯" and a right-click open its actions, the grip
 * drags it to another place in the list. Memoised, so coding in one document re-renders only that
 * document's row.
 */
export const DocumentRow = memo(function DocumentRow({ doc, count, groups, tailFrom, selected, dragging, dropBefore, labels, onSelect, onMenu, onKey, onGrip }: DocumentRowProps) {
  const actions = labels.actions(doc.title);
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
        // The whole title first: the row shows at most two lines of it.
        title={`${doc.title}\n${labels.rowHint(doc.sourceName)}`}
      >
        <span className="document-text">
          {/* Clamped to two lines (documents.css): the whole title is in the tooltip, and in the
              button's name for a screen reader (clamped text is still text). A title that only
              another's end tells apart shows its start on one line and that end on the other. */}
          <DocumentTitle className="title" title={doc.title} tailFrom={tailFrom} />
          <span className="document-meta">
            <span className={`kind kind-${doc.kind}`}>{labels.kind(doc.kind)}</span>
            <span className="count" title={labels.codings(count)}>
              {count}
            </span>
            {groups && (
              <span className="document-groups muted" data-testid="document-groups">
                {labels.groupsOf(groups)}
              </span>
            )}
          </span>
        </span>
      </button>
      <button
        type="button"
        className="document-more"
        aria-haspopup="menu"
        aria-label={actions}
        title={actions}
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
