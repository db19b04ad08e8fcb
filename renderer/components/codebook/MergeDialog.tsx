import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { codePathLabel, flattenCodebook, type CodeId } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { CodingsProgress } from "../loading/index.js";
import { Dialog } from "./Dialog.js";
import { codingSpread, fold, subtreeOf } from "./model.js";

/**
 * Merging a code into another: choose the target among the other codes (not the code's own nested
 * codes), filtered by typing. Explains what moves where before anything happens.
 */
export function MergeDialog({ codeId, onConfirm, onCancel }: { codeId: CodeId; onConfirm(targetId: CodeId): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { state, version, loading } = useProject();
  const code = state.codes[codeId];
  const searchId = useId();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<CodeId | null>(null);

  const candidates = useMemo(() => {
    const own = subtreeOf(state, codeId);
    return flattenCodebook(state)
      .filter(({ code: c }) => !own.has(c.id))
      .map(({ code: c }) => ({ code: c, path: codePathLabel(state, c.id) }));
  }, [state, version, codeId]);
  const matches = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return candidates.filter(({ path }) => words.every((w) => fold(path).includes(w)));
  }, [candidates, query]);
  const own = useMemo(() => codingSpread(state, new Set([codeId])).codings, [state, version, codeId]);

  if (!code) return null;
  // The choice follows the filter: what is highlighted is what Enter merges into.
  const target = matches.find((m) => m.code.id === chosen) ?? matches[0];
  const codings = t("count.codings", { count: own });
  return (
    <Dialog
      title={t("codebook.merge.title", { name: code.name })}
      confirmLabel={t("codebook.merge.confirm")}
      confirmDisabled={!target}
      testId="merge-code-dialog"
      onConfirm={() => target && onConfirm(target.code.id)}
      onCancel={onCancel}
    >
      {loading ? <CodingsProgress loading={loading} /> : <p className="dialog-text">{t("codebook.merge.explain", { source: code.name, codings })}</p>}
      {candidates.length === 0 ? (
        <p className="empty">{t("codebook.merge.none")}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={searchId}>{t("codebook.merge.search")}</label>
            <input
              id={searchId}
              type="search"
              value={query}
              autoComplete="off"
              placeholder={t("codebook.merge.searchPlaceholder")}
              aria-controls={listId}
              data-testid="merge-search"
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
                e.preventDefault();
                const at = target ? matches.indexOf(target) : -1;
                const next = matches[Math.max(0, Math.min(matches.length - 1, at + (e.key === "ArrowDown" ? 1 : -1)))];
                if (next) setChosen(next.code.id);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={listId}>{t("codebook.merge.target")}</label>
            <select
              id={listId}
              size={Math.min(8, Math.max(3, matches.length))}
              value={target?.code.id ?? ""}
              onChange={(e) => setChosen(e.target.value as CodeId)}
              data-testid="merge-target"
            >
              {matches.map(({ code: c, path }) => (
                <option key={c.id} value={c.id}>
                  {path}
                </option>
              ))}
            </select>
            {matches.length === 0 && <p className="empty">{t("codebook.merge.noMatch", { query: query.trim() })}</p>}
          </div>
          {target && (
            <p className="dialog-text" data-testid="merge-summary">
              {t("codebook.merge.summary", { source: code.name, target: target.code.name })} {t("codebook.undoHint")}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
