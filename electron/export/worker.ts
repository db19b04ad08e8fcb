import { parentPort, workerData } from "node:worker_threads";
import { TandaiError, toErrorPayload } from "../../shared/errors.js";
import type { DocumentId } from "../../shared/model/ids.js";
import type { ExportProgress } from "../../shared/export/model.js";
import { readPinnedAt } from "../store/readAt.js";
import { readDocumentFile } from "../store/store.js";
import type { FromWorker, ToWorker, WorkerJob } from "./inWorker.js";

/**
 * An export job on its own thread (bundled to dist/electron/exportWorker.mjs): building a 100k-quote
 * .docx keeps a CPU busy for half a minute, which on the main thread would freeze the app's window
 * and the status and cancel requests with it. The project is read at the job's seq from its files
 * pinned at the start (readPinnedAt: no lock, nothing written), the documents from its folder.
 *
 * The project is read first, from the files pinned when the job started (the main thread closes
 * them when told they are read), and the exporters (docx, exceljs, resvg…: a second or more to
 * load on a busy machine) only after, from their own chunk of the bundle: the files are held open
 * for as short a time as the read takes, not that load too.
 */
const job = workerData as WorkerJob;
const controller = new AbortController();
const post = (message: FromWorker) => parentPort!.postMessage(message);

/** The one print asked of the main thread at a time (a report prints once). */
let printing: { resolve(pdf: Uint8Array): void; reject(error: unknown): void } | null = null;

parentPort!.on("message", (message: ToWorker) => {
  if (message.type === "cancel") controller.abort();
  else if (message.type === "printed") printing?.resolve(message.pdf);
  else if (message.type === "printFailed") printing?.reject(new TandaiError(message.error.code, message.error.params));
});

/** Electron's printToPDF runs in the main process, with a window: the HTML goes there and the bytes come back. */
const printInMain = (html: string) =>
  new Promise<Uint8Array>((resolve, reject) => {
    printing = { resolve, reject };
    post({ type: "print", html });
  }).finally(() => (printing = null));

const onProgress = (progress: ExportProgress) => post({ type: "progress", progress });

async function run(): Promise<number> {
  // No progress yet: the bar stays indeterminate while the project itself is read.
  const state = await readPinnedAt(job.files, job.seq).finally(() => post({ type: "read" }));
  const [{ runExport }, { ParagraphIndex }, { docxToPdfWithLibreOffice }] = await Promise.all([import("./run.js"), import("./paragraphs.js"), import("./pdf.js")]);
  const toPdf = (html: string, docx: () => Promise<Uint8Array>) => (job.printInMain ? printInMain(html) : docx().then(docxToPdfWithLibreOffice));
  const source = { state, readDocumentContent: (id: DocumentId) => readDocumentFile(job.dir, id) };
  return runExport(source, job.request, job.path, { paragraphs: new ParagraphIndex(), toPdf }, { signal: controller.signal, onProgress });
}

run().then(
  (bytes) => post({ type: "done", bytes }),
  (error: unknown) => post({ type: "failed", error: toErrorPayload(error) }),
);
