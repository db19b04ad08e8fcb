/**
 * StoreOptions.keepShortJournal (what the CLI's one-shot commands open with): a short journal is
 * left unfolded at open and close, replayed by the next open; anything unusual is folded as before.
 */
import { appendFile, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject, openProject, type DiskProjectStore } from "../../../electron/store/index.js";
import { journalLine } from "../../../electron/store/journal.js";
import { SHORT_JOURNAL } from "../../../electron/store/store.js";
import type { Operation } from "../../../shared/index.js";
import { code, coding, documentMeta } from "../../shared/fixtures.js";
import { errorOf, tempDir } from "./helpers.js";

const KEEP = { keepShortJournal: true } as const;

const journalOf = async (dir: string) => (await readFile(path.join(dir, "journal.jsonl"), "utf8")).split("\n").filter(Boolean);
const snapshotSeq = async (dir: string) => (JSON.parse(await readFile(path.join(dir, "project.json"), "utf8")) as { seq: number }).seq;
const backupsOf = async (dir: string) => (await readdir(path.join(dir, "backups"))).sort();

/** A project with a document and a code, folded (journal empty); returns the ids to code with. */
async function project(dir: string) {
  const store = await createProject(dir, "Tesis");
  const doc = documentMeta("Wawancara", 100_000);
  const c = code("Motive");
  await store.apply({ type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: c }] });
  await store.close();
  return { doc, c };
}

async function codeN(store: DiskProjectStore, docId: Parameters<typeof coding>[0], codeId: Parameters<typeof coding>[1], n: number, from = 0) {
  for (let i = 0; i < n; i++) await store.apply({ type: "addCoding", coding: coding(docId, codeId, from + i, from + i + 3) });
}

