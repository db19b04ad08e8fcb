import { Worker } from "node:worker_threads";
import { TandaiError, type ErrorPayload } from "../../shared/index.js";
import { importError } from "./errors.js";
import { unpackBlocks } from "./packedBlocks.js";
import type { ImportedDocument, ImportOptions } from "./index.js";
import type { RefiProject } from "../../shared/refi/model.js";
import { unpackProject, type PackedProject } from "./qdpx/transfer.js";

export interface ToImportWorker {
  id: number;
  /** A document (the default) or a REFI-QDA project, read whole into a RefiProject. */
  kind?: "document" | "refi";
  name: string;
  data: Uint8Array;
  options: ImportOptions;
}
/**
 * A document comes back with its blocks empty and `blocks` holding them packed, and its text empty
 * and `utf8` holding it, unless UTF-8 cannot hold it (see worker.ts); a REFI-QDA project, packed
 * in columns (qdpx/transfer.ts).
 */
export type FromImportWorker =
  | { id: number; ok: true; document: ImportedDocument; utf8?: Uint8Array; blocks: Int32Array }
  | { id: number; ok: true; project: PackedProject }
  | { id: number; ok: false; error: ErrorPayload }
  | { ready: true };

/** What one import may use before it is stopped. */
export interface ImportLimits {
  /** The worker's V8 heap (old generation), in MB. */
  memoryMb: number;
  /** Wall-clock time for one file, in milliseconds. */
  timeoutMs: number;
}

/**
 * A 50 MB file of prose needs some 600 MB of heap at the peak (text, blocks, the copy posted back);
 * 1.5 GB leaves room and still stops a parser running away long before the machine swaps.
 * Two minutes is twenty times what the largest real file takes on a slow laptop.
 */
/** Files larger than this, or of more blocks than this, end their thread once imported (see runNow). */
const RECYCLE_AFTER_BYTES = 4 * 1024 * 1024;
const RECYCLE_AFTER_BLOCKS = 100_000;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { memoryMb: 1536, timeoutMs: 120_000 };

/**
 * Runs imports on a worker thread (see worker.ts) with a heap ceiling and a time limit, one file
 * at a time. A file that exhausts the heap, or runs past the limit, fails alone with a message
 * naming it (import.errors.outOfMemory / tooSlow): the thread is dropped and the next file gets a
 * fresh one. While idle the thread does not keep the process alive.
 */
export class ImportWorker {
  private worker: { thread: Worker; ready: Promise<void> } | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly script: URL,
    private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  ) {}

  /** Imports one file; runs after the files asked for before it. */
  run(name: string, data: Uint8Array, options: ImportOptions = {}): Promise<ImportedDocument> {
    const result = this.queue.then(() => this.runNow(name, data, options, "document") as Promise<ImportedDocument>);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Reads a REFI-QDA project (.qdpx/.qde) under the same ceiling and time limit; runs after the files asked for before it. */
  runRefi(name: string, data: Uint8Array): Promise<RefiProject> {
    const result = this.queue.then(() => this.runNow(name, data, {}, "refi") as Promise<RefiProject>);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the thread (a later run starts a new one). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.thread.terminate();
  }

  /** A new thread, and when it has loaded the importers (the time limit counts from then). */
  private spawn(): { thread: Worker; ready: Promise<void> } {
    const thread = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
    });
    thread.unref();
    const ready = new Promise<void>((resolve) => {
      const onReady = (message: FromImportWorker) => "ready" in message && (thread.off("message", onReady), resolve());
      thread.on("message", onReady);
      // A thread that dies while starting fails the file it was started for (runNow's listeners).
      thread.once("exit", () => resolve());
    });
    return { thread, ready };
  }

  private runNow(name: string, data: Uint8Array, options: ImportOptions, kind: "document" | "refi"): Promise<ImportedDocument | RefiProject> {
    const spawned = (this.worker ??= this.spawn());
    const worker = spawned.thread;
    const file = name.split(/[\\/]/).pop() || name;
    const id = this.nextId++;
    return new Promise<ImportedDocument | RefiProject>((resolve, reject) => {
      let settled = false;
      const done = (settle: () => void, dropWorker: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        worker.unref();
        if (dropWorker) {
          if (this.worker === spawned) this.worker = null;
          void worker.terminate();
        }
        settle();
      };
      const onMessage = (message: FromImportWorker) => {
        if ("ready" in message || message.id !== id) return;
        if (message.ok && "utf8" in message && message.utf8) message.document.content.text = new TextDecoder().decode(message.utf8);
        let value: ImportedDocument | RefiProject | null;
        try {
          if (message.ok && "blocks" in message) message.document.content.blocks = unpackBlocks(message.blocks);
          value = message.ok ? ("project" in message ? unpackProject(message.project) : message.document) : null;
        } catch (error) {
          // A listener that threw would take the process down: the file fails instead, naming it.
          return done(() => reject(importError("unreadable", file, { detail: error instanceof Error ? error.message : String(error) })), true);
        }
        // After a large file the thread's heap still holds its garbage (the decoded text, the
        // parser's objects) while the main thread writes the document: ending the thread first
        // frees it, so the two peaks do not add up. The next file starts a fresh thread.
        if (message.ok && (data.byteLength > RECYCLE_AFTER_BYTES || ("blocks" in message && message.blocks.length / 5 > RECYCLE_AFTER_BLOCKS))) {
          settled = true;
          clearTimeout(timer);
          worker.off("message", onMessage).off("error", onError).off("exit", onExit);
          if (this.worker === spawned) this.worker = null;
          void worker.terminate().then(() => resolve(value!));
          return;
        }
        if (message.ok) done(() => resolve(value!), false);
        else done(() => reject(new TandaiError(message.error.code, message.error.params)), false);
      };
      const onError = (error: Error & { code?: string }) => {
        const failure =
          error.code === "ERR_WORKER_OUT_OF_MEMORY" ? importError("outOfMemory", file, { max: this.limits.memoryMb }) : importError("unreadable", file, { detail: error.message });
        done(() => reject(failure), true);
      };
      const onExit = (code: number) => done(() => reject(importError("unreadable", file, { detail: `import worker stopped (${code})` })), true);
      let timer: ReturnType<typeof setTimeout> | undefined;
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.ref();
      void spawned.ready.then(() => {
        if (settled) return;
        timer = setTimeout(() => done(() => reject(importError("tooSlow", file, { seconds: Number((this.limits.timeoutMs / 1000).toFixed(1)) })), true), this.limits.timeoutMs);
        worker.postMessage({ id, kind, name, data, options } satisfies ToImportWorker);
      });
    });
  }
}
