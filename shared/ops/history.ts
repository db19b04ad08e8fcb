import type { Operation } from "./operation.js";

/**
 * Undo and redo stacks of inverse operations. The caller applies what `undo`/`redo` hand out and
 * reports the resulting inverse back with `undone`/`redone`, so the stacks never hold an
 * operation that was not actually applied.
 */
export class History {
  private readonly undoStack: Operation[] = [];
  private readonly redoStack: Operation[] = [];

  constructor(private readonly limit = 500) {}

  /** Records the inverse of an operation the user just made; a new change clears redo. */
  record(inverse: Operation): void {
    this.undoStack.push(inverse);
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
    return this.undoStack.at(-1);
  }

  peekRedo(): Operation | undefined {
    return this.redoStack.at(-1);
  }

  /** The undo operation was applied; `inverse` redoes it. */
  undone(inverse: Operation): void {
    this.undoStack.pop();
    this.redoStack.push(inverse);
  }

  /** The redo operation was applied; `inverse` undoes it again. */
  redone(inverse: Operation): void {
    this.redoStack.pop();
    this.undoStack.push(inverse);
  }

  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
  }
}
