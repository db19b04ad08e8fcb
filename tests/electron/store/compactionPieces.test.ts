import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProjectWithState, openProject } from "../../../electron/store/index.js";
import { crcHex, freeze, parseSnapshot, serialise, SnapshotFile, type Snapshot } from "../../../electron/store/snapshot.js";
import { PROJECT_FORMAT, type CodeId, type ProjectState } from "../../../shared/index.js";
import { coding, stateWithCodings } from "../../shared/fixtures.js";
import { onePiece, tempDir } from "./helpers.js";

/** A state with `n` codings (and a memo and a case, so every map is written). */
function stateWith(n: number): ProjectState {
  const state = stateWithCodings(n, { length: 40, documentLength: 1_000_000 });
  const [motive] = Object.keys(state.codes) as CodeId[];
  state.memos[`code:${motive}`] = { target: { kind: "code", id: motive }, content: { type: "doc" }, text: "motif", updatedAt: "2026-01-01T00:00:00.000Z" } as never;
  return state;
}

/**
 * project.json as the store wrote it in file format 1 (one JSON document, every map entry a line),
 * before the by-document layout: files of it are still read.
 */
function earlierBytes(snapshot: Snapshot): string {
  const records = ["documents", "codes", "codings", "memos"];
  const entries = Object.entries(snapshot.state);
  const scalars = entries.filter(([k, v]) => !(records.includes(k) && v && typeof v === "object"));
  const maps = entries.filter(([k, v]) => records.includes(k) && v && typeof v === "object");
  let out = `{"format":${snapshot.format},"seq":${snapshot.seq},"state":{` + scalars.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",");
  maps.forEach(([key, map], m) => {
    const inner = Object.entries(map as object);
    out += `${m || scalars.length ? "," : ""}\n${JSON.stringify(key)}:{` + inner.map(([k, v], i) => `${i ? "," : ""}\n${JSON.stringify(k)}:${JSON.stringify(v)}`).join("") + `${inner.length ? "\n" : ""}}`;
  });
  return `${out}}`;
}

describe("the snapshot written in pieces (compaction at 1M codings)", () => {
  it("yields to the event loop between pieces, and the pieces are the snapshot's JSON", async () => {
    const snapshot: Snapshot = { format: PROJECT_FORMAT, seq: 42, state: stateWith(3_000) };
    const pieces: string[] = [];
    let ticks = 0;
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    for await (const piece of serialise(freeze(snapshot))) pieces.push(piece);
    done = true;
    // 3,000 codings in slices of 250: the event loop ran between them (an apply would have too).
    expect(pieces.length).toBeGreaterThan(12);
    expect(ticks).toBeGreaterThanOrEqual(11);
    // The closing brace comes with the checksum (withChecksum). The codings come first, a line per
    // document (at most 1,000 each), then the state, one map entry a line.
    const text = pieces.join("");
    expect(onePiece(`${text}}\n`)).toEqual(snapshot);
    const lines = text.split("\n");
    const head = JSON.parse(`${lines[0]}]}`) as { format: number; seq: number; layout: { lines: [string, number][]; byCode: Record<string, number> } };
    expect(head).toMatchObject({ format: 2, seq: 42 });
    const perDocument = new Map<string, number>();
    for (const c of Object.values(snapshot.state.codings)) perDocument.set(c.documentId, (perDocument.get(c.documentId) ?? 0) + 1);
    expect(head.layout.lines.map(([document]) => document).sort()).toEqual([...perDocument].flatMap(([d, n]) => Array<string>(Math.ceil(n / 1000)).fill(d)).sort());
    head.layout.lines.forEach(([document, count], i) => {
      const line = JSON.parse(lines[i + 1]!.replace(/,$/, "")) as { documentId: string }[];
      expect(line.length).toBe(count);
      expect(count).toBeLessThanOrEqual(1000);
      expect(new Set(line.map((c) => c.documentId))).toEqual(new Set([document]));
    });
    expect(lines[head.layout.lines.length + 1]).toMatch(/^\],"state":\{"format":1,"id":/);
  });

  it("reads a file of format 1 (one JSON document, as Tandai wrote before) as the same snapshot", () => {
    const snapshot: Snapshot = { format: PROJECT_FORMAT, seq: 9, state: stateWith(1_200) };
    const body = earlierBytes(snapshot);
    const bytes = Buffer.from(`${body},"crc":"${crcHex(body)}"}\n`);
    expect(parseSnapshot(bytes, "project.json")).toEqual(snapshot);
  });

  it("a map with an own \"__proto__\" key (as JSON.parse makes one) is written as it was, not as the prototype", async () => {
    const state = stateWith(3);
    const memos = JSON.parse(`{"__proto__":{"target":{"kind":"project"},"content":{"type":"doc"},"text":"x","updatedAt":"2026-01-01T00:00:00.000Z"}}`) as ProjectState["memos"];
    const snapshot: Snapshot = { format: PROJECT_FORMAT, seq: 1, state: { ...state, memos } };
    let text = "";
    for await (const piece of serialise(freeze(snapshot))) text += piece;
    expect(text).toContain('\n"__proto__":{"target"');
    expect(Object.hasOwn(onePiece(`${text}}\n`).state.memos, "__proto__")).toBe(true);
  });

  it("the file ends with the CRC-32 of every byte before it and reads back as the state", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "project.json");
    const snapshot: Snapshot = { format: PROJECT_FORMAT, seq: 7, state: stateWith(1_200) };
    await new SnapshotFile(file).write(snapshot);
    const bytes = await readFile(file);
    const text = bytes.toString("utf8");
    const tail = /,"crc":"([0-9a-f]{8})"\}\n$/.exec(text)!;
    expect(tail).not.toBeNull();
    expect(crcHex(text.slice(0, -tail[0].length))).toBe(tail[1]);
    expect(parseSnapshot(bytes, file)).toEqual(snapshot);
  });

  it("the apply that starts a compaction is answered before the state is pinned, and one during it is durable before the snapshot", async () => {
    const dir = await tempDir();
    const state = stateWith(30_000);
    const doc = Object.values(state.documents)[0]!;
    const motive = Object.values(state.codes)[0]!;
    const store = await createProjectWithState(dir, state, { compactEvery: 3 });
    for (let i = 0; i < 3; i++) await store.apply({ type: "addCoding", coding: coding(doc.id, motive.id, i, i + 5) });
    // The third reached compactEvery. The compaction is queued a turn of the event loop later, so an
    // apply sent at once (as the app's next request would be, in the answer's microtasks) comes
    // before the pin: the snapshot stands at change 4. Queued at once, it stood at 3 and the third
    // apply's answer waited for the pin (a second at 1M codings).
    await store.apply({ type: "addCoding", coding: coding(doc.id, motive.id, 100, 105) });
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Now queued: this one waits only for the compaction's start (the journal moved aside).
    const during = coding(doc.id, motive.id, 500, 550);
    await store.apply({ type: "addCoding", coding: during });
    const old = path.join(dir, "journal.old.jsonl");
    expect(await access(old).then(() => true, () => false)).toBe(true);
    expect(await readFile(path.join(dir, "journal.jsonl"), "utf8")).toContain(during.id);
    while (await access(old).then(() => true, () => false)) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((JSON.parse(await readFile(path.join(dir, "project.json"), "utf8")) as { seq: number }).seq).toBe(4);
    const expected = structuredClone(store.state);
    await store.close();
    const again = await openProject(dir);
    expect(again.state).toEqual(expected);
    await again.close();
  });
});
