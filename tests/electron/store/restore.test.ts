import { readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject, listBackups, openProject, restoreBackup } from "../../../electron/store/index.js";
import { code, coding, documentMeta } from "../../shared/fixtures.js";
import { errorOf, onePiece, tempDir } from "./helpers.js";

/** A project closed once (so it has a backup), then 5 codings applied and the process "killed": they are only in the journal. */
async function crashedWithJournal() {
  const dir = await tempDir();
  const store = await createProject(dir, "Pulih");
  const doc = documentMeta("Wawancara", 500);
  const c = code("Motive");
  await store.apply({ type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: c }] });
  await store.close();
  const open = await openProject(dir);
  const codings = Array.from({ length: 5 }, (_, i) => coding(doc.id, c.id, i * 10, i * 10 + 5));
  for (const k of codings) await open.apply({ type: "addCoding", coding: k });
  // As after a kill: the lock of a process that is gone, and the journal never folded.
  await writeFile(path.join(dir, ".tandai.lock"), JSON.stringify({ pid: 2 ** 22 + 11, host: os.hostname(), startedAt: "" }));
  return { dir, codings, journal: path.join(dir, "journal.jsonl") };
}

describe("restoring a backup with a damaged journal", () => {
  it("replays the intact lines before the damage and keeps the whole journal aside, saying so", async () => {
    const { dir, codings, journal } = await crashedWithJournal();
    const lines = (await readFile(journal, "utf8")).split("\n");
    lines[2] = lines[2]!.slice(0, 40) + "#" + lines[2]!.slice(41);
    const damaged = lines.join("\n");
    await writeFile(journal, damaged);

    const [newest] = await listBackups(dir);
    const store = await restoreBackup(dir, newest!.file);
    expect(Object.keys(store.state.codings).sort()).toEqual([codings[0]!.id, codings[1]!.id].sort());
    const report = store.restored!;
    expect(report).toMatchObject({ backup: newest!.file, replayed: 2, notFollowing: false, damaged: { file: "journal.jsonl", line: 3, lines: 3 } });
    const aside = report.setAside.find((s) => s.file === "journal.jsonl")!.aside;
    expect(await readFile(path.join(dir, aside), "utf8")).toBe(damaged);
    expect(report.setAside.map((s) => s.file)).toContain("project.json");
    await store.close();

    const reopened = await openProject(dir);
    expect(Object.keys(reopened.state.codings)).toHaveLength(2);
    await reopened.close();
    expect((await readdir(dir)).filter((n) => n.includes(".broken-"))).toHaveLength(2);
  });

  it("keeps the journal aside whole when it does not follow on from the backup", async () => {
    const { dir, journal } = await crashedWithJournal();
    const lines = (await readFile(journal, "utf8")).split("\n");
    // Lines 1–2 gone: what is left starts two changes after the backup.
    await writeFile(journal, lines.slice(2).join("\n"));
    const [newest] = await listBackups(dir);
    const store = await restoreBackup(dir, newest!.file);
    expect(store.restored).toMatchObject({ replayed: 0, notFollowing: true, damaged: null });
    expect(Object.keys(store.state.codings)).toEqual([]);
    expect(store.restored!.setAside.map((s) => s.file).sort()).toEqual(["journal.jsonl", "project.json"]);
    await store.close();
  });

  it("refuses a backup that contradicts itself before moving anything", async () => {
    const { dir } = await crashedWithJournal();
    const [newest] = await listBackups(dir);
    const file = path.join(dir, "backups", newest!.file);
    const json = onePiece(await readFile(file, "utf8"));
    json.state.codes = { notItsId: Object.values(json.state.codes)[0] } as never;
    await writeFile(file, JSON.stringify(json));
    const before = await readdir(dir);
    expect(await errorOf(restoreBackup(dir, newest!.file))).toMatchObject({ code: "store.errors.integrity", params: { file } });
    expect(await readdir(dir)).toEqual(before);
  });
});
