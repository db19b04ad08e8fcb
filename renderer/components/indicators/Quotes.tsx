import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { spreadOverDocuments, toErrorPayload, type CodeId, type DocumentId, type Passage } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";

/** How many quotes an indicator shows. */
export const QUOTES_PER_INDICATOR = 2;

/**
 * The strongest supporting passages of each indicator in one case: from the indicator's linked
 * codes (not nested ones), in the case's documents, one per document first (triangulation reads
 * stronger than two quotes from the same interview), then in document order.
 */
export function useStrongestQuotes(enabled: boolean, codesByIndicator: ReadonlyMap<string, readonly CodeId[]>, documentIds: readonly DocumentId[], version: number) {
  const app = useApp();
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
        entries.forEach(([indicatorId], i) => next.set(indicatorId, strongest(results[i]!.flat().filter((p) => p.stance === "supports" && inCase.has(p.documentId)))));
        setQuotes(next);
      },
      (error: unknown) => live && app.showError(toErrorPayload(error)),
    );
    return () => {
      live = false;
    };
    // codeKey and docKey stand for the maps' contents; version follows every coding.
  }, [enabled, codeKey, docKey, version, app]);

  return quotes;
}

function strongest(passages: Passage[]): Passage[] {
  return spreadOverDocuments(passages, (p) => p.documentId).slice(0, QUOTES_PER_INDICATOR);
}

export function QuoteList({ passages, onJump }: { passages: readonly Passage[]; onJump?(documentId: DocumentId, start: number, end: number): void }) {
  const { t } = useTranslation();
  if (passages.length === 0) return <p className="quote-none muted">{t("indicators.quotes.none")}</p>;
  return (
    <ul className="quote-list">
      {passages.map((p) => (
        <li key={p.codingId}>
          <button type="button" className="quote" onClick={() => onJump?.(p.documentId, p.start, p.end)} title={t("indicators.quotes.jump")} data-testid="indicator-quote">
            <span className="quote-text">“{p.quote}”</span>
            <span className="quote-source muted">{p.documentTitle}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
