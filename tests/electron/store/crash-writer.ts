/**
 * The child of the crash test (bundled by crash.test.ts with esbuild, run with plain node): opens a
 * project and applies operations as fast as it can, printing each one only after `apply` resolved,
 * until it is killed. Stdout to a pipe is synchronous on Linux and macOS, so a printed line was
 * acknowledged before the next operation began.
 */
import { openProject, type DiskProjectStore } from "../../../electron/store/index.js";
import type { CodeId, CodingId, DocumentId, TextOffset } from "../../../shared/index.js";

const [dir, documentId, codeId, compactEvery, mode] = process.argv.slice(2) as [string, DocumentId, CodeId, string, string | undefined];

/** One coding (and every fifth a memo on it), each printed only once acknowledged. */
async function write(store: DiskProjectStore, i: number): Promise<void> {
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

if (mode === "cli") {
  // What a script calling `tandai code` over and over does: open (leaving a short journal as it
  // is), a few operations, close; again and again, so kills land in opens, appends and closes alike.
  process.stdout.write("ready\n");
  for (let i = 0; ; ) {
    const store = await openProject(dir, { compactEvery: Number(compactEvery), keepShortJournal: true });
    for (const end = i + 1 + (i % 4); i < end; i++) await write(store, i);
    await store.close();
  }
} else {
  const store = await openProject(dir, { compactEvery: Number(compactEvery) });
  process.stdout.write("ready\n");
  for (let i = 0; ; i++) await write(store, i);
}
