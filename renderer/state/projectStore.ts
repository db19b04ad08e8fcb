import { applyOperation, CodingIndex, type Applied, type OpenProject, type Operation, type ProjectState } from "../../shared/index.js";
import { api } from "../api/client.js";

export interface ProjectSnapshot {
  dir: string;
  state: ProjectState;
  canUndo: boolean;
  canRedo: boolean;
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
    this.snapshot = { ...open, version: 0, index: new CodingIndex(open.state) };
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

  /** Takes in what the backend applied (also after an import). */
  receive(result: Applied): void {
    if (result.applied) {
      applyOperation(this.snapshot.state, result.applied);
      this.snapshot.index.update(this.snapshot.state, result.applied);
    }
    this.snapshot = { ...this.snapshot, canUndo: result.canUndo, canRedo: result.canRedo, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}
