import type { CodeId, CodingId, DocumentId } from "../model/ids.js";
import type { Coding, DocumentContent, ProjectState, Stance } from "../model/project.js";
import { descendantIds } from "../ops/apply.js";
import { locationOf, type Location } from "../text/blocks.js";
import { displayText } from "../text/display.js";

/** A coded passage as the retrieval view and exports show it. */
export interface Passage {
  codingId: CodingId;
  codeId: CodeId;
  documentId: DocumentId;
  documentTitle: string;
  start: number;
  end: number;
  quote: string;
  before: string;
  after: string;
  location: Location;
  coder: string;
  stance: Stance;
}

const CONTEXT = 120;

/** The codings of `codeId` (and, if asked, of codes nested under it), in document order. */
export function codingsOf(state: ProjectState, codeId: CodeId, includeNested: boolean): Coding[] {
  const codes = new Set<CodeId>([codeId, ...(includeNested ? descendantIds(state, codeId) : [])]);
  const titles = (c: Coding) => state.documents[c.documentId]?.title ?? "";
  return Object.values(state.codings)
    .filter((c) => codes.has(c.codeId))
    .sort((a, b) => titles(a).localeCompare(titles(b)) || a.documentId.localeCompare(b.documentId) || a.start - b.start);
}

/** Cuts a passage with some context on either side, trimmed to whole words where it can. */
export function passageOf(state: ProjectState, coding: Coding, content: DocumentContent): Passage {
  const { text } = content;
  let from = Math.max(0, coding.start - CONTEXT);
  let to = Math.min(text.length, coding.end + CONTEXT);
  if (from > 0) from = Math.max(from, text.indexOf(" ", from) + 1 || from);
  if (to < text.length) to = Math.max(coding.end, text.lastIndexOf(" ", to));
  return {
    codingId: coding.id,
    codeId: coding.codeId,
    documentId: coding.documentId,
    documentTitle: state.documents[coding.documentId]?.title ?? "",
    start: coding.start,
    end: coding.end,
    // As the coding view and the exports show it: a reflowed PDF paragraph's line breaks as spaces.
    quote: displayText(content, coding.start, coding.end),
    before: (from > 0 ? "…" : "") + text.slice(from, coding.start),
    after: text.slice(coding.end, to) + (to < text.length ? "…" : ""),
    location: locationOf(content, coding.start),
    coder: coding.coder,
    stance: coding.stance,
  };
}
