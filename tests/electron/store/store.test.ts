import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createProject,
  isProject,
  listBackups,
  openProject,
  restoreBackup,
  type DiskProjectStore,
} from "../../../electron/store/index.js";
import { translate, type DocumentContent, type Operation } from "../../../shared/index.js";
import { code, coding, documentMeta } from "../../shared/fixtures.js";
import { errorOf, tempDir, withoutChecksum } from "./helpers.js";

const content: DocumentContent = { text: "Saya pindah ke Padang karena pekerjaan. ".repeat(20), blocks: [] };

/** A project with a document, two codes, codings and memos. */
async function populated(dir: string): Promise<{ store: DiskProjectStore; inverses: Operation[] }> {
  const store = await createProject(dir, "Tesis Rani");
  const doc = documentMeta("Wawancara 1", content.text.length);
  await store.writeDocumentContent(doc.id, content);
  const motive = code("Motive");
  const economic = code("Economic", motive.id);
  const a = coding(doc.id, motive.id, 0, 10);
  const b = coding(doc.id, economic.id, 20, 40);
  const inverses: Operation[] = [];
  for (const op of [
    { type: "addDocument", document: doc },
    { type: "addCode", code: motive },
    { type: "addCode", code: economic },
    { type: "addCoding", coding: a },
    { type: "addCoding", coding: b },
    { type: "setMemo", target: { kind: "coding", id: a.id }, content: { type: "doc", content: [] }, text: "why" },
    { type: "setMemo", target: { kind: "project" }, content: { type: "doc" }, text: "project memo" },
    { type: "removeCoding", codingId: a.id },
    { type: "setStance", codingId: b.id, stance: "contradicts" },
  ] as Operation[]) {
    inverses.push(await store.apply(op));
  }
  return { store, inverses };
}

