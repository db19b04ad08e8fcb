import { TandaiError, type Coding, type CodingCounts, type CodingIndex, type CodingsChunk, type DocumentId, type ProjectState, type TandaiApi } from "../../shared/index.js";
import { decodeCodings } from "../../shared/ipc/codingsWire.js";
import { loadingOf, nextChunk, type CodingsLoading } from "./partialCodings.js";

/**
 * The rest of the codings start loading once the first document is drawn (afterFirstScreen), so
 * they do not compete with the first screen on a 2-core machine; at the latest this long after the
 * open, for a first screen without a document.
 */
export const LOAD_AT_LATEST_MS = 1_500;
/**
 * While the background load goes on, its progress is told at most this often, and only to what
 * shows it (subscribeProgress: the "Loading codings… n %" lines), not as a new version of the
 * project: a chunk changes no count a view shows (a document's or code's count is the backend's
 * until loaded, and the same number after), and a new version re-renders the whole workspace
 * (document list, codebook), which at 1M codings was a seventh of the renderer's work during the
 * load even at one publish per 300 ms. A chunk that completes the load, or brings a document a
 * view waits on, is published at once.
 */
const PROGRESS_EVERY_MS = 300;
/** Tries of a background request that failed before the views are told. */
const LOAD_TRIES = 3;

/** The store's refusal of a damaged snapshot (integrity, schema, checksum): not worth a retry. */
const refusedProject = (error: unknown) => error instanceof TandaiError && error.code.startsWith("store.errors.");

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What the background load needs of the mirror it fills, and all it touches of it: the state and
 * index it files chunks into, the revision a chunk must have been answered at, the catch-up to
 * reach a later one, and the publish that tells the views.
 */
export interface LoaderMirror {
  /** The mirror's state and index now (a reload replaces both). */
  readonly state: ProjectState;
  readonly index: CodingIndex;
  /** The backend's number of the last change the mirror applied. */
  readonly revision: number;
  /** The backend has reached `revision`: the mirror applies what it missed; resolves when level. */
  catchUpTo(revision: number): Promise<void>;
  /** A new version for the views. */
  publish(): void;
}

export interface LoaderOptions {
  /** Where chunks are asked for (read at each request: a test's mirror answers from its own backend). */
  remote: () => Pick<TandaiApi, "codingsOf">;
  /** About how many codings one request asks for (read at each request). */
  chunkCodings: () => number;
  /** The backend found the snapshot damaged after the first screen (see ProjectMirror's constructor). */
  refused: (error: unknown) => void;
  /** False for a first-screen open: the first answer confirms the file sound. */
  confirmed: boolean;
}

/**
 * Issue 13's background load, the renderer's half: asks for the codings the mirror does not hold,
 * a chunk at a time and one request ahead, takes each only if it was answered at the mirror's
 * revision (else the mirror catches up and the chunk is asked again), retries a failed request a
 * few times before the views are told, and hands a refusal of the snapshot to the app at once.
 */
export class CodingsLoader {
  /** Documents a view waits on, asked for beside the background load (not behind its chunk in flight). */
  private readonly wantedDocuments = new Set<DocumentId>();
  /** An operation changed counts of codings not loaded: the next request asks for fresh ones first. */
  private recount = false;
  private running: Promise<void> | null = null;
  private failure: unknown = null;
  private stopped = false;
  /** What subscribeProgress's listeners see, when they were last told, and a telling put off until later. */
  private shown: CodingsLoading | null = null;
  private toldAt = 0;
  private progressLater: ReturnType<typeof setTimeout> | null = null;
  private readonly progressListeners = new Set<() => void>();
  /**
   * A first-screen open was answered before the backend's check of the snapshot finished; the first
   * answer of codingsOf (which waits for it) confirms the file sound, even when the first screen
   * already held every coding.
   */
  private confirmed: boolean;

  constructor(
    private readonly mirror: LoaderMirror,
    private readonly options: LoaderOptions,
  ) {
    this.confirmed = options.confirmed;
    this.shown = this.loading;
  }

  /** Every coding is held, and the backend's check of the snapshot has passed. */
  get done(): boolean {
    return this.mirror.index.complete && this.confirmed;
  }

  /** Null when the mirror holds every coding; else how far the load is (and whether it failed for good). */
  get loading(): CodingsLoading | null {
    return loadingOf(this.mirror.index, this.failure);
  }

  /**
   * Right after a first-screen open: one request for the counts alone, so the backend's check of
   * the snapshot and its grouping of every coding by document (0.7–1 s at 1M codings) run while
   * the renderer draws the first screen, instead of after, while the renderer waits for its first
   * chunk. Its answer is taken like any chunk (fresh counts; the file confirmed sound, or refused).
   */
  prime(): void {
    if (this.done || this.stopped) return;
    let asked = false;
    void this.fetchUntilTaken(() => (asked ? null : ((asked = true), [])), false);
  }

  /** The first screen is drawn: the load starts once the page is idle (its highlights drawn). */
  afterFirstScreen(): void {
    if (this.done || this.running) return;
    const start = () => void this.loadAll();
    if (typeof requestIdleCallback === "function") requestIdleCallback(start, { timeout: LOAD_AT_LATEST_MS });
    else setTimeout(start, 50);
  }

  /** Starts (or joins) the load of the codings not held yet; resolves when it ends. */
  loadAll(): Promise<void> {
    if (this.done || this.stopped) return Promise.resolve();
    this.running ??= this.loadRest().finally(() => (this.running = null));
    return this.running;
  }

