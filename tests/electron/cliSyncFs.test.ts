import { promises as nodePromises } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { promises as syncPromises } from "../../electron/cli/syncFs.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

type Fsp = typeof nodePromises;

/** What a call gives — its value, or its error's code and syscall — so Node's fs.promises and the CLI's can be compared. */
async function outcome<T>(call: () => Promise<T>): Promise<{ value?: T; error?: { code?: string; syscall?: string } }> {
  try {
    return { value: await call() };
  } catch (error) {
    const { code, syscall } = error as NodeJS.ErrnoException;
    return { error: { code, syscall } };
  }
}

/** The same story of calls, in a folder of its own, through the given fs.promises: what the store does with its files. */
async function story(fsp: Fsp, root: string) {
  const seen: unknown[] = [];
  const note = async <T>(call: () => Promise<T>, map: (value: T) => unknown = (value) => value) => {
    const result = await outcome(call);
    seen.push(result.error ? { error: result.error } : { value: map(result.value as T) });
  };
  const file = join(root, "project.json");
  await note(() => fsp.mkdir(join(root, "backups", "deep"), { recursive: true }), (made) => made?.replace(root, "<root>"));
  await note(() => fsp.mkdir(join(root, "backups")));
  await note(() => fsp.writeFile(file, "{\"a\":1}\n"));
  await note(() => fsp.readFile(file, "utf8"));
  await note(() => fsp.readFile(join(root, "missing.json"), "utf8"));
  await note(() => fsp.access(file));
  await note(() => fsp.access(join(root, "missing.json")));
  await note(() => fsp.stat(file), (stat) => [stat.size, stat.isFile()]);
  await note(() => fsp.stat(file, { bigint: true }), (stat) => typeof stat.size);
  await note(() => fsp.lstat(join(root, "missing.json")));
  await note(() => fsp.realpath(root), (real) => real.length > 0);
  await note(() => fsp.statfs(root), (stats) => stats.bsize > 0);
  // A journal: opened for appending at an offset, synced, read back, cut back, closed twice.
  const journal = join(root, "journal.jsonl");
  await note(() => fsp.open(journal, "wx"), async (handle) => handle.close());
  await note(() => fsp.open(journal, "wx")); // it exists now: EEXIST
  const handle = await fsp.open(journal, "r+");
  await note(() => handle.write(Buffer.from("line one\n"), 0, 9, 0), (result) => result.bytesWritten);
  await note(() => handle.write(Buffer.from("xline two\n"), 1, 9, 9), (result) => result.bytesWritten);
  await note(() => handle.datasync());
  await note(() => handle.sync());
  await note(() => handle.stat(), (stat) => stat.size);
  const buffer = Buffer.alloc(4);
  await note(() => handle.read(buffer, 0, 4, 5), (result) => [result.bytesRead, buffer.toString()]);
  await note(() => handle.truncate(9));
  await note(() => handle.readFile("utf8"));
  await note(() => handle.close());
  await note(() => handle.close());
  await note(() => fsp.readFile(journal, "utf8"));
  // The lock's temp file and link, a rename over a file, a listing, and removals.
  const temp = join(root, ".lock.tmp");
  await note(() => fsp.writeFile(temp, "me", { flag: "wx" }));
  await note(() => fsp.link(temp, join(root, "lock")));
  await note(() => fsp.link(temp, join(root, "lock")));
  await note(() => fsp.rename(temp, file));
  await note(() => fsp.readdir(root), (names) => [...names].sort());
  await note(() => fsp.readdir(root, { withFileTypes: true }), (entries) => entries.map((entry) => [entry.name, entry.isDirectory()]).sort());
  await note(() => fsp.readdir(join(root, "missing")));
  await note(() => fsp.rm(join(root, "lock")));
  await note(() => fsp.rm(join(root, "lock")));
  await note(() => fsp.rm(join(root, "lock"), { force: true }));
  await note(() => fsp.rm(join(root, "backups")));
  await note(() => fsp.rm(join(root, "backups"), { recursive: true, force: true }));
  await note(() => fsp.rename(join(root, "missing"), join(root, "other")));
  await note(() => fsp.readdir(root), (names) => [...names].sort());
  return seen;
}

describe("the CLI's fs.promises of synchronous calls (electron/cli/syncFs.ts)", () => {
  it("gives what Node's fs.promises gives, errors included, for every call the store makes", async () => {
    const nodeStory = await story(nodePromises, await temp());
    const syncStory = await story(syncPromises, await temp());
    expect(syncStory).toEqual(nodeStory);
    // The story does meet errors (so they are compared, not only successes).
    expect(nodeStory.filter((step) => (step as { error?: unknown }).error).length).toBeGreaterThanOrEqual(8);
  });

  it("fails as a rejected promise, never by throwing where the call is made", async () => {
    const root = await temp();
    const call = syncPromises.readFile(join(root, "missing"));
    await expect(call).rejects.toMatchObject({ code: "ENOENT" });
    // So `.catch()` on a removal that fails works as the store writes it.
    await expect(syncPromises.rm(join(root, "missing")).catch(() => "caught")).resolves.toBe("caught");
  });

  it("leaves what it does not make to Node's fs.promises", async () => {
    expect(syncPromises.constants).toBe(nodePromises.constants);
    expect(syncPromises.opendir).toBe(nodePromises.opendir);
  });
});
