import { execFile, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLOW, succeeds } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

/** A project whose one transcript has 3,000 paragraphs with "ASEAN": `tandai search --json` prints some 800 kB. */
async function bigProject() {
  const root = await temp();
  const dir = join(root, "tesis");
  const home = join(root, "home");
  await succeeds(["new", dir], home);
  const transcript = join(root, "wawancara.txt");
  await writeFile(transcript, "Indonesia memandang ASEAN sebagai pilar utama politik luar negeri.\n".repeat(3000));
  await succeeds(["import", dir, transcript], home);
  return { root, dir, home };
}

const env = (home: string) => ({ ...process.env, TANDAI_HOME: home, LANG: "en_US.UTF-8", LC_ALL: "" });

/**
 * The CLI writes its output straight to the descriptor (electron/cli/output.ts), not through
 * process.stdout, whose stream for a pipe loads Node's net stack at every call.
 */
describe("tandai output", () => {
  it(
    "hands a script all of a large result through a pipe, and loads no net stack to do it",
    async () => {
      const { dir, home } = await bigProject();
      const out = await new Promise<string>((ok, fail) =>
        execFile(process.execPath, ["bin/tandai.js", "search", dir, "ASEAN", "--json"], { env: env(home), maxBuffer: 1 << 26 }, (error, stdout) => (error ? fail(error) : ok(stdout))),
      );
      expect(out.length).toBeGreaterThan(500_000);
      expect(JSON.parse(out.trim()).hits).toHaveLength(3000);
      // Which of Node's own modules `tandai info` loaded, its stdout a pipe as in `$(tandai info)`.
      const moduleList = `data:text/javascript,${encodeURIComponent('process.on("exit", () => process.getBuiltinModule("node:fs").writeSync(2, process.moduleLoadList.join("\\n")));')}`;
      const loaded = await new Promise<string>((ok, fail) =>
        execFile(process.execPath, ["--import", moduleList, "bin/tandai.js", "info", dir], { env: env(home) }, (error, _stdout, stderr) => (error ? fail(error) : ok(stderr))),
      );
      expect(loaded).toContain("NativeModule fs");
      expect(loaded).not.toContain("NativeModule net");
    },
    SLOW,
  );

  it(
    "stops quietly when the reader goes away (`tandai … | head -1`): exit status 0, nothing on stderr",
    async () => {
      const { dir, home } = await bigProject();
      const child = spawn(process.execPath, ["bin/tandai.js", "search", dir, "ASEAN", "--json"], { env: env(home), stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once("data", () => child.stdout.destroy());
      const status = await new Promise<number | null>((ok) => child.on("close", ok));
      expect(stderr).toBe("");
      expect(status).toBe(0);
    },
    SLOW,
  );
});
