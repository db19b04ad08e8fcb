import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { byCoder, codePathLabel, memoKey, toErrorPayload, type CodeId, type DocumentGroupId, type DocumentId, type Passage } from "../../shared/index.js";
import { api } from "../api/client.js";
import { useApp } from "../state/app.js";
import { useProject } from "../state/context.js";
import { OnlyMineSwitch, useShownCoder } from "./agreement/index.js";
import { GroupScopePicker, groupIds } from "./documents/GroupScopePicker.js";
import { PassageMemo } from "./memo/PassageMemo.js";

/** Every passage coded with the chosen code across the project, with where it stands; click to jump there. */
export function RetrievalPanel({ codeId, onJump }: { codeId: CodeId | null; onJump(documentId: DocumentId, start: number, end: number): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const { state, version } = useProject();
  const [includeNested, setIncludeNested] = useState(true);
  const [allPassages, setPassages] = useState<Passage[] | null>(null);
  const shownCoder = useShownCoder();
  const passages = allPassages && byCoder(allPassages, shownCoder);
  const [chosenGroup, setGroup] = useState<DocumentGroupId | null>(null);
  // A group an undo removed stops narrowing at once (the picker also falls back to all).
  const group = chosenGroup && state.documentGroups[chosenGroup] ? chosenGroup : null;

  useEffect(() => {
    if (!codeId || !state.codes[codeId]) return setPassages(null);
    let live = true;
    api.retrieve({ codeId, includeNested, documentGroupIds: groupIds(group) }).then(
      (result) => live && setPassages(result),
      (error: unknown) => live && app.showError(toErrorPayload(error)),
    );
    return () => {
      live = false;
    };
  }, [codeId, includeNested, group, version, state, app]);

  if (!codeId || !state.codes[codeId]) return <p className="empty">{t("app.retrieve.pick")}</p>;
  const code = state.codes[codeId];
  return (
    <section className="retrieval" data-testid="retrieval">
      <header className="retrieval-header">
        <span className="swatch" style={{ background: code.color }} />
        <strong>{codePathLabel(state, codeId)}</strong>
        <span className="muted" data-testid="retrieval-count">{t("app.retrieve.count", { count: passages?.length ?? 0 })}</span>
      </header>
      <label className="checkbox">
        <input type="checkbox" checked={includeNested} onChange={(e) => setIncludeNested(e.target.checked)} />
        {t("app.retrieve.includeNested")}
      </label>
      <OnlyMineSwitch />
      <GroupScopePicker value={group} onChange={setGroup} testId="retrieve-group" />
      {passages?.length === 0 && <p className="empty">{t("app.retrieve.none")}</p>}
      <ol className="passages">
        {passages?.map((p) => (
          <li key={p.codingId}>
            <button className="passage" onClick={() => onJump(p.documentId, p.start, p.end)} data-testid="passage">
              <span className="passage-source">
                <strong>{p.documentTitle}</strong>
                <span className="muted">
                  {p.location.page ? `${t("app.retrieve.page", { page: p.location.page })} · ` : ""}
                  {t("app.retrieve.paragraph", { paragraph: p.location.paragraph })}
                </span>
                {p.stance === "contradicts" && <span className="badge contradicts">{t("app.stance.contradicts")}</span>}
              </span>
              <span className="passage-text">
                <span className="muted">{p.before}</span>
                <mark style={{ background: `${state.codes[p.codeId]?.color ?? code.color}40` }}>{p.quote}</mark>
                <span className="muted">{p.after}</span>
              </span>
              <span className="muted passage-coder">{t("app.coding.by", { coder: p.coder })}</span>
            </button>
            <PassageMemo text={state.memos[memoKey({ kind: "coding", id: p.codingId })]?.text} />
          </li>
        ))}
      </ol>
    </section>
  );
}
