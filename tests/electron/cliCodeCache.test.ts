import { chmod, readdir, stat, utimes, writeFile, mkdir } from "node:fs/promises";
import { createRequire, wrap } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { requireWithCodeCache } from "../../electron/cli/codeCache.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

/** A CommonJS file that says which build of it ran (and that require, module and __dirname are there). */
const build = (answer: number) => `
const { join } = require("node:path");
module.exports = { answer: (function () { return ${answer}; })(), here: __dirname, joined: join(__dirname, "x") };
globalThis.__codeCacheRuns = (globalThis.__codeCacheRuns ?? 0) + 1;
globalThis.__codeCacheAnswer = module.exports.answer;
`;
const answer = () => (globalThis as { __codeCacheAnswer?: number }).__codeCacheAnswer;

const caches = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith(".v8")).sort();

/** Runs the file as dist/cli-start.cjs runs dist/cli-hot.cjs; its module.exports are read back through a global the file sets. */
function run(file: string, cacheDir: string, flavour = "info") {
  const before = (globalThis as { __codeCacheRuns?: number }).__codeCacheRuns ?? 0;
  const result = requireWithCodeCache(file, cacheDir, flavour);
  expect((globalThis as { __codeCacheRuns?: number }).__codeCacheRuns).toBe(before + 1);
  return result;
}

describe("the CLI's code cache (electron/cli/codeCache.ts)", () => {
  it("runs the file, saves a cache of what ran, and uses it at the next run", async () => {
    const root = await temp();
    const file = join(root, "cli-hot.cjs");
    const cacheDir = join(root, "cache");
    await mkdir(cacheDir);
    await writeFile(file, build(1));
    const first = run(file, cacheDir);
    expect(first.used).toBe(false);
    expect(await caches(cacheDir)).toEqual([]);
    first.save();
    const saved = await caches(cacheDir);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^tandai-[0-9a-z]+-\d+-[\d_]+-info\.v8$/);
    expect(run(file, cacheDir).used).toBe(true);
    // Each command has its own (each runs other functions).
    const other = run(file, cacheDir, "code");
    expect(other.used).toBe(false);
    other.save();
    expect(await caches(cacheDir)).toHaveLength(2);
    expect(run(file, cacheDir, "code").used).toBe(true);
  });

  it("never runs an earlier build's code: a rebuilt file of the same length gets a cache of its own, and the old ones go", async () => {
    const root = await temp();
    const file = join(root, "cli-hot.cjs");
    const cacheDir = join(root, "cache");
    await mkdir(cacheDir);
    await writeFile(file, build(1));
    run(file, cacheDir).save();
    run(file, cacheDir, "code").save();
    expect(await caches(cacheDir)).toHaveLength(2);

    // The control: V8 itself takes a cache made for other source of the same length, and runs the old code.
    const runScript = (script: Script) => (script.runInThisContext() as (...args: unknown[]) => void)({}, createRequire(file), { exports: {} }, file, root);
    const original = new Script(wrap(build(1)));
    runScript(original);
    const stale = new Script(wrap(build(2)), { cachedData: original.createCachedData() });
    expect(stale.cachedDataRejected).toBe(false);
    runScript(stale);
    expect(answer()).toBe(1);

    await writeFile(file, build(2)); // same length, other code
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    const rebuilt = run(file, cacheDir);
    expect(rebuilt.used).toBe(false);
    expect(answer()).toBe(2);
    rebuilt.save();
    // The earlier build's caches (both commands) are dropped; the new build's is the only one.
    const left = await caches(cacheDir);
    expect(left).toHaveLength(1);
    expect(left[0]).toContain(`-${(await stat(file)).size}-`);
    expect(run(file, cacheDir).used).toBe(true);
    expect(answer()).toBe(2);
  });

  it("gives the file require, module, __filename and __dirname as require() does", async () => {
    const root = await temp();
    const file = join(root, "cli-hot.cjs");
    const cacheDir = join(root, "cache");
    await mkdir(cacheDir);
    await writeFile(file, `${build(7)}\nglobalThis.__codeCacheExports = module.exports; globalThis.__codeCacheFile = __filename;`);
    for (let i = 0; i < 2; i++) {
      const { used, save } = run(file, cacheDir);
      expect(used).toBe(i === 1);
      save();
      const exported = (globalThis as { __codeCacheExports?: { answer: number; here: string; joined: string } }).__codeCacheExports!;
      expect(exported).toEqual({ answer: 7, here: root, joined: join(root, "x") });
      expect(requireWithCodeCache(file, cacheDir, "exports").exports).toEqual({ answer: 7, here: root, joined: join(root, "x") });
      expect((globalThis as { __codeCacheFile?: string }).__codeCacheFile).toBe(file);
    }
  });

  it("keeps two copies' caches apart (an installed Tandai and a checkout), and a folder it cannot write only costs speed", async () => {
    const root = await temp();
    const cacheDir = join(root, "cache");
    await mkdir(cacheDir);
    const installed = join(root, "installed.cjs");
    const checkout = join(root, "checkout.cjs");
    await writeFile(installed, build(1));
    await writeFile(checkout, build(2));
    run(installed, cacheDir).save();
    run(checkout, cacheDir).save();
    expect(await caches(cacheDir)).toHaveLength(2);
    expect(run(installed, cacheDir).used).toBe(true);
    expect(run(checkout, cacheDir).used).toBe(true);

    // (A damaged cache, which V8 refuses, is a test of the real CLI: in this process V8 would find the
    // same source in its own memory and never read the file. tests/electron/cliStartup.test.ts.)

    // A folder it cannot write (or that is gone): nothing is thrown, the file runs each time.
    const gone = join(root, "gone");
    const unwritten = run(installed, gone);
    expect(unwritten.used).toBe(false);
    expect(() => unwritten.save()).not.toThrow();
    if (process.getuid?.() !== 0) {
      await chmod(cacheDir, 0o500);
      const readOnly = run(checkout, cacheDir);
      expect(() => readOnly.save()).not.toThrow();
      await chmod(cacheDir, 0o700);
    }
  });
});
