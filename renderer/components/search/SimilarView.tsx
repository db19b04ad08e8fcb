import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { codePath, codePathLabel, flattenCodebook, PATH_SEPARATOR, SimilarRequest, type CodeId, type CodingId, type DocumentId, type SearchScopeInput, type SimilarPassage } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";
import { useProject } from "../../state/context.js";

/**
 * "More passages like this": the paragraphs of the scope most like the passages coded with a
 * code (BM25 over stems, in the backend), those already coded with it left out, each with the
 * shared words that made it similar. Click one to read it in its document. Asked from one coded
 * passage ("More like this" in its popover), it finds the paragraphs like that passage at once.
 */
export function SimilarView({ scope, onJump, similarTo }: { scope: SearchScopeInput; onJump(documentId: DocumentId, start: number, end: number): void; similarTo: SimilarTo | null }) {
  const { t } = useTranslation();
  const app = useApp();
  const { state } = useProject();
  const [codeId, setCodeId] = useState<CodeId | "">("");
  const [codingId, setCodingId] = useState<CodingId | null>(null);
  const [passages, setPassages] = useState<SimilarPassage[] | null>(null);
  const section = useRef<HTMLElement>(null);

  async function find(source: { codeId: CodeId } | { codingId: CodingId }) {
    try {
      setPassages(await api.similarPassages(SimilarRequest.parse({ ...source, scope, limit: 20 })));
    } catch (error) {
      app.showError(error);
    }
  }

  useEffect(() => {
    if (!similarTo) return;
    setCodeId("");
    setCodingId(similarTo.codingId);
    setPassages(null);
    section.current?.scrollIntoView({ block: "start" });
    void find({ codingId: similarTo.codingId });
    // Each request (nonce) once, in the scope of that moment.
  }, [similarTo?.nonce]);

  const coding = codingId ? state.codings[codingId] : undefined;

  return (
    <section className="similar" data-testid="similar" ref={section}>
      <h3>{t("search.similar.title")}</h3>
      {coding && <p className="muted" data-testid="similar-source">{t("search.similar.ofCoding", { code: codePathLabel(state, coding.codeId), document: state.documents[coding.documentId]?.title ?? "" })}</p>}
      <div className="frequencies-actions">
        <select value={codeId} onChange={(e) => (setCodeId(e.target.value as CodeId), setCodingId(null), setPassages(null))} aria-label={t("search.autocode.code")} data-testid="similar-code">
          <option value="">{t("search.autocode.code")}</option>
          {flattenCodebook(state).map(({ code }) => (
            <option key={code.id} value={code.id}>
              {codePath(state, code.id).join(` ${PATH_SEPARATOR} `)}
            </option>
          ))}
        </select>
        <button onClick={() => codeId && void find({ codeId })} disabled={!codeId} data-testid="similar-find">
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

/** A request for passages like one coding, from its popover; `nonce` makes a repeated request run again. */
export interface SimilarTo {
  codingId: CodingId;
  nonce: number;
}
