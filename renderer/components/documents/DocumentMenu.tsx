import { useTranslation } from "react-i18next";
import type { DocumentGroup, DocumentMeta } from "../../../shared/index.js";
import { Popover } from "../codebook/Popover.js";

export type DocumentAction = "rename" | "delete" | "moveUp" | "moveDown";

export interface DocumentMenuProps {
  doc: DocumentMeta;
  x: number;
  y: number;
  groups: DocumentGroup[];
  canMoveUp: boolean;
  canMoveDown: boolean;
  onAction(action: DocumentAction): void;
  /** Puts the document into the group, or takes it out. */
  onGroup(group: DocumentGroup, member: boolean): void;
  onClose(): void;
}

/** A document's actions and its groups (ticked: it is in the group), from its "⋯" button or a right-click. */
export function DocumentMenu({ doc, x, y, groups, canMoveUp, canMoveDown, onAction, onGroup, onClose }: DocumentMenuProps) {
  const { t } = useTranslation();
  const item = (action: DocumentAction, disabled = false) => (
    <button key={action} type="button" role="menuitem" className={`menu-item${action === "delete" ? " danger" : ""}`} data-action={action} disabled={disabled} onClick={() => onAction(action)}>
      {t(`documents.menu.${action}`)}
    </button>
  );
  return (
    <Popover x={x} y={y} role="menu" label={t("documents.actions", { title: doc.title })} className="code-menu document-menu" testId="document-menu" onClose={onClose}>
      <div
        onKeyDown={(e) => {
          const items = [...e.currentTarget.querySelectorAll<HTMLElement>("[role^=menuitem]:not(:disabled)")];
          const at = items.indexOf(document.activeElement as HTMLElement);
          let next: HTMLElement | undefined;
          if (e.key === "ArrowDown") next = items[(at + 1) % items.length];
          else if (e.key === "ArrowUp") next = items[(at - 1 + items.length) % items.length];
          else if (e.key === "Tab") return onClose();
          else return;
          e.preventDefault();
          next?.focus();
        }}
      >
        {item("rename")}
        {item("moveUp", !canMoveUp)}
        {item("moveDown", !canMoveDown)}
        <div className="menu-heading" role="presentation">
          {t("documents.menu.groups")}
        </div>
        {groups.length === 0 && <p className="menu-note">{t("documents.menu.noGroups")}</p>}
        {groups.map((group) => {
          const member = group.documentIds.includes(doc.id);
          return (
            <button key={group.id} type="button" role="menuitemcheckbox" aria-checked={member} className="menu-item menu-check" data-testid="menu-group" onClick={() => onGroup(group, !member)}>
              <span aria-hidden="true">{member ? "☑" : "☐"}</span> {group.name}
            </button>
          );
        })}
        {item("delete")}
      </div>
    </Popover>
  );
}
