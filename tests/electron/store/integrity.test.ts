import { readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject, openProject } from "../../../electron/store/index.js";
import { translate, type CodeId, type ProjectState } from "../../../shared/index.js";
import { code, coding, documentMeta } from "../../shared/fixtures.js";
import { errorOf, prng, onePiece, tempDir, withoutChecksum } from "./helpers.js";

/** A closed project with documents, codes (one nested), codings, a case and memos. */
async function closedProject() {
  const dir = await tempDir();
  const store = await createProject(dir, "Tesis Rani");
  const doc = documentMeta("Wawancara Bappeda", 500);
  const other = documentMeta("Wawancara DPRD", 300);
  const motive = code("Motive");
  const economic = code("Economic", motive.id);
  await store.apply({
    type: "batch",
    ops: [
      { type: "addDocument", document: doc },
      { type: "addDocument", document: other },
      { type: "addCode", code: motive },
      { type: "addCode", code: economic },
      ...Array.from({ length: 12 }, (_, i) => ({ type: "addCoding" as const, coding: coding(i % 2 ? doc.id : other.id, i % 3 ? economic.id : motive.id, i * 10, i * 10 + 25) })),
      { type: "addCase", case: { id: "case-padang" as never, name: "Padang", documentIds: [doc.id], createdAt: "2026-01-01T00:00:00.000Z" } },
      { type: "setMemo", target: { kind: "code", id: motive.id }, content: { type: "doc" }, text: "motif" },
    ],
  });
  const good = structuredClone(store.state);
  await store.close();
  return { dir, file: path.join(dir, "project.json"), good, doc, motive, economic };
}

describe("a flipped bit in project.json", () => {
  it("is caught at open, every time, by the checksum (150 single-bit flips)", async () => {
    const { dir, file } = await closedProject();
    const bytes = await readFile(file);
    const random = prng(9);
    const opened: string[] = [];
    for (let trial = 0; trial < 150; trial++) {
      const at = Math.floor(random() * bytes.length);
      const bit = 1 << Math.floor(random() * 8);
      const flipped = Buffer.from(bytes);
      flipped[at] = flipped[at]! ^ bit;
      await writeFile(file, flipped);
      try {
        const store = await openProject(dir);
        opened.push(`byte ${at} bit ${bit}`);
        await store.close();
      } catch (error) {
        expect((error as { code?: string }).code, `byte ${at} bit ${bit}`).toBe("store.errors.corrupt");
      }
    }
    expect(opened).toEqual([]);
  });
});

describe("a flipped bit in the journal", () => {
  async function crashed() {
    const { dir, doc, motive } = await closedProject();
    const store = await openProject(dir);
    for (let i = 0; i < 3; i++) await store.apply({ type: "addCoding", coding: coding(doc.id, motive.id, 100 + i, 120 + i) });
    // No close: the journal holds the three codings, as after a crash.
    return { dir, journal: path.join(dir, "journal.jsonl"), lock: path.join(dir, ".tandai.lock") };
  }

  for (const line of [0, 2]) {
    it(`in line ${line + 1} of 3 (${line === 2 ? "the last, written in full" : "the middle"}) is reported, not replayed or dropped`, async () => {
      const { dir, journal, lock } = await crashed();
      const lines = (await readFile(journal, "utf8")).split("\n");
      lines[line] = lines[line]!.replace(/"start":(\d+)/, (_m, n: string) => `"start":${Number(n) ^ 4}`);
      await writeFile(journal, lines.join("\n"));
      await writeFile(lock, "");
      await utimes(lock, new Date(0), new Date(0));
      const error = await errorOf(openProject(dir));
      expect(error).toMatchObject({ code: "store.errors.corrupt", params: { file: journal } });
      expect(String(error.params.detail)).toContain(`line ${line + 1}: the checksum does not match`);
    });
  }
});

describe("hand-made damage in project.json (a file without a checksum)", () => {
  const damages: [string, (state: ProjectState, ids: { motive: CodeId; economic: CodeId }) => void, RegExp][] = [
    ["a coding whose document does not exist", (s) => void (Object.values(s.codings)[0]!.documentId = "dGone1234" as never), /codings\.[\w-]+\.documentId = “dGone1234”/],
    ["a coding whose code does not exist", (s) => void (Object.values(s.codings)[0]!.codeId = "cGone1234" as never), /codings\.[\w-]+\.codeId = “cGone1234”/],
    [
      "a record kept under a key other than its id",
      (s) => {
        const [key, value] = Object.entries(s.codings)[0]!;
        delete s.codings[key as keyof typeof s.codings];
        s.codings["someOtherKey" as keyof typeof s.codings] = value;
      },
      /codings\.someOtherKey\.id = “[\w-]+”/,
    ],
    ["a coding past its document's end", (s) => void (Object.values(s.codings)[1]!.end = 9999 as never), /codings\.[\w-]+\.end = 9999 > (500|300)/],
    ["a parent cycle", (s, { motive, economic }) => void (s.codes[motive]!.parentId = economic), /codes\.[\w-]+\.parentId = ([\w-]+) → [\w-]+ → \1/],
    ["a case with a document that does not exist", (s) => void Object.values(s.cases)[0]!.documentIds.push("dGone5678" as never), /cases\.case-padang\.documentIds = “dGone5678”/],
    ["a memo of a code that does not exist", (s) => void (Object.values(s.memos)[0]!.target = { kind: "code", id: "cGone5678" as never }), /memos\.code:[\w-]+\.target = “code:cGone5678”/],
  ];

  for (const [what, damage, detail] of damages) {
    it(`refuses ${what}, naming project.json and the place, and leaves the file as it was`, async () => {
      const { dir, file, motive, economic } = await closedProject();
      const json = onePiece(await readFile(file, "utf8"));
      damage(json.state, { motive: motive.id, economic: economic.id });
      const text = JSON.stringify(json);
      await writeFile(file, text);
      const error = await errorOf(openProject(dir));
      expect(error).toMatchObject({ code: "store.errors.integrity", params: { file } });
      expect(String(error.params.detail)).toMatch(detail);
      for (const language of ["en", "id"] as const) expect(translate(language, error.code, error.params)).toContain(file);
      expect(await readFile(file, "utf8")).toBe(text);
    });
  }

  it("opens an intact file without a checksum (written before checksums), and writes one from then on", async () => {
    const { dir, file, good } = await closedProject();
    await writeFile(file, withoutChecksum(await readFile(file, "utf8")));
    const store = await openProject(dir);
    expect(store.state).toEqual(good);
    await store.apply({ type: "renameProject", name: "Tesis Rani (2)" });
    await store.close();
    expect(await readFile(file, "utf8")).toMatch(/,"crc":"[0-9a-f]{8}"\}\n$/);
  });
});
