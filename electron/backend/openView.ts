import { encodeCodings } from "../../shared/ipc/codingsWire.js";
import type { CodingsByDocument } from "../store/codingLines.js";
import { firstDocumentId, touchedCodings, type ChangesSince, type Coding, type CodingCounts, type CodingId, type CodingsChunk, type DocumentId, type ProjectState } from "../../shared/index.js";

/**
 * Issue 13's two-step open, the backend's half. The first answer carries the project with the
 * codings of the document the workspace shows first (the first in `state.documents`, as the
 * renderer picks it) and the counts per document and code; the renderer then asks for the rest in
 * chunks (`codingsOf`). At 100k codings the first answer is a few hundred kB instead of 18.7 MB, and
 * the renderer indexes one document's codings before its first screen instead of all of them.
 */

/** What the store can give of the first screen's codings before its state holds them all (DiskProjectStore.earlyCodings). */
export type EarlyCodings = (documents: readonly DocumentId[]) => { codings: Coding[]; counts: CodingCounts } | null;

/**
 * The state with only the first document's codings, and the whole project's counts: from the
 * store's early read of a by-document file while its codings are still being read in (no pass over
 * them at all), else one pass over the codings.
 */
export function firstScreenState(state: ProjectState, early?: EarlyCodings): { state: ProjectState; loaded: DocumentId[]; counts: CodingCounts } {
  const first = firstDocumentId(state);
  const loaded = first ? [first] : [];
  const read = early?.(loaded);
  if (read) {
    const codings: ProjectState["codings"] = {};
    for (const coding of read.codings) codings[coding.id] = coding;
    return { state: { ...state, codings }, loaded, counts: read.counts };
  }
  const codings: ProjectState["codings"] = {};
  const byDocument: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  const all = state.codings;
  for (const id in all) {
    const coding = all[id as keyof typeof all]!;
    byDocument[coding.documentId] = (byDocument[coding.documentId] ?? 0) + 1;
    byCode[coding.codeId] = (byCode[coding.codeId] ?? 0) + 1;
    if (coding.documentId === first) codings[coding.id] = coding;
  }
  return { state: { ...state, codings }, loaded, counts: { byDocument, byCode } as CodingCounts };
}

/** What the serving side needs of the backend: its state and its number of the last change. */
export interface CodingsSource {
  state: ProjectState;
  revision: number;
  /** The changes after a revision (the backend's ChangeLog), to bring the grouping up to date without a new pass. */
  since?: (after: number) => ChangesSince;
}

/** More codings touched than this since the grouping (an auto-code batch): one new pass is cheaper than finding each. */
const MAX_FOLLOWED = 200;

/** Codings grouped between yields to the backend's other requests (some 30 ms of a pass here). */
const GROUP_SLICE = 50_000;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Grouped {
  state: ProjectState;
  revision: number;
  byDocument: Map<DocumentId, Coding[]>;
  counts: CodingCounts;
}

/**
 * Serves the codings of sets of documents. Grouping 1M codings by document for every chunk would
 * be a pass over all of them per chunk, so they are grouped (and counted) once, on the first
 * request: one pass, 0.6 s at 1M codings on this machine (1.1 s loaded) — a full CodingIndex took
 * 2.8 s. The pass yields to the backend's other requests every GROUP_SLICE codings, so a coding
 * applied meanwhile (the first screen is up, the user codes) does not wait behind it; what changed
 * during the pass is followed afterwards. While the user codes during the background load, the
 * grouping follows each change (the codings it touched, found in their document's list) instead of
 * a new pass: at 1M codings under load that pass took 1.4–2 s after every coding applied.
 */
export class CodingsServer {
  private grouped: Grouped | null = null;
  private grouping: Promise<Grouped> | null = null;
  /** Bumped by reset, so a pass over a closed project's codings is not kept. */
  private opens = 0;
  /** Documents whose codings a first screen or a chunk carried since the open (see `servedAll`). */
  private readonly served = new Set<DocumentId>();

  /** `slice`: codings grouped between yields (a test's are few). */
  constructor(private readonly slice = GROUP_SLICE) {}

  /**
   * `source.revision` is read again after the grouping (a getter over the backend's ChangeLog): the
   * answer is at the revision it says. The codings go out as columns (encodeCodings), each
   * document's together, in the order asked.
   */
  async codingsOf(source: CodingsSource, documents: readonly DocumentId[]): Promise<CodingsChunk> {
    const grouped = await this.current(source);
    const codings: Coding[] = [];
    for (const id of new Set(documents)) {
      const list = grouped.byDocument.get(id);
      // push(...list) of a 20k-coding document would be one call with 20k arguments.
      if (list) for (const coding of list) codings.push(coding);
      this.served.add(id);
    }
    return { codings: encodeCodings(codings), counts: grouped.counts, revision: grouped.revision };
  }

