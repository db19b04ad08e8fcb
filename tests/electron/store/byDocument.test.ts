import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProjectWithState, openProject } from "../../../electron/store/index.js";
import { crcHex } from "../../../electron/store/snapshot.js";
import type { Coding, CodingId, DocumentId, ProjectState } from "../../../shared/index.js";
import { code, coding, documentMeta, project } from "../../shared/fixtures.js";
import { errorOf, tempDir, withoutChecksum } from "./helpers.js";

/** Three documents (the second with 2,500 codings: three lines), two codes; closed, so project.json is the by-document file. */
async function closedProject() {
  const dir = await tempDir();
  const state = project();
  const docs = [documentMeta("Wawancara Bappeda", 5_000), documentMeta("Notulen rapat", 5_000), documentMeta("MoU Bandung–Braunschweig", 5_000)];
  const codes = [code("Motive"), code("Obstacle")];
  for (const d of docs) state.documents[d.id] = d;
  for (const c of codes) state.codes[c.id] = c;
  const counts = [7, 2_500, 3];
  docs.forEach((d, k) => {
    for (let i = 0; i < counts[k]!; i++) {
      const c = coding(d.id, codes[i % 2]!.id, i, i + 10);
      state.codings[c.id] = c;
    }
  });
  await (await createProjectWithState(dir, state)).close();
  const file = path.join(dir, "project.json");
  return { dir, file, state: JSON.parse(JSON.stringify(state)) as ProjectState, docs };
}

/** project.json's lines changed by `edit`, with the checksum made again: damage a checksum cannot catch (a faulty writer, a crafted file). */
async function rewrite(file: string, edit: (lines: string[]) => void): Promise<string> {
  const lines = withoutChecksum(await readFile(file, "utf8")).split("\n");
  edit(lines);
  const body = lines.join("\n").replace(/\}\n$/, "");
  const text = `${body},"crc":"${crcHex(body)}"}\n`;
  await writeFile(file, text);
  return text;
}

/** The codings on line `n` (1 is the first after the head). */
const lineAt = (lines: string[], n: number) => JSON.parse(lines[n]!.replace(/,$/, "")) as Coding[];
const setLine = (lines: string[], n: number, codings: unknown[]) => {
  lines[n] = JSON.stringify(codings) + (lines[n]!.endsWith(",") ? "," : "");
};

