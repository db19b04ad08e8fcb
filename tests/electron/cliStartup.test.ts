import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLOW, succeeds } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

/**
 * Logs every package the process resolves (a module hook, installed before the CLI starts), so a
 * test can see what a command loaded. Start-up time itself is measured by `npm run bench cli`.
 */
const hook = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from "node:module";
import { appendFileSync } from "node:fs";
registerHooks({ resolve(specifier, context, next) {
  if (!specifier.startsWith(".") && !specifier.startsWith("node:") && !specifier.startsWith("file:")) appendFileSync(process.env.TANDAI_TEST_LOADED, specifier + "\\n");
  return next(specifier, context);
} });`)}`;

const HEAVY = ["exceljs", "docx", "docx/layout", "mammoth", "@resvg/resvg-js", "fast-xml-parser", "pdfjs-dist", "yauzl", "chardet", "saxes", "yjs", "@hocuspocus/provider", "@hocuspocus/server", "pg"];

/** zod registers its global registry on globalThis when its module is evaluated: say at exit whether it was. */
const zodAtExit = `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from "node:fs";
process.on("exit", () => appendFileSync(process.env.TANDAI_TEST_LOADED, globalThis.__zod_globalRegistry ? "zod\\n" : "no zod\\n"));`)}`;

/** Runs the real CLI with a module hook installed before it starts; resolves to the lines the hook wrote. */
function withHook(hookModule: string, args: string[], home: string, log: string): Promise<string[]> {
  return new Promise((ok, fail) => {
    execFile(process.execPath, ["--import", hookModule, "bin/tandai.js", ...args], { env: { ...process.env, TANDAI_HOME: home, LANG: "en_US.UTF-8", LC_ALL: "", TANDAI_TEST_LOADED: log } }, async (error, _stdout, stderr) => {
      if (error) return fail(new Error(`${args.join(" ")}: ${stderr}`));
      ok((await readFile(log, "utf8").catch(() => "")).split("\n").filter(Boolean));
    });
  });
}

/** A project with one transcript imported, in a fresh temp folder. */
async function importedProject(): Promise<{ root: string; dir: string; home: string }> {
  const root = await temp();
  const dir = join(root, "tesis");
  const home = join(root, "home");
  await succeeds(["new", dir], home);
  const transcript = join(root, "wawancara.txt");
  await writeFile(transcript, "Kerja sama ekonomi dengan Vietnam.\n");
  await succeeds(["import", dir, transcript], home);
  return { root, dir, home };
}

const CODE = ["--doc", "wawancara", "--quote", "Vietnam", "--code", "Ekonomi"];

describe("tandai start-up", () => {
  it(
    "loads no importer or exporter package for commands that use none (info, code)",
    async () => {
      const { root, dir, home } = await importedProject();
      const info = await withHook(hook, ["info", dir], home, join(root, "info.log"));
      const code = await withHook(hook, ["code", dir, ...CODE], home, join(root, "code.log"));
      expect(info.filter((name) => HEAVY.includes(name))).toEqual([]);
      expect(code.filter((name) => HEAVY.includes(name))).toEqual([]);
      // The same hook does see packages when a command loads them: an export of the workbook.
      const exported = await withHook(hook, ["export", dir, "--format", "xlsx", "--out", join(root, "out.xlsx")], home, join(root, "export.log"));
      expect(exported).toContain("exceljs");
    },
    SLOW,
  );

  it(
    "evaluates no zod for `tandai info` and `tandai code` (a valid project, document and coding need no schema built), and does for `tandai new`",
    async () => {
      const { root, dir, home } = await importedProject();
      const zodLoaded = async (args: string[], log: string) => (await withHook(zodAtExit, args, home, log)).join("\n");
      expect(await zodLoaded(["info", dir], join(root, "info.zod"))).toBe("no zod");
      expect(await zodLoaded(["code", dir, ...CODE], join(root, "code.zod"))).toBe("no zod");
      // The detector does see zod where a schema is built: a new project's state is checked by it.
      expect(await zodLoaded(["new", join(root, "another")], join(root, "new.zod"))).toBe("zod");
    },
    SLOW,
  );
});
