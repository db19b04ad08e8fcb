import { promises as fsp } from "node:fs";
import type { Adapter } from "lowdb";
import { z } from "zod";
import { TandaiError } from "../../shared/errors.js";
import { PROJECT_FORMAT, ProjectState } from "../../shared/model/project.js";
import { errnoOf, errorDetail, writeFileAtomic } from "./files.js";

/** What project.json holds: the state after the first `seq` operations of the project's life. */
export interface Snapshot {
  format: typeof PROJECT_FORMAT;
  seq: number;
  state: ProjectState;
}

const SnapshotSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  seq: z.number().int().nonnegative(),
  state: ProjectState,
});

/** The large maps of a state, serialised a slice at a time. */
const RECORDS = ["documents", "codes", "codings", "memos"] as const;
type Entries = [string, unknown][];

/**
 * A snapshot pinned at one moment: the scalars copied and each large map turned into an array of
 * [key, value] entries. Values are never mutated in place by applyOperation (it replaces a record's
 * object when it changes one), so the entries stay the state at `seq` while later operations go on
 * changing the live maps. Freezing costs one Object.entries per map (≈50 ms at 100k codings on a slow
 * machine), far less than serialising, which then runs in slices between operations.
 */
export interface FrozenSnapshot {
  frozen: true;
  format: typeof PROJECT_FORMAT;
  seq: number;
  scalars: [string, unknown][];
  records: [string, Entries][];
}

export function freeze(snapshot: Snapshot): FrozenSnapshot {
  const scalars: [string, unknown][] = [];
  const records: [string, Entries][] = [];
  for (const [key, value] of Object.entries(snapshot.state)) {
    if ((RECORDS as readonly string[]).includes(key) && value && typeof value === "object") records.push([key, Object.entries(value)]);
    else scalars.push([key, value]);
  }
  return { frozen: true, format: snapshot.format, seq: snapshot.seq, scalars, records };
}

/**
 * Entries serialised between two yields to the event loop: ~250 codings take well under a
 * millisecond, so an operation arriving during a compaction waits about that long at most.
 */
const SLICE = 250;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The snapshot as JSON, in slices, yielding to the event loop between them so that operations keep
 * being journaled while a large snapshot is written. One map entry per line: the file stays readable
 * and diffable, at almost no cost in size.
 */
export async function* serialise(snapshot: Snapshot | FrozenSnapshot): AsyncGenerator<string> {
  const frozen = "frozen" in snapshot ? snapshot : freeze(snapshot);
  let head = `{"format":${frozen.format},"seq":${frozen.seq},"state":{`;
  head += frozen.scalars.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",");
  let first = frozen.scalars.length === 0;
  yield head;
  for (const [key, entries] of frozen.records) {
    let out = `${first ? "" : ","}\n${JSON.stringify(key)}:{`;
    first = false;
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i]!;
      out += `${i ? "," : ""}\n${JSON.stringify(k)}:${JSON.stringify(v)}`;
      if ((i + 1) % SLICE === 0) {
        yield out;
        out = "";
        await yieldToEventLoop();
      }
    }
    yield `${out}${entries.length ? "\n" : ""}}`;
  }
  yield "}}\n";
}

/**
 * Reads and checks the text of a snapshot file, telling apart the four ways it can be wrong:
 * not JSON (corrupt), JSON but not ours (foreign), ours but from a newer Tandai (newerVersion),
 * ours but not matching the schema (corrupt, with the first offending path).
 */
export function parseSnapshot(text: string, file: string): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TandaiError("store.errors.corrupt", { file, detail: error instanceof Error ? error.message : String(error) });
  }
  if (!json || typeof json !== "object" || Array.isArray(json) || !("format" in json) || !("state" in json) || typeof json.format !== "number") {
    throw new TandaiError("store.errors.foreign", { file });
  }
  if (json.format > PROJECT_FORMAT) throw new TandaiError("store.errors.newerVersion", { file, version: json.format });
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) throw new TandaiError("store.errors.corrupt", { file, detail: firstIssue(parsed.error) });
  return parsed.data as Snapshot;
}

export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * lowdb's storage for project.json. lowdb's own JSONFile renames a temp file over the target but
 * never fsyncs, and parses without checking: neither will do for a thesis's worth of coding. This
 * adapter writes atomically and durably, and reads only what validates. It never writes on its
 * own, so a file that failed to read is left byte for byte as it was.
 */
export class SnapshotFile implements Adapter<Snapshot | FrozenSnapshot> {
  constructor(readonly file: string) {}

  async read(): Promise<Snapshot | null> {
    let text: string;
    try {
      text = await fsp.readFile(this.file, "utf8");
    } catch (error) {
      if (errnoOf(error) === "ENOENT") return null;
      throw new TandaiError("store.errors.diskRead", { file: this.file, detail: errorDetail(error) });
    }
    return parseSnapshot(text, this.file);
  }

  async write(data: Snapshot | FrozenSnapshot): Promise<void> {
    await writeFileAtomic(this.file, serialise(data));
  }
}