describe("DiskProjectStore", () => {
  it("creates a project folder with the documented layout", async () => {
    const dir = path.join(await tempDir(), "Tesis");
    const store = await createProject(dir, "Tesis Rani");
    expect(await isProject(dir)).toBe(true);
    const names = await readdir(dir);
    expect(names).toEqual(expect.arrayContaining(["project.json", "journal.jsonl", "documents", "backups", ".tandai.lock"]));
    const lock = JSON.parse(await readFile(path.join(dir, ".tandai.lock"), "utf8"));
    expect(lock).toMatchObject({ pid: process.pid, host: os.hostname() });
    await store.close();
    expect(await readdir(dir)).not.toContain(".tandai.lock");
    expect(await isProject(path.join(dir, "documents"))).toBe(false);
  });

  it("reopens after close with an equal state, and the document text", async () => {
    const dir = await tempDir();
    const { store } = await populated(dir);
    const before = structuredClone(store.state);
    expect(Object.keys(before.codings)).toHaveLength(1);
    expect(Object.keys(before.memos)).toHaveLength(1);
    await store.close();
    expect((await stat(path.join(dir, "journal.jsonl"))).size).toBe(0);
    const again = await openProject(dir);
    expect(again.state).toEqual(before);
    const docId = Object.keys(before.documents)[0]! as keyof typeof before.documents;
    expect(await again.readDocumentContent(docId)).toEqual(content);
    await again.close();
  });

  it("replays the journal when the process never closed the project", async () => {
    const dir = await tempDir();
    const { store } = await populated(dir);
    const before = structuredClone(store.state);
    // Simulate a crash: the journal is on disk, the snapshot is the one from create, the lock is left.
    expect((await stat(path.join(dir, "journal.jsonl"))).size).toBeGreaterThan(0);
    const lockFile = path.join(dir, ".tandai.lock");
    const lock = JSON.parse(await readFile(lockFile, "utf8"));
    await writeFile(lockFile, JSON.stringify({ ...lock, pid: 2 ** 22 + 12345, token: "crashed" }));
    const again = await openProject(dir);
    expect(again.state).toEqual(before);
    await again.close();
    await store.close().catch(() => undefined);
  });

  it("returns inverses that undo through apply, durably", async () => {
    const dir = await tempDir();
    const { store, inverses } = await populated(dir);
    for (const inverse of inverses.reverse()) await store.apply(inverse);
    expect(Object.keys(store.state.codings)).toHaveLength(0);
    expect(Object.keys(store.state.documents)).toHaveLength(0);
    const after = structuredClone(store.state);
    await store.close();
    const again = await openProject(dir);
    expect(again.state).toEqual(after);
    await again.close();
  });

  it("serialises concurrent applies into whole journal lines", async () => {
    const dir = await tempDir();
    const store = await createProject(dir, "Concurrent");
    const doc = documentMeta("D", 10_000);
    const c = code("C");
    await store.apply({ type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: c }] });
    const codings = Array.from({ length: 200 }, (_, i) => coding(doc.id, c.id, i, i + 5));
    await Promise.all(codings.map((x) => store.apply({ type: "addCoding", coding: x })));
    const lines = (await readFile(path.join(dir, "journal.jsonl"), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(201);
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    await store.close();
  });

  it("rejects an invalid operation, writing nothing and leaving the state as it was", async () => {
    const dir = await tempDir();
    const { store } = await populated(dir);
    const journal = path.join(dir, "journal.jsonl");
    const size = (await stat(journal)).size;
    const before = structuredClone(store.state);
    const doc = Object.values(store.state.documents)[0]!;
    const c = Object.values(store.state.codes)[0]!;
    // Refused by applyOperation: outside the document.
    const badRange = await errorOf(store.apply({ type: "addCoding", coding: coding(doc.id, c.id, 5, 100_000) }));
    expect(badRange.code).toBe("errors.op.badRange");
    // Refused by the schema: a coding without an id, a made-up type.
    const noId = { type: "addCoding", coding: { ...coding(doc.id, c.id, 1, 2), id: undefined } } as unknown as Operation;
    expect((await errorOf(store.apply(noId))).code).toBe("store.errors.invalidOp");
    expect((await errorOf(store.apply({ type: "explode" } as unknown as Operation))).code).toBe("store.errors.invalidOp");
    // A batch whose second op fails is rolled back entirely.
    const ok = coding(doc.id, c.id, 1, 2);
    const batch: Operation = { type: "batch", ops: [{ type: "addCoding", coding: ok }, { type: "removeCoding", codingId: ok.id }, { type: "removeCoding", codingId: ok.id }] };
    expect((await errorOf(store.apply(batch))).code).toBe("errors.op.unknownCoding");
    expect((await stat(journal)).size).toBe(size);
    expect(store.state).toEqual(before);
    // And the store still works afterwards.
    await store.apply({ type: "renameProject", name: "Renamed" });
    expect((await stat(journal)).size).toBeGreaterThan(size);
    await store.close();
  });

  it("refuses a non-empty folder for a new project, and a folder that is not a project", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "notes.txt"), "mine");
    const notEmpty = await errorOf(createProject(dir, "X"));
    expect(notEmpty.code).toBe("store.errors.notEmpty");
    expect(notEmpty.params.dir).toBe(dir);
    const notProject = await errorOf(openProject(dir));
    expect(notProject).toMatchObject({ code: "store.errors.notAProject", params: { dir } });
    expect(await readFile(path.join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect((await errorOf(openProject(path.join(dir, "missing")))).code).toBe("store.errors.notAProject");
  });

  it("rejects apply after close", async () => {
    const dir = await tempDir();
    const store = await createProject(dir, "X");
    await store.close();
    expect((await errorOf(store.apply({ type: "renameProject", name: "Y" }))).code).toBe("store.errors.closed");
  });

  it("compacts in the background every compactEvery operations without losing any", async () => {
    const dir = await tempDir();
    const store = await createProject(dir, "Compaction", { compactEvery: 25 });
    const doc = documentMeta("D", 10_000);
    const c = code("C");
    await store.apply({ type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: c }] });
    for (let i = 0; i < 180; i++) await store.apply({ type: "addCoding", coding: coding(doc.id, c.id, i, i + 3) });
    const journalLines = (await readFile(path.join(dir, "journal.jsonl"), "utf8")).split("\n").filter(Boolean).length;
    expect(journalLines).toBeLessThan(60);
    const snapshot = JSON.parse(await readFile(path.join(dir, "project.json"), "utf8"));
    expect(snapshot.seq).toBeGreaterThanOrEqual(150);
    const before = structuredClone(store.state);
    // Reopen without close (the lock is ours, so take it over as a crash would leave it).
    const lockFile = path.join(dir, ".tandai.lock");
    await writeFile(lockFile, JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), startedAt: "" }));
    const again = await openProject(dir);
    expect(again.state).toEqual(before);
    await again.close();
    await store.close().catch(() => undefined);
  });
});

