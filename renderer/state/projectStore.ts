import { applyOperation, changesCodingsAlone, CodingIndex, type Applied, type DocumentId, type HistoryList, type HistoryStep, type OpDescription, type OpenProject, type Operation, type ProjectState, type TandaiApi } from "../../shared/index.js";
import { api } from "../api/client.js";
import { CodingsLoader, LOAD_AT_LATEST_MS, type LoaderMirror } from "./codingsLoader.js";
import { CHUNK_CODINGS, withinLoaded, type CodingsLoading } from "./partialCodings.js";

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
  /**
   * Increases on every change but those to codings alone (changesCodingsAlone): what the codes,
   * documents, groups and their names are. A view of those (the codebook's tree, the document
   * list's order, title tails) memoises on it rather than on `version`, and so is not rebuilt
   * after each coding applied (at 200 codes and 2,000 documents that was most of a coding's
   * redraw); counts still follow `version`.
   */
  shape: number;
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
  /** A change other than to codings alone was taken since the last publish (ProjectSnapshot.shape). */
  private reshaped = false;
  /** The background load of the codings a first-screen open did not carry (issue 13's two-step open). */
  private readonly loader: CodingsLoader;

  /**
   * `refused` is told when the backend's check of the snapshot, still running when the first screen
   * was answered, finds the file damaged: the backend has closed the project (nothing was written)
   * and the app shows the recovery a refused open shows.
   */
  constructor(open: OpenProject, refused: (error: unknown) => void = () => undefined) {
    const index = indexOf(open);
    this.revision = open.revision ?? 0;
    this.snapshot = { ...open, nextUndo: open.nextUndo ?? null, nextRedo: open.nextRedo ?? null, lastStep: null, version: 0, shape: 0, index, loading: null };
    this.loader = new CodingsLoader(this.loaderSide(), { remote: () => this.remote, chunkCodings: () => this.chunkCodings, refused, confirmed: !open.loaded });
    this.snapshot.loading = this.loader.loading;
    if (this.loader.done) return;
    // After the constructor (a test's mirror sets its own backend after this one's constructor).
    queueMicrotask(() => this.primesOnOpen && this.loader.prime());
    setTimeout(() => void this.loader.loadAll(), LOAD_AT_LATEST_MS);
  }

  /** The little of the mirror its loader reads and calls (see LoaderMirror). */
  private loaderSide(): LoaderMirror {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below read the mirror as it is at each call
    const mirror = this;
    return {
      get state() {
        return mirror.snapshot.state;
      },
      get index() {
        return mirror.snapshot.index;
      },
      get revision() {
        return mirror.revision;
      },
      catchUpTo: (revision) => {
        this.follow(revision);
        return this.catchingUp ?? Promise.resolve();
      },
      publish: () => this.publish(null),
    };
  }

  /**
   * The first screen's document is mounted: the background load starts once the page is idle (its
   * highlights drawn), so the first screen does not wait behind parsing and filing chunks.
   */
  afterFirstScreen(): void {
    this.loader.afterFirstScreen();
  }

  /** Starts (or joins) the background load of the codings not held yet; resolves when it ends. */
  loadAll(): Promise<void> {
    return this.loader.loadAll();
  }

  /** A view shows this document: its codings are asked for at once, alone, whatever the background load is doing. */
  prioritise(documentId: DocumentId): void {
    this.loader.prioritise(documentId);
  }

  /** The project was closed or another opened: no more background requests for this one. */
  stop(): void {
    this.loader.stop();
  }

  /** How far the background load is, moving on between versions (see CodingsLoader.progress). */
  getProgress = (): CodingsLoading | null => this.loader.progress;

  subscribeProgress = (listener: () => void): (() => void) => this.loader.subscribeProgress(listener);

  /** Whether a first-screen open asks for the counts at once (CodingsLoader.prime; most tests' mirrors count requests without it). */
  protected get primesOnOpen(): boolean {
    return true;
  }

  /** About how many codings one background request asks for (a test's mirror asks for fewer). */
  protected get chunkCodings(): number {
    return CHUNK_CODINGS;
  }

  /** What the mirror reads from the backend by itself (a test's mirror answers from its own backend). */
  protected get remote(): Pick<TandaiApi, "codingsOf" | "changesSince" | "currentProject"> {
    return api;
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
    this.reshaped = true;
    this.revision = this.wanted = open.revision ?? this.revision;
    this.publish(open);
    this.loader.reloaded();
  }

  private take(op: Operation): void {
    const { state, index } = this.snapshot;
    // Before the partial mirror's trimming: an operation it leaves out changed the backend's shape all the same.
    if (!changesCodingsAlone(op)) this.reshaped = true;
    if (!index.complete) {
      const part = withinLoaded(state, index, op);
      if (part.recount) this.loader.countsChanged();
      if (!part.op) return;
      op = part.op;
    }
    applyOperation(state, op);
    index.update(state, op);
  }

  /** A new version for the views, with the undo/redo state the backend reported (if any). */
  private publish(result: Pick<Applied, "canUndo" | "canRedo" | "nextUndo" | "nextRedo" | "step"> | null): void {
    const loading = this.loader.loading;
    this.loader.published(loading);
    const shape = this.snapshot.shape + (this.reshaped ? 1 : 0);
    this.reshaped = false;
    if (!result) {
      this.snapshot = { ...this.snapshot, version: this.snapshot.version + 1, shape, loading };
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
      shape,
      loading,
    };
    for (const listener of this.listeners) listener();
  }
}
