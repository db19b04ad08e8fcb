import { useCallback, useRef, useState } from "react";
import { toErrorPayload, type ErrorPayload, type SearchRequestInput, type SearchResult } from "../../../shared/index.js";
import { SearchRequest } from "../../../shared/index.js";
import { api } from "../../api/client.js";

export const PAGE = 100;

/**
 * Runs corpus searches in the backend; a newer search wins over a slower older one, and "more"
 * appends the next page of the same search.
 */
export function useSearch() {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [request, setRequest] = useState<SearchRequest | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  const run = useCallback(async (input: SearchRequestInput, append = false) => {
    const parsed = SearchRequest.parse({ limit: PAGE, ...input });
    const ticket = ++latest.current;
    setBusy(true);
    try {
      const found = await api.search(parsed);
      if (ticket !== latest.current) return;
      setError(null);
      // The search itself (first page); "more" only appends to it.
      if (!append) setRequest(parsed);
      setResult((previous) => (append && previous ? { ...found, hits: [...previous.hits, ...found.hits] } : found));
    } catch (e) {
      if (ticket !== latest.current) return;
      setError(toErrorPayload(e));
      if (!append) setResult(null);
    } finally {
      if (ticket === latest.current) setBusy(false);
    }
  }, []);

  const more = useCallback(() => {
    if (request && result) void run({ ...request, offset: result.hits.length }, true);
  }, [request, result, run]);

  /** The same search again (the project changed): as many hits as are shown now. */
  const refresh = useCallback(() => {
    if (request) void run({ ...request, limit: Math.max(request.limit, result?.hits.length ?? 0) });
  }, [request, result, run]);

  return { result, request, error, busy, run, more, refresh };
}

export const hitKey = (h: { documentId: string; start: number; end: number }) => `${h.documentId}:${h.start}:${h.end}`;