describe("documents", () => {
  it("writes content atomically and validates it on read", async () => {
    const dir = await tempDir();
    const store = await createProject(dir, "Docs");
    const doc = documentMeta("D", content.text.length);
    await store.writeDocumentContent(doc.id, content);
    expect(await readdir(path.join(dir, "documents"))).toEqual([`${doc.id}.json`]);
    const bad = await errorOf(store.writeDocumentContent(doc.id, { text: 5 } as unknown as DocumentContent));
    expect(bad.code).toBe("store.errors.invalidDocument");
    await store.close();

    const file = path.join(dir, "documents", `${doc.id}.json`);
    await writeFile(file, JSON.stringify({ text: "x", blocks: [{ start: -1 }] }));
    const again = await openProject(dir);
    const corrupt = await errorOf(again.readDocumentContent(doc.id));
    expect(corrupt.code).toBe("store.errors.corrupt");
    expect(corrupt.params.file).toBe(file);
    expect((await errorOf(again.readDocumentContent(documentMeta("Gone").id))).code).toBe("store.errors.missingDocument");
    await again.close();
  });
});

describe("locking", () => {
  it("refuses a second open while the first is open, and allows it after close", async () => {
    const dir = await tempDir();
    const first = await createProject(dir, "Locked");
    const locked = await errorOf(openProject(dir));
    expect(locked).toMatchObject({ code: "store.errors.locked", params: { dir, pid: process.pid, host: os.hostname() } });
    await first.close();
    const second = await openProject(dir);
    await second.close();
  });

  it("respects a live lock of another process and takes over a dead one", async () => {
    const dir = await tempDir();
    await (await createProject(dir, "Stale")).close();
    const lockFile = path.join(dir, ".tandai.lock");
    // The parent of this test process is alive.
    await writeFile(lockFile, JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: new Date().toISOString() }));
    expect((await errorOf(openProject(dir))).code).toBe("store.errors.locked");
    await writeFile(lockFile, JSON.stringify({ pid: 2 ** 22 + 99, host: os.hostname(), startedAt: new Date().toISOString() }));
    const store = await openProject(dir);
    expect(JSON.parse(await readFile(lockFile, "utf8")).pid).toBe(process.pid);
    await store.close();
    // A lock from another computer cannot be checked, and is respected.
    await writeFile(lockFile, JSON.stringify({ pid: 1, host: "other-laptop", startedAt: new Date().toISOString() }));
    expect(await errorOf(openProject(dir))).toMatchObject({ code: "store.errors.locked", params: { host: "other-laptop" } });
  });
});

