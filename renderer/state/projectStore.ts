import { applyOperation, CodingIndex, type Applied, type CodingsChunk, type DocumentId, type HistoryList, type HistoryStep, type OpDescription, type OpenProject, type Operation, type ProjectState, type TandaiApi, TandaiError } from "../../shared/index.js";
import { api } from "../api/client.js";
import { CHUNK_CODINGS, loadingOf, nextChunk, withinLoaded, type CodingsLoading } from "./partialCodings.js";

/**
 * The rest of the codings start loading once the first document is drawn (afterFirstScreen), so
 * they do not compete with the first screen on a 2-core machine; at the latest this long after the
 * open, for a first screen without a document.
 */
const LOAD_AT_LATEST_MS = 1_500;
/**
 * While the background load goes on, the views are told of its progress at most this often: each
 * publish re-renders the workspace (document list, codebook counts), which at 1M codings and 50
 * chunks was a tenth of the renderer's work during the load. A chunk that completes the load, or
 * brings a document a view waits on, is told at once.
 */
const PROGRESS_EVERY_MS = 300;
/** Tries of a background request that failed before the views are told. */
const LOAD_TRIES = 3;

/** The store's refusal of a damaged snapshot (integrity, schema, checksum): not worth a retry. */
const refusedProject = (error: unknown) => error instanceof TandaiError && error.code.startsWith("store.errors.");

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The index of what an open carries: every coding, or (a first-screen open) some documents' with the backend's counts. */
function indexOf(open: OpenProject): CodingIndex {
  return new CodingIndex(open.state, open.loaded && open.counts ? { loaded: open.loaded, counts: open.counts } : undefined);
}

export interface ProjectSnapshot {
  dir: string;
  state: ProjectState;
  canUndo: boolean;
  canRedo: boolean;
  /** What the next undo and redo would do, in words (for the buttons' tooltips). */
  nextUndo: OpDescription | null;
  nextRedo: OpDescription | null;
  /** The latest undo or redo, with the version it happened at, so a view tells and shows it once. */
  lastStep: (HistoryStep & { version: number }) | null;
  /** Increases on every change, so views can memoise on it. */
  version: number;
  /** Codings by document and by code, kept current with each operation. */
  index: CodingIndex;
  /** Null when the state holds every coding; else how far the background load is (issue 13's two-step open). */
  loading: CodingsLoading | null;
}

type Listener = () => void;

/**
 * The renderer's mirror of the open project. The backend applies each operation durably and tells
 * which operation it applied; the mirror applies that same operation with the same pure function,
 * so the two states agree without shipping the whole project after every click.
 */
export class ProjectMirror {
  private listeners = new Set<Listener>();
  private snapshot: ProjectSnapshot;
  /** The backend's number of the last change this mirror applied (see Applied.revision). */
  private revision: number;
  /** The latest revision the backend is known to have reached. */
  private wanted = 0;
  private catchingUp: Promise<void> | null = null;
  /** Documents a view waits on, asked for beside the background load (not behind its chunk in flight). */
  private readonly wantedDocuments = new Set<DocumentId>();
  /** An operation changed counts of codings not loaded: the next request asks for fresh ones first. */
  private recount = false;
  private loader: Promise<void> | null = null;
  private loadFailure: unknown = null;
  private stopped = false;
  /** When the views were last given a new version, and a progress publish put off until later. */
  private publishedAt = 0;
  private progressLater: ReturnType<typeof setTimeout> | null = null;
  /**
   * A first-screen open was answered before the backend's check of the snapshot finished; the first
   * answer of codingsOf (which waits for it) confirms the file sound, even when the first screen
   * already held every coding.
   */
  private confirmed: boolean;

  /**
   * `refused` is told when the backend's check of the snapshot, still running when the first screen
   * was answered, finds the file damaged: the backend has closed the project (nothing was written)
   * and the app shows the recovery a refused open shows.
   */
  constructor(
    open: OpenProject,
    private readonly refused: (error: unknown) => void = () => undefined,
  ) {
    const index = indexOf(open);
    this.snapshot = { ...open, nextUndo: open.nextUndo ?? null, nextRedo: open.nextRedo ?? null, lastStep: null, version: 0, index, loading: loadingOf(index, null) };
    this.revision = open.revision ?? 0;
    this.confirmed = !open.loaded;
    if (!this.done) setTimeout(() => void this.loadAll(), LOAD_AT_LATEST_MS);
  }

