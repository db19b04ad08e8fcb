import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentId, ProjectState, SearchHit } from "../../../shared/index.js";
import { DocumentTitle, documentTitleTails } from "../documents/DocumentTitle.js";
import { hitKey } from "./useSearch.js";

interface Props {
  hits: SearchHit[];
  state: ProjectState;
  ticked: ReadonlySet<string>;
  onTick(key: string, on: boolean): void;
  onJump(documentId: DocumentId, start: number, end: number): void;
}

/** Hits as keyword-in-context lines: the words before right-aligned, the hit, the words after; click to open it. */
export function KwicList({ hits, state, ticked, onTick, onJump }: Props) {
  const { t } = useTranslation();
  // Two hits' documents alike for two lines show where their titles part (a search runs on the state it shows).
  const tails = useMemo(() => documentTitleTails(state.documents), [state, hits]);
  return (
    <ol className="kwic" data-testid="kwic">
      {hits.map((hit) => {
        const key = hitKey(hit);
        const where = hit.location.page ? t("search.panel.locationPage", { page: hit.location.page, paragraph: hit.location.paragraph }) : t("search.panel.location", { paragraph: hit.location.paragraph });
        return (
          <li key={key} className="kwic-row" data-testid="kwic-row">
            <input type="checkbox" aria-label={t("search.panel.tick")} checked={ticked.has(key)} onChange={(e) => onTick(key, e.target.checked)} />
            <button className="kwic-hit" onClick={() => onJump(hit.documentId, hit.start, hit.end)} title={t("search.panel.jump")}>
              <span className="kwic-source">
                <strong title={hit.document}>
                  <DocumentTitle title={hit.document} tailFrom={tails.get(hit.documentId)} />
                </strong> <span className="muted">{where}</span>
                {hit.speaker && <span className="badge">{hit.speaker}</span>}
                {hit.codeIds.map((id) =>
                  state.codes[id] ? (
                    <span key={id} className="kwic-code" style={{ borderColor: state.codes[id].color }}>
                      {state.codes[id].name}
                    </span>
                  ) : null,
                )}
              </span>
              <span className="kwic-line">
                <span className="kwic-before">{hit.before}</span>
                <mark className="kwic-text">{hit.text}</mark>
                <span className="kwic-after">{hit.after}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
