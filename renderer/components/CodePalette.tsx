import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { codePathLabel, findCodes, flattenCodebook, formatCodePath, parseCodePath, planCodePath, type CodeId } from "../../shared/index.js";
import { useApp } from "../state/app.js";
import { useMirror, useProject } from "../state/context.js";
import { useCodeKeys } from "./codebook/index.js";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/**
 * Quick search over the codebook: type to filter (by any part of the code's path, accents
 * ignored), arrows to move, Enter to apply. With no match, Enter creates the code and applies it.
 */
export function CodePalette({ onPick, onClose }: { onPick(codeId: CodeId): void; onClose(): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const mirror = useMirror();
  const { state, version } = useProject();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const { keyOf } = useCodeKeys();

  // A group that cannot be applied (not codable, from a REFI-QDA project) is not offered.
  const all = useMemo(() => flattenCodebook(state).flatMap(({ code }) => (code.codable === false ? [] : [{ code, path: codePathLabel(state, code.id) }])), [state, version]);
  const matches = useMemo(() => {
    const words = fold(query).split(/[\s/]+/).filter(Boolean);
    return all.filter((row) => words.every((w) => fold(row.path).includes(w)));
  }, [all, query]);
  // The one "/" rule: "Hambatan/Anggaran" creates the missing levels, "\/" is a slash in a name.
  const typed = parseCodePath(query);
  const canCreate = typed.length > 0 && findCodes(state, query).length === 0;
  const count = matches.length + (canCreate ? 1 : 0);

  const choose = async (index: number) => {
    const row = matches[index];
    if (row) return onPick(row.code.id);
    if (!canCreate) return;
    let planned;
    try {
      planned = planCodePath(state, typed, null, new Date().toISOString());
    } catch (error) {
      return app.showError(error);
    }
    const { codeId, create } = planned;
    await mirror.apply({ type: "batch", ops: create }).then(() => onPick(codeId), app.showError);
  };

  return (
    <div className="dialog-backdrop palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-label={t("app.palette.title")} data-testid="palette">
        <input
          type="search"
          autoFocus
          value={query}
          placeholder={t("app.palette.placeholder")}
          data-testid="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") onClose();
            else if (e.key === "ArrowDown") setActive((a) => Math.min(count - 1, a + 1));
            else if (e.key === "ArrowUp") setActive((a) => Math.max(0, a - 1));
            else if (e.key === "Enter") void choose(active);
            else return;
            e.preventDefault();
          }}
        />
        <ul id="palette-list" role="listbox">
          {matches.map((row, i) => (
            <li key={row.code.id} role="option" aria-selected={i === active} className={i === active ? "active" : ""} onMouseDown={() => void choose(i)} onMouseEnter={() => setActive(i)} data-testid="palette-option">
              <span className="swatch" style={{ background: row.code.color }} />
              <span className="palette-path">{row.path}</span>
              {keyOf.has(row.code.id) && (
                <kbd className="palette-key" title={t("keys.automatic", { key: keyOf.get(row.code.id)! })} data-testid="palette-key">
                  {keyOf.get(row.code.id)}
                </kbd>
              )}
            </li>
          ))}
          {canCreate && (
            <li role="option" aria-selected={active === matches.length} className={active === matches.length ? "active create" : "create"} onMouseDown={() => void choose(matches.length)} data-testid="palette-create">
              {t("app.palette.create", { name: formatCodePath(typed) })}
            </li>
          )}
          {count === 0 && <li className="empty">{t("app.palette.noCodes")}</li>}
        </ul>
      </div>
    </div>
  );
}
