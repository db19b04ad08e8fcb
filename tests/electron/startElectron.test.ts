import { spawnSync } from "node:child_process";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();
const repo = join(import.meta.dirname, "../..");

/**
 * `npm start`'s launcher in a copy of the project whose electron package has no binary, as after
 * an install that could not download it: the package's own files, without dist/ and path.txt.
 */
async function withoutBinary(): Promise<string> {
  const root = await temp();
  await mkdir(join(root, "build"));
  await copyFile(join(repo, "build/start-electron.mjs"), join(root, "build/start-electron.mjs"));
  const electron = join(root, "node_modules/electron");
  await mkdir(electron, { recursive: true });
  for (const file of ["package.json", "index.js"]) await copyFile(join(repo, "node_modules/electron", file), join(electron, file));
  return root;
}

function start(root: string, env: Record<string, string | undefined>) {
  const clean = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: undefined, ELECTRON_OVERRIDE_DIST_PATH: undefined, ...env };
  return spawnSync(process.execPath, ["build/start-electron.mjs"], { cwd: root, env: clean, encoding: "utf8", timeout: 20_000 });
}

describe("npm start without Electron's binary", () => {
  it("says so in one line, without a stack trace, and exits 1", async () => {
    const root = await withoutBinary();
    const run = start(root, {});
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      "Electron's binary is not installed here: run `npx install-electron` to download it, or `npm run web` to use Tandai in your browser.",
    ]);
  });

  it("names ELECTRON_SKIP_BINARY_DOWNLOAD when that is why", async () => {
    const run = start(await withoutBinary(), { ELECTRON_SKIP_BINARY_DOWNLOAD: "1" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Electron's binary is not installed here \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\): .*npm run web.*\n$/);
  });
});
