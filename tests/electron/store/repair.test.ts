import { readdir, readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject, openProject, planProjectRepair, repairProject } from "../../../electron/store/index.js";
import { checkIntegrity } from "../../../shared/index.js";
import { code, coding, documentMeta } from "../../shared/fixtures.js";
import { errorOf, onePiece, tempDir } from "./helpers.js";

/** A closed project whose project.json was edited by hand: one coding points to a gone document, another runs past its end. */
async function damagedProject() {
  const dir = await tempDir();
  const store = await createProject(dir, "Tesis Rani");
  const doc = documentMeta("Wawancara Bappeda", 500);
  const motive = code("Motive");
  const codings = Array.from({ length: 4 }, (_, i) => coding(doc.id, motive.id, i * 10, i * 10 + 25));
  await store.apply({ type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: motive }, ...codings.map((c) => ({ type: "addCoding" as const, coding: c }))] });
  await store.close();
  const file = path.join(dir, "project.json");
  const json = onePiece(await readFile(file, "utf8"));
  json.state.codings[codings[0]!.id]!.documentId = "dGone1234" as never;
  json.state.codings[codings[1]!.id]!.end = 9999 as never;
  const damaged = JSON.stringify(json);
  await writeFile(file, damaged);
  return { dir, file, damaged, doc, motive, codings };
}

describe("repairing a project file that contradicts itself", () => {
  it("plans without writing: the file stays as it was and still will not open", async () => {
    const { dir, file, damaged, codings } = await damagedProject();
    const changes = await planProjectRepair(dir);
    expect(changes.map((c) => [c.kind, c.where])).toEqual([
      ["dropCoding", `codings.${codings[0]!.id}.documentId`],
      ["trimCoding", `codings.${codings[1]!.id}.end`],
    ]);
    expect(await readFile(file, "utf8")).toBe(damaged);
    expect((await errorOf(openProject(dir))).code).toBe("store.errors.integrity");
  });

  it("keeps the damaged file first, writes the repaired state durably, and opens; the repair survives reopening", async () => {
    const { dir, file, damaged, codings } = await damagedProject();
    const { store, report } = await repairProject(dir);
    expect(report.changes).toHaveLength(2);
    expect(report.kept).toMatch(/^project\.json\.broken-[\dT-]+Z$/);
    expect(await readFile(path.join(dir, report.kept!), "utf8")).toBe(damaged);
    expect(Object.keys(store.state.codings).sort()).toEqual(codings.slice(1).map((c) => c.id).sort());
    expect(store.state.codings[codings[1]!.id]!.end).toBe(500);
    // A change after the repair is journaled and kept, as any change.
    await store.apply({ type: "renameProject", name: "Tesis Rani (diperbaiki)" });
    await store.close();
    expect(await readFile(file, "utf8")).toMatch(/,"crc":"[0-9a-f]{8}"\}\n$/);
    const reopened = await openProject(dir);
    expect(checkIntegrity(reopened.state)).toEqual([]);
    expect(reopened.state.name).toBe("Tesis Rani (diperbaiki)");
    expect(Object.keys(reopened.state.codings)).toHaveLength(3);
    await reopened.close();
  });

  it("replays journal lines written after the damaged snapshot on top of the repair", async () => {
    const { dir, file, damaged, doc, motive } = await damagedProject();
    const { store } = await repairProject(dir);
    const added = coding(doc.id, motive.id, 200, 240);
    await store.apply({ type: "addCoding", coding: added });
    // No close: the journal holds the coding, as after a crash; then the snapshot is the damaged one again.
    await writeFile(file, damaged);
    const lock = path.join(dir, ".tandai.lock");
    await writeFile(lock, "");
    await utimes(lock, new Date(0), new Date(0));
    expect((await errorOf(openProject(dir))).code).toBe("store.errors.integrity");
    const { store: repaired, report } = await repairProject(dir);
    expect(report.changes.map((c) => c.kind)).toEqual(["dropCoding", "trimCoding"]);
    expect(repaired.state.codings[added.id]).toMatchObject({ start: 200, end: 240 });
    await repaired.close();
  });

  it("changes nothing in an intact project (and keeps no copy)", async () => {
    const dir = await tempDir();
    await (await createProject(dir, "Utuh")).close();
    const before = await readdir(dir);
    const { store, report } = await repairProject(dir);
    await store.close();
    expect(report).toEqual({ changes: [], kept: null });
    expect((await readdir(dir)).filter((n) => n.includes("broken"))).toEqual(before.filter((n) => n.includes("broken")));
  });

  it("refuses a file whose checksum fails (its bytes cannot be trusted): only a backup can stand in for it", async () => {
    const { dir, file } = await damagedProject();
    await (await repairProject(dir)).store.close();
    const bytes = await readFile(file);
    bytes[40] = bytes[40]! ^ 4;
    await writeFile(file, bytes);
    expect((await errorOf(planProjectRepair(dir))).code).toBe("store.errors.corrupt");
    expect((await errorOf(repairProject(dir))).code).toBe("store.errors.corrupt");
  });
});
