import { mkdir, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject, openProject } from "../../../electron/store/index.js";
import { code, coding, documentMeta } from "../../shared/fixtures.js";
import { errorOf, tempDir } from "./helpers.js";

async function closedProject() {
  const dir = await tempDir();
  const store = await createProject(dir, "Kunci");
  const doc = documentMeta("Wawancara", 100);
  const c = code("Motive");
  await store.apply({ type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: c }] });
  await store.close();
  return { dir, doc, c, lock: path.join(dir, ".tandai.lock") };
}

describe("an empty lock file", () => {
  it("left a few seconds ago (a kill between create and write, a full disk) does not block the project", async () => {
    const { dir, lock } = await closedProject();
    await writeFile(lock, "");
    const past = new Date(Date.now() - 3_000);
    await utimes(lock, past, past);
    const store = await openProject(dir);
    await store.close();
  });

  it("just made is waited for about a second, then taken over, instead of “process ?” for 10 s", async () => {
    const { dir, lock } = await closedProject();
    await writeFile(lock, "{");
    const started = Date.now();
    const store = await openProject(dir);
    expect(Date.now() - started).toBeLessThan(3_000);
    await store.close();
  });
});

describe("a lost lock", () => {
  it("fails the next write with a message naming the lock, writing nothing", async () => {
    const { dir, doc, c, lock } = await closedProject();
    const store = await openProject(dir);
    await rm(lock);
    // Another process opens the project now (the lock is free) and holds it.
    const other = await openProject(dir);
    const error = await errorOf(store.apply({ type: "addCoding", coding: coding(doc.id, c.id, 0, 5) }));
    expect(error).toMatchObject({ code: "store.errors.lockLost", params: { file: lock } });
    expect(Object.keys(store.state.codings)).toEqual([]);
    // Closing the first store must not remove the other's lock.
    await store.close();
    expect((await errorOf(openProject(dir))).code).toBe("store.errors.locked");
    await other.apply({ type: "addCoding", coding: coding(doc.id, c.id, 0, 5) });
    await other.close();
    const reopened = await openProject(dir);
    expect(Object.keys(reopened.state.codings)).toHaveLength(1);
    await reopened.close();
  });

  it("is detected when the lock was replaced by another process's, but not when a sync tool put ours back", async () => {
    const { dir, doc, c, lock } = await closedProject();
    const store = await openProject(dir);
    const text = await readFile(lock, "utf8");
    await rm(lock);
    await writeFile(lock, text);
    await store.apply({ type: "addCoding", coding: coding(doc.id, c.id, 0, 5) });
    await writeFile(lock, JSON.stringify({ ...JSON.parse(text), pid: process.ppid, token: "feedfacefeedface" }));
    expect((await errorOf(store.apply({ type: "addCoding", coding: coding(doc.id, c.id, 5, 9) }))).code).toBe("store.errors.lockLost");
    expect(Object.keys(store.state.codings)).toHaveLength(1);
  });
});

describe("leftovers", () => {
  it("removes temp files killed writers left, at open, and keeps everything else", async () => {
    const { dir } = await closedProject();
    const dead = 2 ** 22 + 77;
    const stray = [
      `.project.json.${dead}-0a1b2c3d.tmp`,
      `backups/.project-2026-01-01T00-00-00-000Z-3.json.${dead}-deadbeef.tmp`,
      `exports/.Laporan.docx.${dead}-01234567.tmp`,
      `documents/.doc1.json.${dead}-89abcdef.tmp`,
      `.tandai.lock.${dead}-00000000.tmp`,
      `.tandai.lock.0123456789abcdef.takeover`,
    ];
    const kept = ["notes.tmp", "exports/Laporan.docx", `.tandai.lock.${process.pid}-11111111.tmp`];
    await mkdir(path.join(dir, "exports"));
    for (const name of [...stray, ...kept]) await writeFile(path.join(dir, name), "x");
    const store = await openProject(dir);
    const all = [...(await readdir(dir)), ...(await readdir(path.join(dir, "backups"))).map((n) => `backups/${n}`), ...(await readdir(path.join(dir, "exports"))).map((n) => `exports/${n}`), ...(await readdir(path.join(dir, "documents"))).map((n) => `documents/${n}`)];
    for (const name of stray) expect(all).not.toContain(name);
    for (const name of kept) expect(all).toContain(name);
    await store.close();
  });

  it("are not left by a takeover of a stale lock", async () => {
    const { dir, lock } = await closedProject();
    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 99, host: os.hostname(), startedAt: new Date().toISOString(), token: "00ff00ff00ff00ff" }));
    const store = await openProject(dir);
    await store.close();
    expect((await readdir(dir)).filter((n) => n.startsWith(".tandai.lock"))).toEqual([]);
  });
});