  /**
   * The first screen's document is mounted: the background load starts once the page is idle (its
   * highlights drawn), so the first screen does not wait behind parsing and filing chunks.
   */
  afterFirstScreen(): void {
    if (this.done || this.loader) return;
    const start = () => void this.loadAll();
    if (typeof requestIdleCallback === "function") requestIdleCallback(start, { timeout: LOAD_AT_LATEST_MS });
    else setTimeout(start, 50);
  }

  /** Every coding is held, and the backend's check of the snapshot has passed. */
  private get done(): boolean {
    return this.snapshot.index.complete && this.confirmed;
  }

  /** Starts (or joins) the background load of the codings not held yet; resolves when it ends. */
  loadAll(): Promise<void> {
    if (this.done || this.stopped) return Promise.resolve();
    this.loader ??= this.loadRest().finally(() => (this.loader = null));
    return this.loader;
  }

  /** A view shows this document: its codings are asked for at once, alone, whatever the background load is doing. */
  prioritise(documentId: DocumentId): void {
    if (this.stopped || this.snapshot.index.isLoaded(documentId) || this.wantedDocuments.has(documentId)) return;
    this.wantedDocuments.add(documentId);
    void this.fetchUntilTaken(() => (this.snapshot.index.isLoaded(documentId) ? null : [documentId])).finally(() => this.wantedDocuments.delete(documentId));
    void this.loadAll();
  }

  /** The project was closed or another opened: no more background requests for this one. */
  stop(): void {
    this.stopped = true;
  }

  /** About how many codings one background request asks for (a test's mirror asks for fewer). */
  protected get chunkCodings(): number {
    return CHUNK_CODINGS;
  }

  /** What the mirror reads from the backend by itself (a test's mirror answers from its own backend). */
  protected get remote(): Pick<TandaiApi, "codingsOf" | "changesSince" | "currentProject"> {
    return api;
  }

