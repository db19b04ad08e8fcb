import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as indonesian } from "@orama/stemmers/indonesian";
import { CorpusIndex, linesToBlocks, SearchRequest, type DocumentId, type ProjectState, type SearchRequestInput, type Stemmers } from "../../../shared/index.js";
import { documentMeta, project } from "../fixtures.js";

export const stemmers: Stemmers = { id: indonesian, en: english };

/** A project whose documents are these plain texts (one paragraph per line, as imported), indexed. */
export function world(texts: Record<string, string>): { state: ProjectState; index: CorpusIndex; ids: Record<string, DocumentId> } {
  const state = project();
  const index = new CorpusIndex(stemmers);
  const ids: Record<string, DocumentId> = {};
  for (const [title, text] of Object.entries(texts)) {
    const meta = documentMeta(title, text.length);
    state.documents[meta.id] = meta;
    ids[title] = meta.id;
    index.add(meta.id, { text, blocks: linesToBlocks(text) });
  }
  return { state, index, ids };
}

export const request = (query: string, extra: Partial<SearchRequestInput> = {}) => SearchRequest.parse({ query, ...extra });
