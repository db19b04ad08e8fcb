import { parentPort, workerData } from "node:worker_threads";
import { toErrorPayload, type DocumentId } from "../../shared/index.js";
import { readDocumentFile } from "../store/store.js";
import type { FromWorker, ToWorker, WorkerJob } from "./inWorker.js";
import { ParagraphIndex } from "./paragraphs.js";
import { docxToPdfWithLibreOffice } from "./pdf.js";
import { runExport } from "./run.js";

/**
 * An export job on its own thread (bundled to dist/electron/exportWorker.mjs): building a 100k-quote
 * .docx keeps a CPU busy for half a minute, which on the main thread would freeze the app's window
 * and the status and cancel requests with it. Documents are read from the project folder directly.
 */
const job = workerData as WorkerJob;
const controller = new AbortController();
const post = (message: FromWorker) => parentPort!.postMessage(message);

parentPort!.on("message", (message: ToWorker) => {
  if (message.type === "cancel") controller.abort();
});

const source = { state: job.state, readDocumentContent: (id: DocumentId) => readDocumentFile(job.dir, id) };
const deps = { paragraphs: new ParagraphIndex(), toPdf: (_html: string, docx: () => Promise<Uint8Array>) => docx().then(docxToPdfWithLibreOffice) };
runExport(source, job.request, job.path, deps, { signal: controller.signal, onProgress: (progress) => post({ type: "progress", progress }) }).then(
  (bytes) => post({ type: "done", bytes }),
  (error: unknown) => post({ type: "failed", error: toErrorPayload(error) }),
);
