import { applyOperation, CodingIndex, type Applied, type HistoryList, type HistoryStep, type OpDescription, type OpenProject, type Operation, type ProjectState } from "../../shared/index.js";
import { api } from "../api/client.js";

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

  constructor(open: OpenProject) {
    this.snapshot = { ...open, nextUndo: open.nextUndo ?? null, nextRedo: open.nextRedo ?? null, lastStep: null, version: 0, index: new CodingIndex(open.state) };
    this.revision = open.revision ?? 0;
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
          const since = await api.changesSince({ after: this.revision });
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
    const open = await api.currentProject({});
    if (!open) return;
    this.snapshot = { ...this.snapshot, state: open.state, index: new CodingIndex(open.state) };
    this.revision = this.wanted = open.revision ?? this.revision;
    this.publish(open);
  }

  private take(op: Operation): void {
    applyOperation(this.snapshot.state, op);
    this.snapshot.index.update(this.snapshot.state, op);
  }

  /** A new version for the views, with the undo/redo state the backend reported (if any). */
  private publish(result: Pick<Applied, "canUndo" | "canRedo" | "nextUndo" | "nextRedo" | "step"> | null): void {
    if (!result) {
      this.snapshot = { ...this.snapshot, version: this.snapshot.version + 1 };
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
    };
    for (const listener of this.listeners) listener();
  }
}
