import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { sortedGroups, type DocumentGroupId } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import "./documents.css";

/**
 * "Documents: all | group X": narrows a view (Retrieve, Charts, the frequency table, an export) to
 * the documents of one group. Shown only once the project has groups; a group that an undo or a
 * delete removed falls back to all documents.
 */
export function GroupScopePicker({ value, onChange, testId = "group-scope" }: { value: DocumentGroupId | null; onChange(id: DocumentGroupId | null): void; testId?: string }) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const groups = useMemo(() => sortedGroups(state), [state, version]);
  const gone = value !== null && !state.documentGroups[value];
  useEffect(() => {
    if (gone) onChange(null);
  }, [gone]);
  if (groups.length === 0) return null;
  return (
    <label className="scope-picker">
      <span>{t("documents.scope.label")}</span>
      <select value={gone ? "" : (value ?? "")} onChange={(e) => onChange((e.target.value || null) as DocumentGroupId | null)} data-testid={testId}>
        <option value="">{t("documents.scope.all")}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {t("documents.scope.group", { name: g.name })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The scope's group as the list the API and export requests take. */
export const groupIds = (id: DocumentGroupId | null): DocumentGroupId[] => (id ? [id] : []);