describe("damaged files", () => {
  async function closedProjectWithBackups(dir: string) {
    const { store } = await populated(dir);
    const good = structuredClone(store.state);
    await store.close();
    return good;
  }

  const cases: [string, (text: string) => string, string][] = [
    ["truncated JSON", (text) => text.slice(0, Math.floor(text.length / 2)), "store.errors.corrupt"],
    ["garbage", () => "\u0000\u0000\u0000garbage", "store.errors.corrupt"],
    ["a foreign JSON", () => JSON.stringify({ hello: 1 }), "store.errors.foreign"],
    // As a file without a checksum (written before them) says it: with one, any edit is a mismatch.
    ["a newer format", (text) => withoutChecksum(text).replace('"format":2,', '"format":99,'), "store.errors.newerVersion"],
    ["a schema failure", (text) => withoutChecksum(text).replace(/"start":\d+/, '"start":"zero"'), "store.errors.corrupt"],
    ["an edit of a checksummed file", (text) => text.replace(/"start":(\d+)/, (_m, n: string) => `"start":${Number(n) + 1}`), "store.errors.corrupt"],
  ];

  for (const [what, damage, expected] of cases) {
    it(`reports ${what} as ${expected}, leaves the bytes, and restores a backup`, async () => {
      const dir = await tempDir();
      const good = await closedProjectWithBackups(dir);
      const file = path.join(dir, "project.json");
      const damaged = damage(await readFile(file, "utf8"));
      await writeFile(file, damaged);

      const error = await errorOf(openProject(dir));
      expect(error.code).toBe(expected);
      expect(error.params.file).toBe(file);
      if (expected === "store.errors.newerVersion") expect(error.params.version).toBe(99);
      if (what === "a schema failure") expect(String(error.params.detail)).toMatch(/^state\.codings\.[\w-]+\.start/);
      // Both languages say it, naming the file.
      for (const language of ["en", "id"] as const) {
        const message = translate(language, error.code, error.params);
        expect(message).not.toBe(error.code);
        expect(message).toContain(file);
      }
      // Never overwritten, and the failed open left no lock behind.
      expect(await readFile(file, "utf8")).toBe(damaged);
      expect(await readdir(dir)).not.toContain(".tandai.lock");

      const backups = await listBackups(dir);
      expect(backups.length).toBeGreaterThanOrEqual(2);
      expect(backups.map((b) => b.createdAt)).toEqual([...backups.map((b) => b.createdAt)].sort().reverse());
      const store = await restoreBackup(dir, backups[0]!.file);
      expect(store.state).toEqual(good);
      const names = await readdir(dir);
      const broken = names.find((n) => n.startsWith("project.json.broken-"));
      expect(broken).toBeDefined();
      expect(await readFile(path.join(dir, broken!), "utf8")).toBe(damaged);
      await store.close();
      const again = await openProject(dir);
      expect(again.state).toEqual(good);
      await again.close();
    });
  }

  it("restores an older backup, keeping a journal that follows on from it", async () => {
    const dir = await tempDir();
    const store = await createProject(dir, "Older");
    await store.apply({ type: "renameProject", name: "Second name" });
    const after = structuredClone(store.state);
    // Crash (no close): the journal holds the rename; the newest backup is the one from create.
    const [oldest] = await listBackups(dir);
    await writeFile(path.join(dir, "project.json"), "{");
    await writeFile(path.join(dir, ".tandai.lock"), JSON.stringify({ pid: 2 ** 22 + 5, host: os.hostname(), startedAt: "" }));
    const restored = await restoreBackup(dir, oldest!.file);
    expect(restored.state).toEqual(after);
    await restored.close();
    await store.close().catch(() => undefined);
  });

  it("reports a corrupt journal line followed by good lines, but drops a torn last line", async () => {
    const dir = await tempDir();
    const { store } = await populated(dir);
    const before = structuredClone(store.state);
    const journal = path.join(dir, "journal.jsonl");
    const lines = (await readFile(journal, "utf8")).split("\n");
    const lockFile = path.join(dir, ".tandai.lock");
    const stale = JSON.stringify({ pid: 2 ** 22 + 3, host: os.hostname(), startedAt: "" });

    // A torn tail: half of an operation that was never acknowledged.
    await writeFile(journal, `${lines.join("\n")}{"seq":99,"at":"x","op":{"type":"renameP`);
    await writeFile(lockFile, stale);
    const torn = await openProject(dir);
    expect(torn.state).toEqual(before);
    await torn.close();

    // Corruption in the middle of a journal.
    await writeFile(journal, [lines[0], "{not json", ...lines.slice(1)].join("\n"));
    const error = await errorOf(openProject(dir));
    expect(error).toMatchObject({ code: "store.errors.corrupt", params: { file: journal } });
    expect(String(error.params.detail)).toMatch(/^line 2/);
    await store.close().catch(() => undefined);
  });

  it("refuses an unknown backup name", async () => {
    const dir = await tempDir();
    await (await createProject(dir, "B")).close();
    expect((await errorOf(restoreBackup(dir, "../project.json"))).code).toBe("store.errors.noSuchBackup");
  });
});
