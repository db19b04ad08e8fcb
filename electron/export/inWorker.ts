import { Worker } from "node:worker_threads";
import { TandaiError, type ErrorPayload, type ExportControl, type ExportProgress, type ExportRequest, type ProjectState } from "../../shared/index.js";

/** What a worker is given: the project as it was when the export started, and where to write. */
export interface WorkerJob {
  request: ExportRequest;
  path: string;
  state: ProjectState;
  /** The project folder, to read documents from. */
  dir: string;
}

export type ToWorker = { type: "cancel" };
export type FromWorker = { type: "progress"; progress: ExportProgress } | { type: "done"; bytes: number } | { type: "failed"; error: ErrorPayload };

/**
 * Runs an export in a worker thread (see worker.ts), relaying its progress and the user's cancel.
 * Posting the state clones it, so the job works on a snapshot while the user codes on.
 */
export function exportInWorker(script: URL, job: WorkerJob, control: ExportControl & { signal: AbortSignal }): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    let settled = false;
    const cancel = () => worker.postMessage({ type: "cancel" } satisfies ToWorker);
    control.signal.addEventListener("abort", cancel, { once: true });
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      control.signal.removeEventListener("abort", cancel);
      settle();
      void worker.terminate();
    };
    worker.on("message", (message: FromWorker) => {
      if (message.type === "progress") control.onProgress?.(message.progress);
      else if (message.type === "done") finish(() => resolve(message.bytes));
      else finish(() => reject(new TandaiError(message.error.code, message.error.params)));
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => finish(() => reject(new TandaiError("errors.unexpected", { detail: `export worker stopped (${code})` }))));
  });
}