  /** A view shows this document: its codings are asked for at once, alone, whatever the load is doing. */
  prioritise(documentId: DocumentId): void {
    if (this.stopped || this.mirror.index.isLoaded(documentId) || this.wantedDocuments.has(documentId)) return;
    this.wantedDocuments.add(documentId);
    void this.fetchUntilTaken(() => (this.mirror.index.isLoaded(documentId) ? null : [documentId])).finally(() => this.wantedDocuments.delete(documentId));
    void this.loadAll();
  }

  /** The project was closed or another opened: no more requests for this one. */
  stop(): void {
    this.stopped = true;
  }

  /** An operation changed counts of codings not held (see withinLoaded): ask for fresh counts first. */
  countsChanged(): void {
    this.recount = true;
  }

  /** The mirror reloaded the project (a first-screen open again): its counts are fresh, the load starts over. */
  reloaded(): void {
    this.recount = false;
    void this.loadAll();
  }

  /** The views were given a new version, with `loading`: what shows the progress is told too. */
  published(loading: CodingsLoading | null): void {
    this.tell(loading);
  }

  /**
   * How far the load is, as last told (between new versions of the project, a view's
   * `snapshot.loading` keeps the figure of the last version; this one moves on chunk by chunk).
   */
  get progress(): CodingsLoading | null {
    return this.shown;
  }

  /** Told when `progress` changed (useSyncExternalStore's subscribe). */
  subscribeProgress = (listener: () => void): (() => void) => {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  };

  private tell(loading: CodingsLoading | null): void {
    if (this.progressLater) clearTimeout(this.progressLater);
    this.progressLater = null;
    this.toldAt = Date.now();
    this.shown = loading;
    for (const listener of this.progressListeners) listener();
  }

  private loadRest(): Promise<void> {
    return this.fetchUntilTaken((asked) => (this.done ? null : this.recount || this.mirror.index.complete ? [] : nextChunk(this.mirror.index, asked, this.options.chunkCodings())), false);
  }

  /**
   * Asks for `next()`'s documents until it says there are none left, taking each answer at the
   * mirror's revision only. `urgent`: a view waits on them, so each answer is published at once.
   * Otherwise the next chunk is asked for before the one just answered is filed, so the backend
   * groups and serialises it while the renderer parses and files this one (one request ahead: at
   * 1M codings each side was otherwise idle half of the load, waiting on the other).
   */
  private async fetchUntilTaken(next: (asked: ReadonlySet<DocumentId>) => DocumentId[] | null, urgent = true): Promise<void> {
    let failures = 0;
    let mismatches = 0;
    let ahead: { documents: DocumentId[]; answer: Promise<CodingsChunk> } | null = null;
    const ask = (documents: DocumentId[]) => {
      const answer = this.options.remote().codingsOf({ documents });
      // Awaited below unless dropped (the project stopped, an answer at another revision).
      answer.catch(() => undefined);
      return { documents, answer };
    };
    while (!this.stopped) {
      let request = ahead;
      ahead = null;
      if (!request) {
        const documents = next(new Set());
        if (!documents) return;
        request = ask(documents);
      }
      let chunk: CodingsChunk;
      try {
        chunk = await request.answer;
        failures = 0;
      } catch (error) {
        if (refusedProject(error)) {
          this.stopped = true;
          return this.options.refused(error);
        }
        if (++failures >= LOAD_TRIES) {
          this.failure = error;
          this.mirror.publish();
          return;
        }
        await pause(300 * failures);
        continue;
      }
      if (this.stopped) return;
      if (chunk.revision !== this.mirror.revision) {
        if (chunk.revision > this.mirror.revision) await this.mirror.catchUpTo(chunk.revision);
        // Coding goes on while the chunks load: back off a little if it keeps outrunning them.
        if (++mismatches > 3) await pause(Math.min(1000, 50 * mismatches));
        continue;
      }
      mismatches = 0;
      if (!urgent) {
        const following = next(new Set(request.documents));
        if (following?.length) ahead = ask(following);
      }
      this.take(request.documents, chunk);
      this.taken(urgent || request.documents.some((id) => this.wantedDocuments.has(id)));
      await pause(0);
    }
  }

  private take(documents: DocumentId[], chunk: CodingsChunk): void {
    fileChunk(this.mirror.state, this.mirror.index, documents, decodeCodings(chunk.codings), chunk.counts);
    this.recount = false;
    this.confirmed = true;
    this.failure = null;
  }

  /**
   * A chunk was taken: a new version for the views now if `urgent` or the load is complete; else
   * the progress alone, at most every PROGRESS_EVERY_MS.
   */
  private taken(urgent: boolean): void {
    if (urgent || this.mirror.index.complete) return this.mirror.publish();
    const wait = this.toldAt + PROGRESS_EVERY_MS - Date.now();
    if (wait <= 0) return this.tell(this.loading);
    // Told later if nothing else (a change, the next chunk) tells it first.
    this.progressLater ??= setTimeout(() => {
      this.progressLater = null;
      if (!this.stopped) this.tell(this.loading);
    }, wait);
  }
}

/** A chunk's codings (all of `documents`', answered with `counts`) into the mirror's state and index. */
export function fileChunk(state: ProjectState, index: CodingIndex, documents: readonly DocumentId[], codings: readonly Coding[], counts: CodingCounts): void {
  for (const coding of codings) state.codings[coding.id] = coding;
  index.load(state, documents, codings, counts);
}
