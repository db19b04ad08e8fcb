import { TandaiError } from "../errors.js";

/**
 * Finds the `occurrence`-th (1-based) exact occurrence of `quote` in `text`, so a coding can be
 * given by its words (CLI, sample project) rather than by offsets.
 */
export function findQuote(text: string, quote: string, occurrence = 1, documentTitle = ""): { start: number; end: number } {
  if (!quote) throw new TandaiError("errors.quote.empty", { document: documentTitle });
  let found = -1;
  let count = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    count++;
    if (count === occurrence) found = at;
  }
  if (count === 0) throw new TandaiError("errors.quote.notFound", { quote, document: documentTitle });
  if (found === -1) throw new TandaiError("errors.quote.occurrence", { quote, document: documentTitle, count, occurrence });
  return { start: found, end: found + quote.length };
}
