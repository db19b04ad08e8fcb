/**
 * The child of the crash test (bundled by crash.test.ts with esbuild, run with plain node): opens a
 * project and applies operations as fast as it can, printing each one only after `apply` resolved,
 * until it is killed. Stdout to a pipe is synchronous on Linux and macOS, so a printed line was
 * acknowledged before the next operation began.
 */
import { openProject } from "../../../electron/store/index.js";
import type { CodeId, CodingId, DocumentId, TextOffset } from "../../../shared/index.js";

const [dir, documentId, codeId, compactEvery] = process.argv.slice(2) as [string, DocumentId, CodeId, string];
const store = await openProject(dir, { compactEvery: Number(compactEvery) });
process.stdout.write("ready\n");
for (let i = 0; ; i++) {
  const id = `k${process.pid}n${i}` as CodingId;
  const start = i % 900;
  await store.apply({
    type: "addCoding",
    coding: { id, documentId, codeId, start: start as TextOffset, end: (start + 7) as TextOffset, coder: "Rani", stance: "supports", createdAt: new Date().toISOString() },
  });
  process.stdout.write(`coding ${id}\n`);
  if (i % 5 === 4) {
    await store.apply({ type: "setMemo", target: { kind: "coding", id }, content: { type: "doc" }, text: `memo ${i}` });
    process.stdout.write(`memo ${id}\n`);
  }
}
