import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProjectWithState, openProject } from "../../../electron/store/index.js";
import { crcHex, freeze, parseSnapshot, serialise, SnapshotFile, type Snapshot } from "../../../electron/store/snapshot.js";
import { PROJECT_FORMAT, type CodeId, type ProjectState } from "../../../shared/index.js";
import { coding, stateWithCodings } from "../../shared/fixtures.js";
import { tempDir } from "./helpers.js";

/** A state with `n` codings (and a memo and a case, so every map is written). */
function stateWith(n: number): ProjectState {
  const state = stateWithCodings(n, { length: 40, documentLength: 1_000_000 });
  const [motive] = Object.keys(state.codes) as CodeId[];
  state.memos[`code:${motive}`] = { target: { kind: "code", id: motive }, content: { type: "doc" }, text: "motif", updatedAt: "2026-01-01T00:00:00.000Z" } as never;
  return state;
}

/**
 * project.json as the store wrote it before the freeze kept keys and values apart (one
 * Object.entries per map): every byte of today's file must be what it was.
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
    // The closing brace comes with the checksum (withChecksum). The large maps come after the
    // scalars and one entry a line, so the bytes are not JSON.stringify's, but the value is.
    const text = pieces.join("");
    expect(JSON.parse(`${text}}`)).toEqual(snapshot);
    expect(text).toBe(earlierBytes(snapshot));
  });

  it("a map with an own \"__proto__\" key (as JSON.parse makes one) is written as it was, not as the prototype", async () => {
    const state = stateWith(3);
    const memos = JSON.parse(`{"__proto__":{"target":{"kind":"project"},"content":{"type":"doc"},"text":"x","updatedAt":"2026-01-01T00:00:00.000Z"}}`) as ProjectState["memos"];
    const snapshot: Snapshot = { format: PROJECT_FORMAT, seq: 1, state: { ...state, memos } };
    let text = "";
    for await (const piece of serialise(freeze(snapshot))) text += piece;
    expect(text).toBe(earlierBytes(snapshot));
    expect(text).toContain('"__proto__":{"target"');
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
    expect(text.slice(0, -tail[0].length)).toBe(earlierBytes(snapshot));
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
