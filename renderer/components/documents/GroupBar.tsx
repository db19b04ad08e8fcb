import { useTranslation } from "react-i18next";
import type { DocumentGroup, DocumentGroupId } from "../../../shared/index.js";

export interface GroupBarProps {
  groups: DocumentGroup[];
  /** The group the list shows (null: every document). */
  filter: DocumentGroupId | null;
  onFilter(id: DocumentGroupId | null): void;
  onRename(group: DocumentGroup): void;
  onDelete(group: DocumentGroup): void;
}

/** The document groups as a row of filters: pick one to see its documents; rename or delete it beside. */
export function GroupBar({ groups, filter, onFilter, onRename, onDelete }: GroupBarProps) {
  const { t } = useTranslation();
  if (groups.length === 0) return null;
  return (
    <div className="document-groupbar" role="group" aria-label={t("documents.groups.title")} data-testid="document-groupbar">
      <button type="button" className="group-chip" aria-pressed={filter === null} onClick={() => onFilter(null)} data-testid="group-filter-all">
        {t("documents.groups.all")}
      </button>
      {groups.map((group) => (
        <span key={group.id} className={`group-chip-wrap${filter === group.id ? " active" : ""}`}>
          <button
            type="button"
            className="group-chip"
            aria-pressed={filter === group.id}
            title={t("documents.groups.members", { count: group.documentIds.length })}
            onClick={() => onFilter(filter === group.id ? null : group.id)}
            data-testid="group-filter"
            data-group-id={group.id}
          >
            {group.name} <span className="count">{group.documentIds.length}</span>
          </button>
          {filter === group.id && (
            <>
              <button type="button" className="group-action" onClick={() => onRename(group)} data-testid="group-rename" title={t("documents.groups.renameTitle")}>
                {t("documents.groups.rename")}
              </button>
              <button type="button" className="group-action danger" onClick={() => onDelete(group)} data-testid="group-delete" title={t("documents.groups.delete")}>
                ×
              </button>
            </>
          )}
        </span>
      ))}
    </div>
  );
}
