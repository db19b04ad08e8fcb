import { Database } from "@hocuspocus/extension-database";
import type { Document, onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import * as Y from "yjs";
import type { TeamServerStore } from "./store.js";

/** Stored updates beyond this many are folded into one at the next load. */
const COMPACT_AFTER = 20;

/**
 * Persistence through Hocuspocus's Database extension, with its two hooks specialised for large
 * projects. The stock store encodes and rewrites the whole state at every store (for 100k codings,
 * 18 MB and most of a second of the event loop, every debounce period while anyone codes); here a
 * store appends only what changed since this instance's last store, and a load applies the stored
 * updates in order and folds them into one. Appends commute, so instances never overwrite each
 * other (nothing like last-writer-wins on a whole state).
 */
export class TeamPersistence extends Database {
  /** Per loaded document, the state vector of what this instance has stored (or loaded). */
  private readonly stored = new WeakMap<Document, Uint8Array>();

  constructor(private readonly store: TeamServerStore) {
    super({});
  }

  override async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const { lastId, updates } = await this.store.documentUpdates(documentName);
    Y.transact(document, () => {
      for (const update of updates) Y.applyUpdate(document, update);
    });
    this.stored.set(document, Y.encodeStateVector(document));
    if (updates.length > COMPACT_AFTER) await this.store.compactDocument(documentName, lastId, Y.encodeStateAsUpdate(document));
  }

  override async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    await this.flush(document, documentName);
  }

  /** Stores what this instance has of the document and has not stored yet; resolves once it is in the database. */
  async flush(document: Document, documentName = document.name): Promise<void> {
    // State vector and diff taken together, synchronously: nothing can slip between them. (An
    // unchanged vector is no reason to skip: a deletion changes only the delete set.)
    const previous = this.stored.get(document);
    const vector = Y.encodeStateVector(document);
    const update = Y.encodeStateAsUpdate(document, previous);
    await this.store.appendDocumentUpdate(documentName, update);
    // Another store may have run meanwhile and stored more: keep the later vector.
    if (!this.stored.get(document) || this.stored.get(document) === previous) this.stored.set(document, vector);
  }
}

/** The stored state of a document, all updates merged (tests and tools; the server applies them in order). */
export async function storedState(store: TeamServerStore, name: string): Promise<Uint8Array | null> {
  const { updates } = await store.documentUpdates(name);
  return updates.length ? Y.mergeUpdates(updates) : null;
}
