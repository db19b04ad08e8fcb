import type { ChangesSince, NumberedChange, Operation } from "../../shared/index.js";

/**
 * Numbers every change the backend applies, in the order it applies them, and keeps the latest.
 * The renderer's mirror applies the same operations in the same order; when a sync applied a
 * remote batch between two of the renderer's own operations, the mirror sees a gap in the numbers
 * and asks for what it missed, so the two states never drift apart.
 */
export class ChangeLog {
  private revision = 0;
  private kept: NumberedChange[] = [];

  constructor(private readonly keep = 500) {}

  get current(): number {
    return this.revision;
  }

  record(op: Operation): number {
    this.kept.push({ revision: ++this.revision, op });
    if (this.kept.length > this.keep) this.kept.splice(0, this.kept.length - this.keep);
    return this.revision;
  }

  /** What came after `after`, or null when part of it is no longer kept (the mirror reloads). */
  since(after: number): ChangesSince {
    if (after >= this.revision) return { revision: this.revision, changes: [] };
    const oldest = this.kept[0]?.revision ?? this.revision + 1;
    if (after + 1 < oldest) return null;
    return { revision: this.revision, changes: this.kept.filter((change) => change.revision > after) };
  }

  /** Another project is open: its numbering starts again. */
  reset(): void {
    this.revision = 0;
    this.kept = [];
  }
}
