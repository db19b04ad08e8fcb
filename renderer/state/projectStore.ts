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

  constructor(open: OpenProject) {
    this.snapshot = { ...open, nextUndo: open.nextUndo ?? null, nextRedo: open.nextRedo ?? null, lastStep: null, version: 0, index: new CodingIndex(open.state) };
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

  /** Takes in what the backend applied (also after an import). */
  receive(result: Applied): void {
    if (result.applied) {
      applyOperation(this.snapshot.state, result.applied);
      this.snapshot.index.update(this.snapshot.state, result.applied);
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
