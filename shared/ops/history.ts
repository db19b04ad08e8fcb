import type { OpDescription } from "./describe.js";
import type { Operation } from "./operation.js";

/** One step of the history: the operation that takes it back (or forward), and what the step was. */
export interface HistoryEntry {
  op: Operation;
  /** The change the user made, in words (null when the caller did not describe it). */
  description: OpDescription | null;
}

/**
 * Undo and redo stacks of inverse operations. The caller applies what `undo`/`redo` hand out and
 * reports the resulting inverse back with `undone`/`redone`, so the stacks never hold an
 * operation that was not actually applied. Each step keeps the description of the change the user
 * made, so the undo button, its tooltip and the history list can say what undo will take back.
 */
export class History {
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];

  constructor(private readonly limit = 500) {}

  /** Records the inverse of an operation the user just made; a new change clears redo. */
  record(inverse: Operation, description: OpDescription | null = null): void {
    this.undoStack.push({ op: inverse, description });
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  peekUndo(): Operation | undefined {
    return this.undoStack.at(-1)?.op;
  }

  peekRedo(): Operation | undefined {
    return this.redoStack.at(-1)?.op;
  }

  /** What the next undo takes back, in words. */
  get nextUndo(): OpDescription | null {
    return this.undoStack.at(-1)?.description ?? null;
  }

  /** What the next redo brings back, in words. */
  get nextRedo(): OpDescription | null {
    return this.redoStack.at(-1)?.description ?? null;
  }

  /** The steps, most recent first: those undo would take back, and those redo would bring back. */
  list(): { undo: (OpDescription | null)[]; redo: (OpDescription | null)[] } {
    return {
      undo: this.undoStack.map((e) => e.description).reverse(),
      redo: this.redoStack.map((e) => e.description).reverse(),
    };
  }

  /** The undo operation was applied; `inverse` redoes it. */
  undone(inverse: Operation): void {
    const entry = this.undoStack.pop();
    this.redoStack.push({ op: inverse, description: entry?.description ?? null });
  }

  /** The redo operation was applied; `inverse` undoes it again. */
  redone(inverse: Operation): void {
    const entry = this.redoStack.pop();
    this.undoStack.push({ op: inverse, description: entry?.description ?? null });
  }

  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
  }
}
