import { parentPort } from "node:worker_threads";
import { toErrorPayload } from "../../shared/index.js";
import type { FromImportWorker, ToImportWorker } from "./inWorker.js";
import { importDocument } from "./index.js";

/**
 * Imports on their own thread (bundled to dist/electron/importWorker.mjs), one file at a time,
 * under the memory ceiling the runner gives the thread: a hostile file that makes a parser
 * explode kills this thread, never the app's main process or the web server.
 */
parentPort!.on("message", (job: ToImportWorker) => {
  importDocument(job.name, job.data, job.options).then(
    (document) => parentPort!.postMessage({ id: job.id, ok: true, document } satisfies FromImportWorker),
    (error: unknown) => parentPort!.postMessage({ id: job.id, ok: false, error: toErrorPayload(error) } satisfies FromImportWorker),
  );
});
parentPort!.postMessage({ ready: true } satisfies FromImportWorker);
