import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { codePath, countWords, flattenCodebook, PATH_SEPARATOR, SEARCH_SORTS, type DocumentId, type HitRef, type SearchScopeInput } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { AutocodeBox } from "./AutocodeBox.js";
import { FrequencyView } from "./FrequencyView.js";
import { KwicList } from "./KwicList.js";
import { SimilarView, type SimilarTo } from "./SimilarView.js";
import { hitKey, useSearch } from "./useSearch.js";
import "./search.css";

const SORT_LABEL = { document: "sortDocument", after: "sortAfter", before: "sortBefore" } as const;

/** Where to search, as one select: all, one document, one case or one document group; and within: any text, a code's passages, or uncoded text. */
function scopeOf(where: string, within: string, speaker: string): SearchScopeInput {
  const [kind, id] = where.split(":");
  const [wkind, wid] = within.split(":");
  return {
    documentIds: kind === "doc" ? [id as DocumentId] : [],
    caseIds: kind === "case" ? [id as never] : [],
    groupIds: kind === "group" ? [id as never] : [],
    codeIds: wkind === "code" ? [wid as never] : [],
    uncoded: wkind === "uncoded",
    ...(speaker.trim() ? { speaker: speaker.trim() } : {}),
  };
}

/** The Search tab: corpus search with keyword-in-context results, auto-coding and word frequencies. */
export function SearchPanel({ onJump, initialQuery, similarTo }: { onJump(documentId: DocumentId, start: number, end: number): void; initialQuery?: string; similarTo?: SimilarTo | null }) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const { result, request, error, busy, run, more, refresh } = useSearch();
  const [query, setQuery] = useState(initialQuery ?? "");
  const [stem, setStem] = useState(true);
  const [regex, setRegex] = useState(false);
  const [where, setWhere] = useState("all");
  const [within, setWithin] = useState("any");
  const [speaker, setSpeaker] = useState("");
  const [sort, setSort] = useState<(typeof SEARCH_SORTS)[number]>("document");
  const [ticked, setTicked] = useState<Set<string>>(new Set());

  const submit = (q = query, s = sort) => {
    setTicked(new Set());
    void run({ query: q, options: { stem, regex, matchCase: false }, scope: scopeOf(where, within, speaker), sort: s });
  };
  // Codes shown on hits follow the project (an auto-coding, an undo): search again quietly.
  const refreshed = useRef(refresh);
  refreshed.current = refresh;
  useEffect(() => {
    if (version) refreshed.current();
  }, [version]);

  const tickedRefs: HitRef[] = useMemo(
    () => (result?.hits ?? []).filter((h) => ticked.has(hitKey(h))).map((h) => ({ documentId: h.documentId, start: h.start, end: h.end })),
    [result, ticked],
  );
  const documents = Object.values(state.documents).sort((a, b) => a.title.localeCompare(b.title));
  const cases = Object.values(state.cases).sort((a, b) => a.name.localeCompare(b.name));
  const groups = Object.values(state.documentGroups).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section className="search-panel" data-testid="search-panel">
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="search-query">
          <span className="sr-only">{t("search.panel.query")}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("search.panel.placeholder")} aria-label={t("search.panel.query")} data-testid="search-query" />
          <button type="submit" className="primary" data-testid="search-submit">
            {t("search.panel.submit")}
          </button>
        </label>
        <div className="search-options">
          <label className="checkbox">
            <input type="checkbox" checked={stem} disabled={regex} onChange={(e) => setStem(e.target.checked)} data-testid="search-stem" />
            {t("search.panel.stem")}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} data-testid="search-regex" />
            {t("search.panel.regex")}
          </label>
        </div>
        <div className="search-scope">
          <label>
            {t("search.panel.scope")}
            <select value={where} onChange={(e) => setWhere(e.target.value)} data-testid="search-where">
              <option value="all">{t("search.panel.allDocuments")}</option>
              {cases.length > 0 && (
                <optgroup label={t("search.panel.cases")}>
                  {cases.map((c) => (
                    <option key={c.id} value={`case:${c.id}`}>{c.name}</option>
                  ))}
                </optgroup>
              )}
              {groups.length > 0 && (
                <optgroup label={t("search.panel.groups")}>
                  {groups.map((g) => (
                    <option key={g.id} value={`group:${g.id}`}>{g.name}</option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t("search.panel.documents")}>
                {documents.map((d) => (
                  <option key={d.id} value={`doc:${d.id}`}>{d.title}</option>
                ))}
              </optgroup>
            </select>
          </label>
          <label>
            {t("search.panel.codes")}
            <select value={within} onChange={(e) => setWithin(e.target.value)} data-testid="search-within">
              <option value="any">{t("search.panel.anyCode")}</option>
              <option value="uncoded">{t("search.panel.uncoded")}</option>
              {flattenCodebook(state).map(({ code }) => (
                <option key={code.id} value={`code:${code.id}`}>{codePath(state, code.id).join(` ${PATH_SEPARATOR} `)}</option>
              ))}
            </select>
          </label>
          <label>
            {t("search.panel.speaker")}
            <input type="text" value={speaker} onChange={(e) => setSpeaker(e.target.value)} placeholder={t("search.panel.anySpeaker")} list="search-speakers" data-testid="search-speaker" />
            <datalist id="search-speakers">
              {(result?.speakers ?? []).map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
        </div>
      </form>
      {error && (
        <p className="search-error" role="alert" data-testid="search-error">
          {t(error.code, error.params)}
        </p>
      )}
      {busy && <p className="muted">{t("search.panel.searching")}</p>}
      {result && request && (
        <>
          <div className="search-summary">
            <strong data-testid="search-total">{t("search.panel.total", countWords(t, { hits: result.total, documents: result.perDocument.length }))}</strong>
            <label>
              {t("search.panel.sort")}
              <select
                value={sort}
                onChange={(e) => {
                  const s = e.target.value as typeof sort;
                  setSort(s);
                  void run({ ...request, sort: s, offset: 0 });
                }}
                data-testid="search-sort"
              >
                {SEARCH_SORTS.map((s) => (
                  <option key={s} value={s}>{t(`search.panel.${SORT_LABEL[s]}`)}</option>
                ))}
              </select>
            </label>
          </div>
          {result.total === 0 && <p className="empty">{t("search.panel.none")}</p>}
          {result.perDocument.length > 1 && (
            <details className="search-per-document">
              <summary>{t("search.panel.perDocument")}</summary>
              <ul>
                {result.perDocument.map((d) => (
                  <li key={d.documentId}>
                    {d.document}: {d.count}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <KwicList hits={result.hits} state={state} ticked={ticked} onJump={onJump} onTick={(key, on) => setTicked((prev) => { const next = new Set(prev); if (on) next.add(key); else next.delete(key); return next; })} />
          {result.hits.length < result.total && (
            <button onClick={more} data-testid="search-more">
              {t("search.panel.more", { shown: result.hits.length, total: result.total })}
            </button>
          )}
          {result.total > 0 && <AutocodeBox request={request} ticked={tickedRefs} onDone={() => setTicked(new Set())} />}
        </>
      )}
      <SimilarView scope={scopeOf(where, "any", speaker)} onJump={onJump} similarTo={similarTo ?? null} />
      <FrequencyView scope={scopeOf(where, within, speaker)} onSearch={(word) => (setQuery(word), submit(word))} />
    </section>
  );
}
