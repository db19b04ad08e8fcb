import { useState } from "react";
import { useTranslation } from "react-i18next";
import { codePath, flattenCodebook, PATH_SEPARATOR, SimilarRequest, type CodeId, type DocumentId, type SearchScopeInput, type SimilarPassage } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";
import { useProject } from "../../state/context.js";

/**
 * "More passages like this": the paragraphs of the scope most like the passages coded with a
 * code (BM25 over stems, in the backend), those already coded with it left out, each with the
 * shared words that made it similar. Click one to read it in its document.
 */
export function SimilarView({ scope, onJump }: { scope: SearchScopeInput; onJump(documentId: DocumentId, start: number, end: number): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const { state } = useProject();
  const [codeId, setCodeId] = useState<CodeId | "">("");
  const [passages, setPassages] = useState<SimilarPassage[] | null>(null);

  async function find() {
    if (!codeId) return;
    try {
      setPassages(await api.similarPassages(SimilarRequest.parse({ codeId, scope, limit: 20 })));
    } catch (error) {
      app.showError(error);
    }
  }

  return (
    <section className="similar" data-testid="similar">
      <h3>{t("search.similar.title")}</h3>
      <div className="frequencies-actions">
        <select value={codeId} onChange={(e) => (setCodeId(e.target.value as CodeId), setPassages(null))} aria-label={t("search.autocode.code")} data-testid="similar-code">
          <option value="">{t("search.autocode.code")}</option>
          {flattenCodebook(state).map(({ code }) => (
            <option key={code.id} value={code.id}>
              {codePath(state, code.id).join(` ${PATH_SEPARATOR} `)}
            </option>
          ))}
        </select>
        <button onClick={() => void find()} disabled={!codeId} data-testid="similar-find">
          {t("search.similar.button")}
        </button>
      </div>
      {passages?.length === 0 && <p className="empty">{t("search.similar.none")}</p>}
      {passages && passages.length > 0 && (
        <ol className="kwic">
          {passages.map((p) => (
            <li key={`${p.documentId}:${p.start}`} data-testid="similar-passage">
              <button className="kwic-hit" onClick={() => onJump(p.documentId, p.start, p.end)} title={t("search.panel.jump")}>
                <span className="kwic-source">
                  <strong>{p.document}</strong> <span className="muted">{t("search.panel.location", { paragraph: p.location.paragraph })}</span>
                </span>
                <span className="similar-text">{p.text}</span>
                <span className="muted similar-reason" data-testid="similar-reason">{t("search.similar.reason", { terms: p.terms.join(", ") })}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
