/**
 * A child of the lock race test (bundled with esbuild, run with plain node): waits for the parent's
 * "go", so that all openers hit the stale lock together, then opens the project (waiting
 * while another opener holds it), applies one coding, closes, and prints "ack <id>" only once
 * `apply` resolved — an acknowledged coding must be there when the project is reopened.
 */
import { openProject } from "../../../electron/store/index.js";
import { TandaiError, type CodeId, type CodingId, type DocumentId, type TextOffset } from "../../../shared/index.js";

const [dir, documentId, codeId, name] = process.argv.slice(2) as [string, DocumentId, CodeId, string];
// Loaded: say so, and wait for the parent's "go", sent to every opener at once once all are ready.
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.destroy();
const giveUp = Date.now() + 20_000;
for (;;) {
  try {
    const store = await openProject(dir);
    const id = `race${name}` as CodingId;
    try {
      await store.apply({
        type: "addCoding",
        coding: { id, documentId, codeId, start: 0 as TextOffset, end: 5 as TextOffset, coder: name, stance: "supports", createdAt: new Date().toISOString() },
      });
      process.stdout.write(`ack ${id}\n`);
    } finally {
      await store.close();
    }
    break;
  } catch (error) {
    if (!(error instanceof TandaiError) || error.code !== "store.errors.locked" || Date.now() > giveUp) {
      process.stderr.write(`${error instanceof TandaiError ? `${error.code} ${JSON.stringify(error.params)}` : String(error)}\n`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}