  /**
   * Starts from a grouping made elsewhere (the store's, as its check read a by-document file in:
   * DiskProjectStore.takeCodingsByDocument) instead of a pass of its own: `state` at `revision`.
   */
  seed(state: ProjectState, revision: number, grouped: CodingsByDocument): void {
    if (this.grouped || this.grouping) return;
    const byDocument = Object.fromEntries([...grouped.byDocument].map(([id, list]) => [id, list.length]));
    this.grouped = { state, revision, byDocument: grouped.byDocument, counts: { byDocument, byCode: { ...grouped.byCode } } as CodingCounts };
  }

  /** A first-screen answer carried these documents' codings. */
  markServed(documents: readonly DocumentId[]): void {
    for (const id of documents) this.served.add(id);
  }

  /**
   * Whether every document's codings have been served since the open: the renderer's background
   * load is (about) over, and the search index may start building (IndexStart).
   */
  servedAll(state: ProjectState): boolean {
    if (this.served.size < Object.keys(state.documents).length) return false;
    for (const id in state.documents) if (!this.served.has(id as DocumentId)) return false;
    return true;
  }

  /** The project closed or another opened. */
  reset(): void {
    this.grouped = null;
    this.opens++;
    this.served.clear();
  }

  /** The grouping at `source`'s revision now: followed from the last one, or a new pass. */
  private async current(source: CodingsSource): Promise<Grouped> {
    for (;;) {
      const { state, revision, since } = source;
      const grouped = this.grouped;
      if (grouped?.state === state) {
        if (grouped.revision === revision) return grouped;
        if (since && revision > grouped.revision && follow(grouped, state, since(grouped.revision))) {
          grouped.revision = revision;
          return grouped;
        }
      }
      const opens = this.opens;
      this.grouping ??= group(state, revision, this.slice).finally(() => (this.grouping = null));
      const made = await this.grouping;
      // Then round again: the changes applied during the pass are followed (or, if they cannot be, another pass).
      if (opens === this.opens && made.state === source.state) this.grouped = made;
      else if (made.state !== source.state) continue;
    }
  }
}


/**
 * One pass over the codings, grouping them by document and counting them, at `revision` (the
 * revision when the pass started). A change applied while it yields may or may not be seen by the
 * rest of the pass; the caller follows every change after `revision`, which sets each touched
 * coding right whichever it was.
 */
async function group(state: ProjectState, revision: number, slice: number): Promise<Grouped> {
  const byDocument = new Map<DocumentId, Coding[]>();
  const byCode: Record<string, number> = {};
  const all = state.codings;
  let n = 0;
  // for…in over the record: faster than Object.values on a million keys (no array of them).
  for (const id in all) {
    const coding = all[id as keyof typeof all];
    // Removed during a yield (for…in skips keys deleted before it reaches them; this is belt and braces).
    if (!coding) continue;
    let list = byDocument.get(coding.documentId);
    if (!list) byDocument.set(coding.documentId, (list = []));
    list.push(coding);
    byCode[coding.codeId] = (byCode[coding.codeId] ?? 0) + 1;
    if (++n % slice === 0) await yieldToEvents();
  }
  const counts = { byDocument: Object.fromEntries([...byDocument].map(([id, list]) => [id, list.length])), byCode } as CodingCounts;
  return { state, revision, byDocument, counts };
}

/**
 * Brings `grouped` up to date with `state` by the changes since its revision: each coding they
 * touched leaves the list it was in (the old coding object, with its old code: operations replace
 * codings, never change them in place) and joins its document's list as it is now. False (and
 * `grouped` untouched) when the changes are not all kept, or reach codings through a code or a
 * document, or touch too many: then a new pass.
 */
function follow(grouped: Grouped, state: ProjectState, changes: ChangesSince): boolean {
  if (!changes) return false;
  const touched = new Set<CodingId>();
  for (const { op } of changes.changes) {
    const ids = touchedCodings(op);
    if (ids === "all") return false;
    for (const id of ids) touched.add(id);
    if (touched.size > MAX_FOLLOWED) return false;
  }
  const byDocument = { ...grouped.counts.byDocument } as Record<string, number>;
  const byCode = { ...grouped.counts.byCode } as Record<string, number>;
  const count = (record: Record<string, number>, key: string, by: number) => {
    const n = (record[key] ?? 0) + by;
    if (n > 0) record[key] = n;
    else delete record[key];
  };
  for (const id of touched) {
    const now = state.codings[id];
    // Where it was: its document's list if it still has one (recode, stance), else every list.
    const lists = now ? [[now.documentId, grouped.byDocument.get(now.documentId)] as const] : grouped.byDocument;
    for (const [documentId, list] of lists) {
      const at = list ? list.findIndex((coding) => coding.id === id) : -1;
      if (at < 0) continue;
      count(byDocument, documentId, -1);
      count(byCode, list![at]!.codeId, -1);
      list!.splice(at, 1);
      break;
    }
    if (!now) continue;
    let list = grouped.byDocument.get(now.documentId);
    if (!list) grouped.byDocument.set(now.documentId, (list = []));
    list.push(now);
    count(byDocument, now.documentId, 1);
    count(byCode, now.codeId, 1);
  }
  // A new counts object: an answer already handed out keeps the counts of its revision.
  grouped.counts = { byDocument, byCode } as CodingCounts;
  return true;
}
