import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { byCoder, strongestQuotes, toErrorPayload, type CodeId, type DocumentId, type Passage } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";
import { useShownCoder } from "../agreement/onlyMine.js";

/** How many quotes of each stance an indicator shows. */
export const QUOTES_PER_INDICATOR = 2;

/**
 * The strongest passages of each indicator in one case, supporting ones and then any against it
 * (a contested indicator shows both sides): from the indicator's linked codes (not nested ones),
 * in the case's documents, one per document first (triangulation reads stronger than two quotes
 * from the same interview), then in document order.
 */
export function useStrongestQuotes(enabled: boolean, codesByIndicator: ReadonlyMap<string, readonly CodeId[]>, documentIds: readonly DocumentId[], version: number) {
  const app = useApp();
  // Under "only my codings" the quotes are that coder's, as the counts beside them are.
  const shownCoder = useShownCoder();
  const [quotes, setQuotes] = useState<Map<string, Passage[]>>(new Map());
  const codeKey = [...codesByIndicator].map(([id, codes]) => `${id}:${codes.join(",")}`).join(";");
  const docKey = documentIds.join(",");

  useEffect(() => {
    if (!enabled) return setQuotes(new Map());
    let live = true;
    const inCase = new Set(docKey.split(","));
    const entries = [...codesByIndicator];
    Promise.all(entries.map(([, codes]) => Promise.all(codes.map((codeId) => api.retrieve({ codeId, includeNested: false }))))).then(
      (results) => {
        if (!live) return;
        const next = new Map<string, Passage[]>();
        entries.forEach(([indicatorId], i) => next.set(indicatorId, strongestQuotes(byCoder(results[i]!.flat(), shownCoder).filter((p) => inCase.has(p.documentId)), QUOTES_PER_INDICATOR)));
        setQuotes(next);
      },
      (error: unknown) => live && app.showError(toErrorPayload(error)),
    );
    return () => {
      live = false;
    };
    // codeKey and docKey stand for the maps' contents; version follows every coding.
  }, [enabled, codeKey, docKey, version, app, shownCoder]);

  return quotes;
}

/** The supporting quotes, then those against (marked as such), as `useStrongestQuotes` picks them. */
export function QuoteList({ passages, onJump }: { passages: readonly Passage[]; onJump?(documentId: DocumentId, start: number, end: number): void }) {
  const { t } = useTranslation();
  const supporting = passages.filter((p) => p.stance === "supports");
  const against = passages.filter((p) => p.stance === "contradicts");
  return (
    <>
      {supporting.length === 0 && <p className="quote-none muted">{t("indicators.quotes.none")}</p>}
      {passages.length > 0 && (
        <ul className="quote-list">
          {[...supporting, ...against].map((p) => (
            <li key={p.codingId}>
              <button
                type="button"
                className={`quote ${p.stance}`}
                onClick={() => onJump?.(p.documentId, p.start, p.end)}
                title={t("indicators.quotes.jump")}
                data-testid={p.stance === "supports" ? "indicator-quote" : "indicator-quote-against"}
              >
                <span className="quote-text">“{p.quote}”</span>
                <span className="quote-source muted">
                  {p.stance === "contradicts" && <span className="badge contradicts">{t("app.stance.contradicts")}</span>} {p.documentTitle}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