describe("project.json by document (file format 2)", () => {
  it("a deferred open gives the first screen's codings from their lines, then fills the state to what was saved", async () => {
    const { dir, state, docs } = await closedProject();
    const store = await openProject(dir, { deferCheck: true });
    // Nothing of the codings has been parsed yet: the check reads them after the open resolves.
    expect(Object.keys(store.state.codings)).toHaveLength(0);
    const early = store.earlyCodings([docs[0]!.id])!;
    expect(early.codings.map((c) => c.id).sort()).toEqual(Object.values(state.codings).filter((c) => c.documentId === docs[0]!.id).map((c) => c.id).sort());
    expect(early.counts.byDocument).toEqual({ [docs[0]!.id]: 7, [docs[1]!.id]: 2_500, [docs[2]!.id]: 3 });
    expect(Object.values(early.counts.byCode).sort()).toEqual([1_254, 1_256]);
    await store.checked;
    expect(store.earlyCodings([docs[0]!.id])).toBeNull();
    expect(store.state).toEqual(state);
    await store.close();
  });

  it("a hand-edited coding that points to a gone document is the integrity check's (so `tandai repair` can mend it), and the first screen leaves it out", async () => {
    const { dir, file, docs } = await closedProject();
    let moved = "";
    await rewrite(file, (lines) => {
      const codings = lineAt(lines, 1);
      moved = codings[0]!.id;
      codings[0]!.documentId = "dGone1234" as DocumentId;
      setLine(lines, 1, codings);
    });
    const store = await openProject(dir, { deferCheck: true });
    // The first line is the first document's (the codings are grouped in the order they were made).
    const early = store.earlyCodings([docs[0]!.id])!;
    expect(early.codings).toHaveLength(6);
    expect(early.codings.map((c) => c.id)).not.toContain(moved);
    const error = await errorOf(store.checked);
    expect(error).toMatchObject({ code: "store.errors.integrity", params: { file } });
    expect(String(error.params.detail)).toContain(`codings.${moved}.documentId = “dGone1234”`);
  });

  it("a coding the quick check does not pass (a key the schema strips) opens with the schema's value, its references still checked", async () => {
    const { dir, file, state } = await closedProject();
    let stripped = "";
    await rewrite(file, (lines) => {
      const codings = lineAt(lines, 2);
      stripped = codings[0]!.id;
      setLine(lines, 2, [{ ...codings[0], note: "ditulis tangan" }, ...codings.slice(1)]);
    });
    const store = await openProject(dir, { deferCheck: true });
    await store.checked;
    expect(store.state.codings[stripped as keyof typeof store.state.codings]).toEqual(state.codings[stripped as keyof typeof state.codings]);
    expect(store.state).toEqual(state);
    await store.close();
    // The same file with a coding of a gone document besides: the schema's path still runs the whole integrity pass.
    await rewrite(file, (lines) => {
      const codings = lineAt(lines, 3);
      setLine(lines, 3, [{ ...codings[0], note: "x" }, { ...codings[1], documentId: "dGone1234" }, ...codings.slice(2)]);
    });
    const error = await errorOf(openProject(dir));
    expect(error).toMatchObject({ code: "store.errors.integrity", params: { file } });
    expect(String(error.params.detail)).toContain("“dGone1234”");
  });

  it("codings whose ids are names every object has (constructor, valueOf) are read in, and one of them twice is refused", async () => {
    const dir = await tempDir();
    const state = project();
    const doc = documentMeta("Wawancara Bappeda", 5_000);
    const motive = code("Motive");
    state.documents[doc.id] = doc;
    state.codes[motive.id] = motive;
    for (const [i, id] of ["constructor", "valueOf", "toString", "hasOwnProperty"].entries()) {
      state.codings[id as CodingId] = { ...coding(doc.id, motive.id, i, i + 10), id: id as CodingId };
    }
    await (await createProjectWithState(dir, state)).close();
    const saved = JSON.parse(JSON.stringify(state)) as ProjectState;
    const checked = await openProject(dir);
    expect(checked.state).toEqual(saved);
    await checked.close();
    const deferred = await openProject(dir, { deferCheck: true });
    await deferred.checked;
    expect(deferred.state).toEqual(saved);
    expect(Object.hasOwn(deferred.state.codings, "constructor")).toBe(true);
    await deferred.close();
    const file = path.join(dir, "project.json");
    await rewrite(file, (lines) => {
      const codings = lineAt(lines, 1);
      setLine(lines, 1, [...codings.slice(0, 3), codings[0]]);
    });
    const refused = await errorOf(openProject(dir, { deferCheck: true }).then((store) => store.checked));
    expect(refused).toMatchObject({ code: "store.errors.corrupt", params: { file, detail: "codings.constructor: twice" } });
  });

  it("the same JSON laid out otherwise (pretty-printed by a tool) is refused, not opened without its codings", async () => {
    const { dir, file } = await closedProject();
    await writeFile(file, JSON.stringify(JSON.parse(withoutChecksum(await readFile(file, "utf8"))), null, 2));
    const error = await errorOf(openProject(dir));
    expect(error).toMatchObject({ code: "store.errors.corrupt", params: { file, detail: expect.stringMatching(/format 2, but not laid out/) } });
  });

  it("a flipped bit among the codings: the app's open shows the first screen, and its check refuses the file by its checksum before anything is written", async () => {
    const { dir, file } = await closedProject();
    const bytes = await readFile(file);
    const at = bytes.indexOf('"start":', bytes.indexOf(10) + 1) + 8;
    bytes[at] = bytes[at]! ^ 0x01;
    await writeFile(file, bytes);
    const backups = await readdir(path.join(dir, "backups"));
    const checkedOpen = await errorOf(openProject(dir));
    expect(checkedOpen).toMatchObject({ code: "store.errors.corrupt", params: { file, detail: expect.stringMatching(/checksum does not match/) } });
    const store = await openProject(dir, { deferCheck: true });
    expect(await errorOf(store.checked)).toMatchObject({ code: "store.errors.corrupt", params: { file, detail: expect.stringMatching(/checksum does not match/) } });
    expect(await readFile(file)).toEqual(bytes);
    expect(await readdir(path.join(dir, "backups"))).toEqual(backups);
    expect(await readdir(dir)).not.toContain(".tandai.lock");
  });

  const damages: [string, (lines: string[]) => void, RegExp][] = [
    ["a line with fewer codings than the head says", (lines) => setLine(lines, 1, lineAt(lines, 1).slice(1)), /line 1: not 7 codings/],
    ["a coding on two lines", (lines) => {
      const twice = lineAt(lines, 1)[0]!;
      const head = JSON.parse(`${lines[0]}]}`) as { layout: { lines: [string, number][]; byCode: Record<string, number> } };
      const last = head.layout.lines.length;
      const codings = lineAt(lines, last);
      setLine(lines, last, [...codings, twice]);
      head.layout.lines[last - 1]![1] += 1;
      head.layout.byCode[twice.codeId]! += 1;
      lines[0] = lines[0]!.replace(/"layout":.*,"codings":\[$/, `"layout":${JSON.stringify(head.layout)},"codings":[`);
    }, /codings\.[\w-]+: twice/],
    ["counts per code that are not the codings'", (lines) => {
      lines[0] = lines[0]!.replace(/"byCode":\{"([\w-]+)":(\d+)/, (_m, id: string, n: string) => `"byCode":{"${id}":${Number(n) + 1}`);
    }, /layout\.byCode/],
    ["a coding in the state's own record", (lines) => {
      const at = lines.findIndex((l) => l.startsWith('"codings":{}'));
      lines[at] = lines[at]!.replace('"codings":{}', `"codings":{"x":${JSON.stringify(lineAt(lines, 1)[0])}}`);
    }, /state\.codings: not the empty record/],
    ["a line missing", (lines) => void lines.splice(1, 1), /(comma|the state does not follow)/],
    ["a line that is not JSON", (lines) => void (lines[2] = `${lines[2]!.slice(0, 40)},`), /line 2/],
    // The check makes a coding's creation time and coder the previous coding's string when equal: one without must stay without.
    ["two codings in a row without their creation time", (lines) => {
      const codings = lineAt(lines, 2);
      for (const at of [5, 6]) delete (codings[at] as Partial<Coding>).createdAt;
      setLine(lines, 2, codings);
    }, /codings\.[\w-]+\.createdAt/],
    ["a coder that is not text after one that is", (lines) => {
      const codings = lineAt(lines, 2);
      setLine(lines, 2, [codings[0], { ...codings[1], coder: 7 }, ...codings.slice(2)]);
    }, /codings\.[\w-]+\.coder/],
  ];

  for (const [what, damage, detail] of damages) {
    it(`refuses ${what} (checksum made again), naming project.json, on a checked and on a deferred open, writing nothing`, async () => {
      const { dir, file } = await closedProject();
      const damaged = await rewrite(file, damage);
      const backups = await readdir(path.join(dir, "backups"));
      const refused = await errorOf(openProject(dir));
      expect(refused).toMatchObject({ code: "store.errors.corrupt", params: { file } });
      expect(String(refused.params.detail)).toMatch(detail);
      // The app's open: refused at once (the layout) or through `checked` (the lines' contents).
      const deferred = await openProject(dir, { deferCheck: true }).then((store) => errorOf(store.checked), (error: unknown) => error);
      expect(deferred).toMatchObject({ code: "store.errors.corrupt", params: { file } });
      expect(await readFile(file, "utf8")).toBe(damaged);
      expect(await readdir(path.join(dir, "backups"))).toEqual(backups);
      expect(await readdir(dir)).not.toContain(".tandai.lock");
    });
  }
});