  /**
   * Asks for the codings not held, a chunk at a time, yielding between chunks so the views stay
   * responsive. A chunk is taken only if it was answered at the revision the mirror is at: if the
   * backend had moved on, the mirror first applies what it missed, then asks again.
   */
  private loadRest(): Promise<void> {
    return this.fetchUntilTaken((asked) => (this.done ? null : this.recount || this.snapshot.index.complete ? [] : nextChunk(this.snapshot.index, asked, this.chunkCodings)), false);
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
      const answer = this.remote.codingsOf({ documents });
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
          return this.refused(error);
        }
        if (++failures >= LOAD_TRIES) {
          this.loadFailure = error;
          this.publish(null);
          return;
        }
        await pause(300 * failures);
        continue;
      }
      if (this.stopped) return;
      if (chunk.revision !== this.revision) {
        if (chunk.revision > this.revision) {
          this.follow(chunk.revision);
          await this.catchingUp;
        }
        // Coding goes on while the chunks load: back off a little if it keeps outrunning them.
        if (++mismatches > 3) await pause(Math.min(1000, 50 * mismatches));
        continue;
      }
      mismatches = 0;
      if (!urgent) {
        const following = next(new Set(request.documents));
        if (following?.length) ahead = ask(following);
      }
      this.takeChunk(request.documents, chunk);
      this.progress(urgent || request.documents.some((id) => this.wantedDocuments.has(id)));
      await pause(0);
    }
  }

  private takeChunk(documents: DocumentId[], chunk: CodingsChunk): void {
    const { state, index } = this.snapshot;
    for (const coding of chunk.codings) state.codings[coding.id] = coding;
    index.load(state, documents, chunk.codings, chunk.counts);
    this.recount = false;
    this.confirmed = true;
    this.loadFailure = null;
  }

  get current(): ProjectSnapshot {
    return this.snapshot;
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  async apply(op: Operation): Promise<void> {
    this.receive(await api.apply({ op }));
  }

  async undo(): Promise<void> {
    this.receive(await api.undo({}));
  }

  async redo(): Promise<void> {
    this.receive(await api.redo({}));
  }

  /** The undo history in words, latest first. */
  undoHistory(): Promise<HistoryList> {
    return api.undoHistory({});
  }

  /** Undoes the latest `steps` steps (stepping back to a point of the history list). */
  async undoTo(steps: number): Promise<void> {
    this.receive(await api.undoTo({ steps }));
  }

  /**
   * Takes in what the backend applied (also after an import). Changes are numbered in the order
   * the backend applied them; when one came in between that this mirror has not seen (a team
   * sync's remote batch), it fetches the missing ones and applies them all in that order.
   */
  receive(result: Applied): void {
    if (result.applied) {
      if (result.revision === undefined || result.revision === this.revision + 1) {
        this.take(result.applied);
        if (result.revision !== undefined) this.revision = result.revision;
      } else this.follow(result.revision);
    }
    this.publish(result);
  }

  /** The backend has reached `revision` (a change's answer, a status poll): apply what this mirror has not. */
  follow(revision: number): void {
    this.wanted = Math.max(this.wanted, revision);
    if (this.wanted > this.revision) void this.catchUp();
  }

  /** Applies what the backend applied since this mirror's last change, in its order; resolves when level. */
  catchUp(): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        while (this.revision < this.wanted) {
          const since = await this.remote.changesSince({ after: this.revision });
          if (!since || since.changes.some((change, i) => change.revision !== this.revision + 1 + i)) return await this.reload();
          if (!since.changes.length) break;
          for (const change of since.changes) this.take(change.op);
          this.revision = since.revision;
          this.publish(null);
        }
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  /** Too much was missed to replay: the whole project again, as at open. */
  private async reload(): Promise<void> {
    const open = await this.remote.currentProject({ firstScreen: true });
    if (!open) return;
    this.snapshot = { ...this.snapshot, state: open.state, index: indexOf(open) };
    this.revision = this.wanted = open.revision ?? this.revision;
    this.recount = false;
    this.publish(open);
    void this.loadAll();
  }

  private take(op: Operation): void {
    const { state, index } = this.snapshot;
    if (!index.complete) {
      const part = withinLoaded(state, index, op);
      this.recount ||= part.recount;
      if (!part.op) return;
      op = part.op;
    }
    applyOperation(state, op);
    index.update(state, op);
  }

  /** A chunk was taken: tells the views now if `urgent` or the load is complete, else at most every PROGRESS_EVERY_MS. */
  private progress(urgent: boolean): void {
    const wait = this.publishedAt + PROGRESS_EVERY_MS - Date.now();
    if (urgent || this.snapshot.index.complete || wait <= 0) return this.publish(null);
    // Told later if no other publish (a change, the next chunk) comes first.
    this.progressLater ??= setTimeout(() => {
      this.progressLater = null;
      if (!this.stopped) this.publish(null);
    }, wait);
  }

  /** A new version for the views, with the undo/redo state the backend reported (if any). */
  private publish(result: Pick<Applied, "canUndo" | "canRedo" | "nextUndo" | "nextRedo" | "step"> | null): void {
    const loading = loadingOf(this.snapshot.index, this.loadFailure);
    this.publishedAt = Date.now();
    if (this.progressLater) clearTimeout(this.progressLater);
    this.progressLater = null;
    if (!result) {
      this.snapshot = { ...this.snapshot, version: this.snapshot.version + 1, loading };
      for (const listener of this.listeners) listener();
      return;
    }
    const version = this.snapshot.version + 1;
    this.snapshot = {
      ...this.snapshot,
      canUndo: result.canUndo,
      canRedo: result.canRedo,
      nextUndo: result.nextUndo ?? null,
      nextRedo: result.nextRedo ?? null,
      lastStep: result.step ? { ...result.step, version } : this.snapshot.lastStep,
      version,
      loading,
    };
    for (const listener of this.listeners) listener();
  }
}
