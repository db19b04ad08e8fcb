import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { MemoTarget, Operation } from "../../../shared/index.js";
import { memoPayload } from "./extensions.js";

/** Quiet time after the last keystroke before a memo is saved. */
export const SAVE_DELAY_MS = 600;

/** idle: nothing typed yet; pending: typed, waiting for a pause; saving: sent; saved; error: the save failed. */
export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "error";

export interface SaverHooks {
  apply(op: Operation): Promise<void>;
  onStatus(status: SaveStatus): void;
  onError(error: unknown): void;
  /** Nothing is waiting to be saved and no save is under way any more. */
  onSettled(): void;
}

const serialise = (doc: ProseMirrorNode) => JSON.stringify(memoPayload(doc).content);

/**
 * Debounced saving of one memo as `setMemo` operations.
 *
 * It keeps the latest unsaved document as an immutable ProseMirror node, so a save flushed on
 * unmount still has the text after the editor is gone. A save that would send what was last sent
 * or loaded (typing then undoing it) is skipped, so the project's undo history holds no no-ops.
 */
export class MemoSaver {
  private pendingDoc: ProseMirrorNode | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = 0;
  /** The content last sent or loaded, serialised; undefined when unknown (after a failure). */
  private lastSent: string | undefined;
  /** Whether anything was saved yet, to tell "Saved" from nothing to say. */
  private saved = false;

  constructor(
    private readonly target: MemoTarget,
    loaded: ProseMirrorNode | null,
    private readonly hooks: SaverHooks,
  ) {
    this.lastSent = loaded ? serialise(loaded) : undefined;
  }

  /** Typed text not yet saved. */
  get dirty(): boolean {
    return this.pendingDoc !== null;
  }

  /** Typed text not yet saved, or a save not yet confirmed. */
  get busy(): boolean {
    return this.pendingDoc !== null || this.inFlight > 0;
  }

  /** The editor's document changed: save it once typing pauses, unless it is back to what is saved. */
  changed(doc: ProseMirrorNode): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (serialise(doc) === this.lastSent) {
      this.pendingDoc = null;
      this.settle();
      return;
    }
    this.pendingDoc = doc;
    this.hooks.onStatus("pending");
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  /** The editor now shows what the project holds, so that is what is saved. */
  loaded(doc: ProseMirrorNode): void {
    if (!this.busy) this.lastSent = serialise(doc);
  }

  /** Saves what is pending now (on blur, on unmount, when the pause is over). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const doc = this.pendingDoc;
    if (!doc) return;
    this.pendingDoc = null;
    const { content, text } = memoPayload(doc);
    const serialised = JSON.stringify(content);
    if (serialised === this.lastSent) {
      this.settle();
      return;
    }
    this.lastSent = serialised;
    this.inFlight += 1;
    this.hooks.onStatus("saving");
    let sent: Promise<void>;
    try {
      sent = this.hooks.apply({ type: "setMemo", target: this.target, content, text });
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      () => {
        this.inFlight -= 1;
        this.saved = true;
        if (!this.busy) this.settle();
      },
      (error: unknown) => {
        this.inFlight -= 1;
        // Keep the text as unsaved, so the next edit, blur or unmount tries again; never reload over it.
        this.lastSent = undefined;
        this.pendingDoc ??= doc;
        this.hooks.onStatus("error");
        this.hooks.onError(error);
      },
    );
  }

  /** Nothing unsent is left: say so, unless a save is still on its way. */
  private settle(): void {
    if (this.inFlight > 0) {
      this.hooks.onStatus("saving");
      return;
    }
    this.hooks.onStatus(this.saved ? "saved" : "idle");
    this.hooks.onSettled();
  }
}
