import { readdir, readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject, openProject } from "../../../electron/store/index.js";
import type { ProjectState, TextOffset } from "../../../shared/index.js";
import { code, coding, documentMeta } from "../../shared/fixtures.js";
import { errorOf, onePiece, tempDir } from "./helpers.js";

/** A closed project with a document, a code and a few codings; its backups folder emptied. */
async function closedProject() {
  const dir = await tempDir();
  const store = await createProject(dir, "Tesis Rani");
  const doc = documentMeta("Wawancara Bappeda", 500);
  const motive = code("Motive");
  await store.apply({
    type: "batch",
    ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: motive }, ...Array.from({ length: 5 }, (_, i) => ({ type: "addCoding" as const, coding: coding(doc.id, motive.id, i * 10, i * 10 + 25) }))],
  });
  await store.close();
  return { dir, file: path.join(dir, "project.json"), journal: path.join(dir, "journal.jsonl"), doc, motive };
}

/** project.json rewritten by hand (so without a checksum), with `change` made to its state. */
async function handEdit(file: string, change: (state: ProjectState) => void): Promise<string> {
  const json = onePiece(await readFile(file, "utf8"));
  change(json.state);
  const text = JSON.stringify(json);
  await writeFile(file, text);
  return text;
}

/** Every byte a failed open must leave alone. */
async function filesOf(dir: string) {
  const read = (name: string) => readFile(path.join(dir, name), "utf8").catch(() => null);
  return { project: await read("project.json"), journal: await read("journal.jsonl"), backups: (await readdir(path.join(dir, "backups"))).sort() };
}

describe("an open that defers the check (the app's open)", () => {
  const damages: [string, (s: ProjectState) => void, string, RegExp][] = [
    ["an integrity error (a coding whose document does not exist)", (s) => void (Object.values(s.codings)[0]!.documentId = "dGone1234" as never), "store.errors.integrity", /codings\.[\w-]+\.documentId = “dGone1234”/],
    ["a schema error (a coding's stance)", (s) => void (Object.values(s.codings)[2]!.stance = "perhaps" as never), "store.errors.corrupt", /codings\.[\w-]+\.stance/],
  ];
  for (const [what, damage, errorCode, detail] of damages) {
    it(`resolves, then refuses ${what} through checked, writing nothing`, async () => {
      const { dir, file, doc, motive } = await closedProject();
      await handEdit(file, damage);
      const before = await filesOf(dir);
      // The error an open that checks first gives is the one to give.
      const checkedFirst = await errorOf(openProject(dir));
      expect(checkedFirst).toMatchObject({ code: errorCode, params: { file } });
      expect(String(checkedFirst.params.detail)).toMatch(detail);

      const store = await openProject(dir, { deferCheck: true });
      const applied = store.apply({ type: "addCoding", coding: coding(doc.id, motive.id, 300, 320) });
      const error = await errorOf(store.checked);
      expect(error.code).toBe(checkedFirst.code);
      expect(error.params).toEqual(checkedFirst.params);
      // The operation sent at once is refused with the same error, and so is any later one.
      expect(await errorOf(applied)).toBe(error);
      expect(await errorOf(store.apply({ type: "renameProject", name: "X" }))).toBe(error);
      await store.close();
      expect(await filesOf(dir)).toEqual(before);
      // The lock is released: the next open gets the same refusal, not "in use".
      expect((await errorOf(openProject(dir))).code).toBe(errorCode);
    });
  }

  it("an apply right after the open waits for the check, then succeeds and is durable; the backup comes after the check", async () => {
    const { dir, doc, motive } = await closedProject();
    const { backups } = await filesOf(dir);
    const store = await openProject(dir, { deferCheck: true });
    const order: string[] = [];
    void store.checked.then(() => order.push("checked"));
    const added = coding(doc.id, motive.id, 400, 450);
    await store.apply({ type: "addCoding", coding: added }).then(() => order.push("applied"));
    expect(order).toEqual(["checked", "applied"]);
    expect(store.state.codings[added.id]).toEqual(added);
    await store.close();
    const reopened = await openProject(dir);
    expect(reopened.state.codings[added.id]).toEqual(added);
    await reopened.close();
    expect((await filesOf(dir)).backups.length).toBeGreaterThan(backups.length);
  });

  it("opens a file the quick check does not pass (a key the schema strips) with the schema's value, as a checked open does", async () => {
    const { dir, file, motive } = await closedProject();
    const unusual = (s: ProjectState) => void Object.assign(s.codes[motive.id]!, { colour: "red" });
    await handEdit(file, unusual);
    const checkedFirst = await openProject(dir);
    const expected = structuredClone(checkedFirst.state);
    await checkedFirst.close();
    expect(expected.codes[motive.id]).not.toHaveProperty("colour");
    await handEdit(file, unusual);
    const store = await openProject(dir, { deferCheck: true });
    expect(store.state.codes[motive.id]).toHaveProperty("colour");
    await store.checked;
    expect(store.state).toEqual(expected);
    await store.close();
  });

  it("with a journal to replay, checks first: a damaged snapshot is refused by the open itself", async () => {
    const { dir, file, journal, doc, motive } = await closedProject();
    const crashed = await openProject(dir);
    await crashed.apply({ type: "addCoding", coding: coding(doc.id, motive.id, 200, 230) });
    // No close: the journal keeps the line, as after a crash; the lock is left stale.
    const lock = path.join(dir, ".tandai.lock");
    await writeFile(lock, "");
    await utimes(lock, new Date(0), new Date(0));
    const text = await handEdit(file, (s) => void (Object.values(s.codings)[0]!.codeId = "cGone1234" as never));
    const lines = await readFile(journal, "utf8");
    const error = await errorOf(openProject(dir, { deferCheck: true }));
    expect(error).toMatchObject({ code: "store.errors.integrity", params: { file } });
    expect(await readFile(file, "utf8")).toBe(text);
    expect(await readFile(journal, "utf8")).toBe(lines);
  });

  it("a document file written before the check has finished waits for it, and is not written into a damaged project", async () => {
    const { dir, file } = await closedProject();
    await handEdit(file, (s) => void (Object.values(s.codings)[0]!.codeId = "cGone1234" as never));
    const store = await openProject(dir, { deferCheck: true });
    const doc = documentMeta("Wawancara baru", 5);
    const written = store.writeDocumentContent(doc.id, { text: "halo.", blocks: [{ start: 0 as TextOffset, end: 5 as TextOffset, kind: "paragraph" }] });
    expect((await errorOf(written)).code).toBe("store.errors.integrity");
    expect(await readdir(path.join(dir, "documents"))).not.toContain(`${doc.id}.json`);
    await store.close();
  });

  it("a close before the check has finished waits for it and folds nothing into a damaged file", async () => {
    const { dir, file } = await closedProject();
    await handEdit(file, (s) => void (Object.values(s.codings)[1]!.end = 9999 as never));
    const before = await filesOf(dir);
    const store = await openProject(dir, { deferCheck: true });
    await store.close();
    expect((await errorOf(store.checked)).code).toBe("store.errors.integrity");
    expect(await filesOf(dir)).toEqual(before);
  });
});
