import { Worker } from "node:worker_threads";
import { TandaiError, toErrorPayload, type ErrorPayload, type ExportControl, type ExportProgress, type ExportRequest } from "../../shared/index.js";
import { releasePinned, type PinnedProject } from "../store/readAt.js";

/**
 * What a worker is given: where the project is, which change it was at when the export started,
 * its files pinned at that moment, and where to write. Not the state: posting it would copy it on
 * the main thread (4.6 s and a second 1.3 GB at a million codings, with coding stalled meanwhile).
 * Every acknowledged change is durable with its seq, so the worker reads the project at `seq`
 * itself from the pinned files (store/readAt.ts), whatever the app's compactions do meanwhile.
 */
export interface WorkerJob {
  request: ExportRequest;
  path: string;
  /** The project folder: its project.json, journals and documents. */
  dir: string;
  /** The store's sequence when the export started: the worker exports exactly this change. */
  seq: number;
  /**
   * The project's files pinned in the same tick as `seq` was taken (pinProject). exportInWorker
   * owns the descriptors from the call on and closes them, once: when the worker says it has read
   * them, or when the job ends or fails to start, whichever comes first. The worker never closes
   * them itself: two closers could not tell whether the other had, and closing a number twice may
   * close a file opened since under the same number (the store's journal).
   */
  files: PinnedProject;
  /**
   * A PDF is printed by the main thread (Electron's printToPDF needs a window): the worker builds
   * the report's HTML and asks for it to be printed, and writes the bytes it gets back.
   */
  printInMain?: boolean;
}

export type ToWorker = { type: "cancel" } | { type: "printed"; pdf: Uint8Array } | { type: "printFailed"; error: ErrorPayload };
export type FromWorker =
  /** The pinned files are read (or failed to be): they can be closed. */
  | { type: "read" }
  | { type: "progress"; progress: ExportProgress }
  | { type: "print"; html: string }
  | { type: "done"; bytes: number }
  | { type: "failed"; error: ErrorPayload };

/**
 * Runs an export in a worker thread (see worker.ts), relaying its progress and the user's cancel.
 * The worker reads the project at the job's seq from the files pinned with it, so it works on the
 * state of the moment the export started while the user codes on.
 */
export function exportInWorker(
  script: URL,
  job: WorkerJob,
  control: ExportControl & { signal: AbortSignal },
  printToPdf?: (html: string) => Promise<Uint8Array>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: job });
    } catch (error) {
      releasePinned(job.files);
      reject(error);
      return;
    }
    let settled = false;
    const cancel = () => worker.postMessage({ type: "cancel" } satisfies ToWorker);
    control.signal.addEventListener("abort", cancel, { once: true });
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      control.signal.removeEventListener("abort", cancel);
      // Before settling: whoever awaits the job finds the descriptors closed.
      releasePinned(job.files);
      settle();
      void worker.terminate();
    };
    const print = (html: string) => {
      const printing = printToPdf ? printToPdf(html) : Promise.reject(new Error("exportInWorker: no PDF printer"));
      printing.then(
        (pdf) => worker.postMessage({ type: "printed", pdf } satisfies ToWorker),
        (error: unknown) => worker.postMessage({ type: "printFailed", error: toErrorPayload(error) } satisfies ToWorker),
      );
    };
    worker.on("message", (message: FromWorker) => {
      if (message.type === "read") releasePinned(job.files);
      else if (message.type === "progress") control.onProgress?.(message.progress);
      else if (message.type === "print") print(message.html);
      else if (message.type === "done") finish(() => resolve(message.bytes));
      else finish(() => reject(new TandaiError(message.error.code, message.error.params)));
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => finish(() => reject(new TandaiError("errors.unexpected", { detail: `export worker stopped (${code})` }))));
  });
}