describe("a short journal left unfolded (keepShortJournal)", () => {
  it("is left at close and replayed, not folded, by the next open; a close without the option folds it", async () => {
    const dir = await tempDir();
    const { doc, c } = await project(dir);
    const folded = await snapshotSeq(dir);
    const backups = await backupsOf(dir);

    const first = await openProject(dir, KEEP);
    await codeN(first, doc.id, c.id, 3);
    const after = structuredClone(first.state);
    await first.close();
    expect(await journalOf(dir)).toHaveLength(3);
    expect(await snapshotSeq(dir)).toBe(folded);
    expect(await backupsOf(dir)).toEqual(backups);

    const second = await openProject(dir, KEEP);
    expect(second.state).toEqual(after);
    expect(second.sequence).toBe(folded + 3);
    await codeN(second, doc.id, c.id, 1, 50);
    const more = structuredClone(second.state);
    await second.close();
    // The next line went after the three, in order: the journal still reads back whole.
    expect((await journalOf(dir)).map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3, 4].map((i) => folded + i));
    expect(await snapshotSeq(dir)).toBe(folded);

    // An open without the option does not fold it either (it is short), but its close does.
    const app = await openProject(dir);
    expect(app.state).toEqual(more);
    expect(await journalOf(dir)).toHaveLength(4);
    await app.close();
    expect(await journalOf(dir)).toHaveLength(0);
    expect(await snapshotSeq(dir)).toBe(folded + 4);
    // The fold's snapshot is backed up, named for its seq.
    expect((await backupsOf(dir)).at(-1)).toMatch(new RegExp(`-${folded + 4}\\.json$`));
    const reopened = await openProject(dir);
    expect(reopened.state).toEqual(more);
    await reopened.close();
  });

  it(`is folded at close once it holds ${SHORT_JOURNAL.lines} lines, and not at ${SHORT_JOURNAL.lines - 1}`, async () => {
    const dir = await tempDir();
    const { doc, c } = await project(dir);
    const folded = await snapshotSeq(dir);
    const store = await openProject(dir, KEEP);
    await codeN(store, doc.id, c.id, SHORT_JOURNAL.lines - 1);
    await store.close();
    expect(await journalOf(dir)).toHaveLength(SHORT_JOURNAL.lines - 1);

    const again = await openProject(dir, KEEP);
    await codeN(again, doc.id, c.id, 1, 500);
    const state = structuredClone(again.state);
    await again.close();
    expect(await journalOf(dir)).toHaveLength(0);
    expect(await snapshotSeq(dir)).toBe(folded + SHORT_JOURNAL.lines);
    const reopened = await openProject(dir, KEEP);
    expect(reopened.state).toEqual(state);
    await reopened.close();
  });

  it(`is folded once it holds ${SHORT_JOURNAL.bytes / 1024} kB, in one line (a bulk coding)`, async () => {
    const dir = await tempDir();
    const { doc, c } = await project(dir);
    const store = await openProject(dir, KEEP);
    const ops: Operation[] = Array.from({ length: 2000 }, (_, i) => ({ type: "addCoding", coding: coding(doc.id, c.id, i, i + 7) }));
    await store.apply({ type: "batch", ops });
    expect((await stat(path.join(dir, "journal.jsonl"))).size).toBeGreaterThan(SHORT_JOURNAL.bytes);
    await store.close();
    expect(await journalOf(dir)).toHaveLength(0);
  });

  it("is folded at open when its first line is over a day old, so a backup follows the changes", async () => {
    const dir = await tempDir();
    const { doc, c } = await project(dir);
    const seq = await snapshotSeq(dir);
    const old = new Date(Date.now() - SHORT_JOURNAL.ageMs - 60_000).toISOString();
    await writeFile(path.join(dir, "journal.jsonl"), journalLine({ seq: seq + 1, at: old, op: { type: "addCoding", coding: coding(doc.id, c.id, 1, 4) } }));
    const store = await openProject(dir, KEEP);
    expect(Object.keys(store.state.codings)).toHaveLength(1);
    expect(await journalOf(dir)).toHaveLength(0);
    expect(await snapshotSeq(dir)).toBe(seq + 1);
    await store.close();
  });

  it("is folded at open when its last line is torn, so the next line is not written after the torn bytes", async () => {
    const dir = await tempDir();
    const { doc, c } = await project(dir);
    const first = await openProject(dir, KEEP);
    await codeN(first, doc.id, c.id, 2);
    const acknowledged = structuredClone(first.state);
    await first.close();
    // A process killed in the middle of its append: half a line, never acknowledged.
    await appendFile(path.join(dir, "journal.jsonl"), '{"seq":99,"at":"2026-12-');

    const second = await openProject(dir, KEEP);
    expect(second.state).toEqual(acknowledged);
    expect(await journalOf(dir)).toHaveLength(0);
    await codeN(second, doc.id, c.id, 1, 70);
    const state = structuredClone(second.state);
    await second.close();
    const third = await openProject(dir, KEEP);
    expect(third.state).toEqual(state);
    await third.close();
  });

  it("is checked line by line as before: a damaged line is refused naming the file, the line and the field", async () => {
    const dir = await tempDir();
    const { doc, c } = await project(dir);
    const seq = await snapshotSeq(dir);
    const journal = path.join(dir, "journal.jsonl");
    const good = journalLine({ seq: seq + 1, at: new Date().toISOString(), op: { type: "addCoding", coding: coding(doc.id, c.id, 1, 4) } });
    // A line whose operation the schema refuses (a negative offset), with a checksum that matches it.
    const bad = journalLine({ seq: seq + 2, at: new Date().toISOString(), op: { type: "addCoding", coding: { ...coding(doc.id, c.id, 1, 4), start: -1 } } as unknown as Operation });
    const third = journalLine({ seq: seq + 3, at: new Date().toISOString(), op: { type: "renameProject", name: "X" } });
    await writeFile(journal, good + bad + third);
    const refused = await errorOf(openProject(dir, KEEP));
    expect(refused.code).toBe("store.errors.corrupt");
    expect(refused.params.file).toBe(journal);
    expect(String(refused.params.detail)).toMatch(/^line 2: op\.coding\.start: /);
    // An unknown key in the line's wrapper, likewise (not on the last line, which could be a torn write).
    const extraKey = journalLine({ seq: seq + 2, at: new Date().toISOString(), op: { type: "renameProject", name: "Y" } }).replace(/\}\n$/, ',"extra":1}\n');
    await writeFile(journal, good + extraKey + third);
    const extra = await errorOf(openProject(dir, KEEP));
    expect(extra.code).toBe("store.errors.corrupt");
    expect(String(extra.params.detail)).toMatch(/^line 2: /);
  });

  it("makes the app's deferred open check first and replay it (not fold it); the app's close folds it", async () => {
    const dir = await tempDir();
    const { doc, c } = await project(dir);
    const folded = await snapshotSeq(dir);
    const cli = await openProject(dir, KEEP);
    await codeN(cli, doc.id, c.id, 2);
    const state = structuredClone(cli.state);
    await cli.close();
    const app = await openProject(dir, { deferCheck: true });
    expect(app.state).toEqual(state);
    await app.checked;
    expect(await journalOf(dir)).toHaveLength(2);
    // The app's next operation goes after the two lines, in order.
    await codeN(app, doc.id, c.id, 1, 90);
    const after = structuredClone(app.state);
    expect((await journalOf(dir)).map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3].map((i) => folded + i));
    await app.close();
    expect(await journalOf(dir)).toHaveLength(0);
    // Empty again: the next deferred open takes its fast path, with every coding.
    const next = await openProject(dir, { deferCheck: true });
    // The fast path: the codings are read in after the open; the first screen's come from their own lines.
    expect(next.earlyCodings([doc.id])!.counts.byDocument[doc.id]).toBe(Object.keys(after.codings).length);
    await next.checked;
    expect(next.earlyCodings([doc.id])).toBeNull();
    expect(next.state).toEqual(after);
    await next.close();
  });
});
