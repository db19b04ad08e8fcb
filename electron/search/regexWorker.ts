import type { Worker } from "node:worker_threads";
import { TandaiError } from "../../shared/errors.js";
import type { DocumentId } from "../../shared/model/ids.js";
import type { RegexHits } from "../../shared/search/search.js";

/** A pattern that backtracks without end is stopped after this long (the worker is terminated). */
export const REGEX_TIME_LIMIT_MS = 3000;
/** More hits than this is not a search anyone reads; the rest are counted as cut off. */
export const MAX_REGEX_HITS = 200_000;

/**
 * The worker's whole program, evaluated as a script so it needs no bundling: it keeps the texts
 * it was sent (documents never change), and runs a pattern over those asked for.
 */
const SOURCE = `
const { parentPort } = require("node:worker_threads");
const texts = new Map();
parentPort.on("message", (m) => {
  if (m.type === "texts") { for (const [id, text] of m.texts) texts.set(id, text); return; }
  const re = new RegExp(m.pattern, m.flags);
  const hits = [];
  let total = 0;
  for (const id of m.ids) {
    const text = texts.get(id);
    if (text === undefined) continue;
    const found = [];
    re.lastIndex = 0;
    for (let x = re.exec(text); x; x = re.exec(text)) {
      if (x[0].length === 0) { re.lastIndex++; continue; }
      if (total++ >= m.max) break;
      found.push([x.index, x.index + x[0].length]);
    }
    if (found.length) hits.push([id, found]);
  }
  parentPort.postMessage({ hits, truncated: total > m.max });
});`;

/**
 * Regular-expression search off the backend's thread, in a worker that can be stopped: a
 * catastrophic pattern such as (a+)+$ costs a terminated worker, never a frozen app.
 */
export class RegexRunner {
  private worker: Worker | null = null;
  private sent = new Set<DocumentId>();

  async run(pattern: string, flags: string, docs: { id: DocumentId; text: string }[], timeoutMs = REGEX_TIME_LIMIT_MS): Promise<{ hits: RegexHits; truncated: boolean }> {
    if (!this.worker) {
      // Loaded with the first regular expression: a word search, and `tandai search` with it, runs
      // none, and loading node:worker_threads was ≈ 2 ms of such a command's CPU. Not import():
      // `tandai search` runs as a vm script (dist/cli-hot.cjs), where import() is experimental.
      const { Worker } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");
      this.worker ??= new Worker(SOURCE, { eval: true });
      // An idle worker must not keep the CLI alive; a running search holds its timer.
      this.worker.unref();
    }
    const worker = this.worker;
    const fresh = docs.filter((d) => !this.sent.has(d.id));
    if (fresh.length) {
      worker.postMessage({ type: "texts", texts: fresh.map((d) => [d.id, d.text]) });
      for (const d of fresh) this.sent.add(d.id);
    }
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
      };
      const onMessage = (m: { hits: [DocumentId, [number, number][]][]; truncated: boolean }) => {
        done();
        resolve({ hits: new Map(m.hits), truncated: m.truncated });
      };
      const onError = (error: Error) => {
        done();
        this.reset();
        reject(new TandaiError("search.errors.badRegex", { pattern, detail: error.message }));
      };
      const timer = setTimeout(() => {
        done();
        this.reset();
        reject(new TandaiError("search.errors.regexTimeout", { pattern, seconds: timeoutMs / 1000 }));
      }, timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ type: "run", pattern, flags, ids: docs.map((d) => d.id), max: MAX_REGEX_HITS });
    });
  }

  /** Stops the worker (a runaway pattern, or the project closing); the next search starts a new one. */
  reset(): void {
    void this.worker?.terminate();
    this.worker = null;
    this.sent = new Set();
  }
}
