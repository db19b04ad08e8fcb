import { parentPort } from "node:worker_threads";
import { toErrorPayload } from "../../shared/index.js";
import type { FromImportWorker, ToImportWorker } from "./inWorker.js";
import { importDocument } from "./index.js";
import { packBlocks } from "./packedBlocks.js";
import { readRefiProject } from "./qdpx/read.js";
import { packProject } from "./qdpx/transfer.js";

/**
 * Imports on their own thread (bundled to dist/electron/importWorker.mjs), one file at a time,
 * under the memory ceiling the runner gives the thread: a hostile file that makes a parser
 * explode kills this thread, never the app's main process or the web server.
 */
parentPort!.on("message", (job: ToImportWorker) => {
  // A REFI-QDA project is read here (unzipped, parsed, its texts decoded) and handed back as plain data, its selections packed (transfer.ts).
  if (job.kind === "refi") {
    readRefiProject(job.name, job.data).then(
      (project) => {
        const { packed, transfer } = packProject(project);
        parentPort!.postMessage({ id: job.id, ok: true, project: packed } satisfies FromImportWorker, transfer);
      },
      (error: unknown) => parentPort!.postMessage({ id: job.id, ok: false, error: toErrorPayload(error) } satisfies FromImportWorker),
    );
    return;
  }
  importDocument(job.name, job.data, job.options).then(
    (document) => {
      // The text goes back as UTF-8 bytes and the blocks packed into numbers, both handed over
      // rather than copied: a cloned string of 50 MB is 100 MB twice over (the message, then the
      // string) while both threads hold theirs, and a million cloned block objects some 200 MB.
      // Text with a lone surrogate (UTF-8 cannot carry one) is cloned as it is. (String.isWellFormed
      // is in Node 20+, not yet in the TypeScript lib this project targets.)
      const blocks = packBlocks(document.content.blocks);
      const wellFormed = (document.content.text as unknown as { isWellFormed(): boolean }).isWellFormed();
      const utf8 = wellFormed ? new TextEncoder().encode(document.content.text) : undefined;
      const content = { text: wellFormed ? "" : document.content.text, blocks: [] };
      const message = { id: job.id, ok: true, document: { ...document, content }, blocks, ...(utf8 ? { utf8 } : {}) } satisfies FromImportWorker;
      parentPort!.postMessage(message, utf8 ? [utf8.buffer, blocks.buffer] : [blocks.buffer]);
    },
    (error: unknown) => parentPort!.postMessage({ id: job.id, ok: false, error: toErrorPayload(error) } satisfies FromImportWorker),
  );
});
parentPort!.postMessage({ ready: true } satisfies FromImportWorker);
