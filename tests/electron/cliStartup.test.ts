import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogues, LANGUAGES } from "../../shared/i18n/catalogues.js";
import type { translate } from "../../shared/i18n/translate.js";
import { useOsRandomValues } from "../../electron/cli/randomValues.js";
import { SLOW, succeeds, tandai } from "./runCli.js";
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

/**
 * Logs the CLI's own files in dist/ the process loads as modules (import or require) or reads with
 * fs.readFileSync (the catalogues, which are data): "module cli-zod.cjs", "read cli-i18n-en.tsv".
 */
const distFiles = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from "node:module";
import fs from "node:fs";
const log = (line) => fs.appendFileSync(process.env.TANDAI_TEST_LOADED, line + "\\n");
const inDist = (file) => /[\\\\/]dist[\\\\/](cli[-.][^\\\\/]+)$/.exec(file)?.[1];
registerHooks({ load(url, context, next) {
  const name = inDist(url);
  if (name) log("module " + name);
  return next(url, context);
} });
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  const name = inDist(file instanceof URL ? file.pathname : String(file));
  if (name) log("read " + name);
  return readFileSync.call(this, file, ...rest);
};`)}`;

/** Runs the real CLI with a module hook installed before it starts; resolves to the lines the hook wrote. */
function withHook(hookModule: string, args: string[], home: string, log: string, lang = "en_US.UTF-8", env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  return new Promise((ok, fail) => {
    execFile(process.execPath, ["--import", hookModule, "bin/tandai.js", ...args], { env: { ...process.env, TANDAI_HOME: home, LANG: lang, LC_ALL: "", TANDAI_TEST_LOADED: log, ...env } }, async (error, _stdout, stderr) => {
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
    "loads no importer or exporter package for commands that use none (info, code, doc list, backups, agreement, search)",
    async () => {
      const { root, dir, home } = await importedProject();
      const info = await withHook(hook, ["info", dir], home, join(root, "info.log"));
      const code = await withHook(hook, ["code", dir, ...CODE], home, join(root, "code.log"));
      expect(info.filter((name) => HEAVY.includes(name))).toEqual([]);
      expect(code.filter((name) => HEAVY.includes(name))).toEqual([]);
      // Nor do the other commands that read a project and print: the documents, the backups,
      // agreement without --out (its export's packages load only for a file to write), and search
      // (the store and the search index, not the app's whole backend).
      for (const coder of ["Ayu", "Budi"]) await succeeds(["code", dir, ...CODE, "--coder", coder], home);
      for (const args of [["doc", "list", dir], ["backups", dir], ["agreement", dir, "--coders", "Ayu,Budi"], ["search", dir, "Vietnam"]]) {
        const loaded = await withHook(hook, args, home, join(root, `${args[0]}.log`));
        expect(loaded.filter((name) => HEAVY.includes(name)), args.join(" ")).toEqual([]);
      }
      // The same hook does see packages when a command loads them: an export of the workbook.
      const exported = await withHook(hook, ["export", dir, "--format", "xlsx", "--out", join(root, "out.xlsx")], home, join(root, "export.log"));
      expect(exported).toContain("exceljs");
    },
    SLOW,
  );

  it(
    "evaluates no zod for `tandai info`, `code`, `doc list`, `backups` and `indicators` (a valid project, document and coding need no schema built), and does for `tandai new`",
    async () => {
      const { root, dir, home } = await importedProject();
      const zodLoaded = async (args: string[], log: string) => (await withHook(zodAtExit, args, home, log)).join("\n");
      expect(await zodLoaded(["info", dir], join(root, "info.zod"))).toBe("no zod");
      expect(await zodLoaded(["code", dir, ...CODE], join(root, "code.zod"))).toBe("no zod");
      // Nor do the other commands that read or change a project without a file to import or export
      // (they import what they use, not the shared/ barrel, whose modules build schemas as they load).
      expect(await zodLoaded(["doc", "list", dir], join(root, "doc.zod"))).toBe("no zod");
      expect(await zodLoaded(["backups", dir], join(root, "backups.zod"))).toBe("no zod");
      expect(await zodLoaded(["indicators", dir], join(root, "indicators.zod"))).toBe("no zod");
      // The detector does see zod where a schema is built: a new project's state is checked by it.
      expect(await zodLoaded(["new", join(root, "another")], join(root, "new.zod"))).toBe("zod");
    },
    SLOW,
  );

  it(
    "reads the catalogue of the language in use only, and loads zod's own file only where a schema is built",
    async () => {
      const { root, dir, home } = await importedProject();
      const files = (args: string[], log: string, lang?: string) => withHook(distFiles, args, home, join(root, log), lang);
      const catalogueReads = (lines: string[]) => lines.filter((line) => line.startsWith("read cli-i18n-"));
      const info = await files(["info", dir], "info.files");
      expect(catalogueReads(info)).toEqual(["read cli-i18n-en.tsv"]);
      expect(info).not.toContain("module cli-zod.cjs");
      const code = await files(["code", dir, ...CODE], "code.files", "id_ID.UTF-8");
      expect(catalogueReads(code)).toEqual(["read cli-i18n-id.tsv"]);
      expect(code).not.toContain("module cli-zod.cjs");
      // One module file each: dist/cli-start.cjs, which runs them from dist/cli-hot.cjs (not through
      // the module loader: see the code cache's test below). 18 and 26 ES modules were loaded before.
      const modules = (lines: string[]) => lines.filter((line) => line.startsWith("module cli"));
      expect(modules(info)).toEqual(["module cli-start.cjs"]);
      expect(modules(code)).toEqual(["module cli-start.cjs"]);
      // --lang wins over the locale; --version speaks no language at all.
      expect(catalogueReads(await files(["info", dir, "--lang", "id"], "lang.files"))).toEqual(["read cli-i18n-id.tsv"]);
      expect(catalogueReads(await files(["--version"], "version.files"))).toEqual([]);
      // The same log does see zod's file where a schema is built (a new project's state is checked).
      expect(await files(["new", join(root, "another")], "new.files")).toContain("module cli-zod.cjs");
    },
    SLOW,
  );

  it(
    "runs new, info, code, doc and search from one CommonJS file with a code cache of what ran (written once, refused when damaged), and every other command from the whole CLI",
    async () => {
      const { root, dir, home } = await importedProject();
      const cacheRoot = join(root, "compile-cache");
      const env = { NODE_COMPILE_CACHE: cacheRoot };
      const files = (args: string[], log: string, extra: NodeJS.ProcessEnv = env) => withHook(distFiles, args, home, join(root, log), undefined, extra);
      const modules = (lines: string[]) => lines.filter((line) => line.startsWith("module cli"));
      const cacheFiles = async (under: string) =>
        (await readdir(under, { recursive: true }).catch(() => [] as string[])).filter((file) => /(^|[\\/])tandai-[^\\/]*\.v8$/.test(file)).map((file) => join(under, file));

      expect(modules(await files(["info", dir], "info.1"))).toEqual(["module cli-start.cjs"]);
      const [infoCache, ...more] = await cacheFiles(cacheRoot);
      expect(more).toEqual([]);
      expect(infoCache).toMatch(/-info\.v8$/);
      const written = await stat(infoCache!);
      // The next call reads it and writes nothing.
      expect(modules(await files(["info", dir], "info.2"))).toEqual(["module cli-start.cjs"]);
      expect((await stat(infoCache!)).mtimeMs).toBe(written.mtimeMs);
      // A damaged cache is refused by V8: the call still answers, and leaves a good one.
      await writeFile(infoCache!, "not a code cache");
      const again = await files(["info", dir, "--json"], "info.3");
      expect(modules(again)).toEqual(["module cli-start.cjs"]);
      expect((await readFile(infoCache!)).length).toBeGreaterThan(10_000);
      // The other commands of dist/cli-hot.cjs and dist/cli-search.cjs, each with its own cache; none
      // loads the whole CLI.
      for (const args of [["code", dir, ...CODE], ["doc", "list", dir], ["search", dir, "Vietnam"], ["new", join(root, "another")], ["--version"]]) {
        expect(modules(await files(args, `${args[0]}.hot`)).filter((line) => line !== "module cli-zod.cjs"), args.join(" ")).toEqual(["module cli-start.cjs"]);
      }
      expect((await cacheFiles(cacheRoot)).map((file) => /-(\w+)\.v8$/.exec(file)?.[1]).sort()).toEqual(["code", "doc", "info", "new", "none", "search"]);
      // A regular expression's worker is started from the hot bundle too, with nothing on stderr.
      const regex = await tandai(["search", dir, "Viet.am", "--regex"], home);
      expect(regex.stderr).toBe("");
      expect(regex.stdout).toContain("[Vietnam]");
      // Any other command runs in the whole CLI, the split ES modules.
      const backups = modules(await files(["backups", dir], "backups.whole"));
      expect(backups.slice(0, 2)).toEqual(["module cli-start.cjs", "module cli.js"]);
      expect(backups.filter((line) => /^module cli-backups-\w+\.js$/.test(line))).toHaveLength(1);
      // A call start.ts sends to the hot bundle though its command is another (the first word is
      // an option's value): main.ts's parse hands it to the whole CLI, quietly. The hot bundle
      // itself imports nothing, nor does search's (a vm script's import() needs vm's experimental loader).
      const misrouted = await tandai(["--name", "info", "backups", dir], home);
      expect(misrouted.code, misrouted.stderr).toBe(0);
      expect(misrouted.stdout).toContain(dir);
      expect(misrouted.stderr).toBe("");
      for (const bundle of ["dist/cli-hot.cjs", "dist/cli-search.cjs"]) expect(readFileSync(bundle, "utf8"), bundle).not.toMatch(/\bimport\(/);
      // With Node's compile cache turned off, so is the CLI's own: dist/cli-hot.cjs is required as it is.
      const off = join(root, "no-cache");
      const info = await files(["info", dir], "info.off", { NODE_COMPILE_CACHE: off, NODE_DISABLE_COMPILE_CACHE: "1" });
      expect(modules(info)).toEqual(["module cli-start.cjs", "module cli-hot.cjs"]);
      expect(await cacheFiles(off)).toEqual([]);
      expect((await succeeds(["info", dir], home)).codings).toBe(1);
    },
    SLOW,
  );

  it(
    "leaves `tandai code`'s line in the journal, and replays it at the next call without zod, zlib, WebCrypto, fs.promises or parseArgs (a table CRC-32, the quick checks, ids from the OS, electron/cli/syncFs.ts and args.ts)",
    async () => {
      const { root, dir, home } = await importedProject();
      const journal = join(dir, "journal.jsonl");
      const journalLines = async () => (await readFile(journal, "utf8")).split("\n").filter(Boolean);
      expect(await journalLines()).toEqual([]);
      const first = await succeeds(["code", dir, ...CODE], home);
      // Durable in the journal, not folded into project.json (StoreOptions.keepShortJournal).
      const lines = await journalLines();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(first.codingId);
      expect(await readFile(join(dir, "project.json"), "utf8")).not.toContain(first.codingId);
      // Node's own modules the next calls load, and whether zod was evaluated, said at exit.
      // fs as a CommonJS module: an ESM import of node:fs reads every export, fs.promises too.
      const builtins = `data:text/javascript,${encodeURIComponent(`
const { appendFileSync } = process.getBuiltinModule("node:fs");
process.on("exit", () => appendFileSync(process.env.TANDAI_TEST_LOADED, [...process.moduleLoadList, globalThis.__zod_globalRegistry ? "zod" : "no zod"].join("\\n") + "\\n"));`)}`;
      const heavy = (loaded: string[]) => loaded.filter((name) => name === "zod" || /^NativeModule (zlib|internal\/crypto\/webcrypto|crypto|internal\/fs\/promises|internal\/fs\/rimraf|internal\/fs\/dir|internal\/util\/parse_args\/parse_args)$/.test(name));
      const info = await withHook(builtins, ["info", dir, "--json"], home, join(root, "info.builtins"));
      expect(heavy(info)).toEqual([]);
      expect(info).toContain("no zod");
      const second = await withHook(builtins, ["code", dir, ...CODE, "--coder", "Budi"], home, join(root, "code.builtins"));
      expect(heavy(second)).toEqual([]);
      expect(await journalLines()).toHaveLength(2);
      // Both codings are there for every reader, and the ids are the id alphabet's 16 characters.
      const listed = await succeeds(["info", dir], home);
      expect(listed.codings).toBe(2);
      expect(first.codingId).toMatch(/^[0-9a-zA-Z]{16}$/);
      // The same detector does see WebCrypto and fs.promises where they are loaded: a bare node that asks for them.
      const control = join(root, "control.builtins");
      await new Promise<void>((ok, fail) =>
        execFile(process.execPath, ["--import", builtins, "-e", "globalThis.crypto.subtle; require('node:fs').promises"], { env: { ...process.env, TANDAI_TEST_LOADED: control } }, (error) => (error ? fail(error) : ok())),
      );
      expect(heavy((await readFile(control, "utf8")).split("\n"))).toEqual(expect.arrayContaining(["NativeModule internal/crypto/webcrypto", "NativeModule internal/fs/promises"]));
    },
    SLOW,
  );

  it("takes crypto.getRandomValues from the OS in the CLI process, and leaves every other property of crypto to WebCrypto", async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, "crypto")!;
    try {
      useOsRandomValues();
      expect(Object.getOwnPropertyDescriptor(globalThis, "crypto")).not.toEqual(before);
      const a = globalThis.crypto.getRandomValues(new Uint8Array(4096));
      const b = globalThis.crypto.getRandomValues(new Uint8Array(4096));
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
      // Every byte value turns up in 8 kB of random bytes (a stuck or zero source would not).
      expect(new Set([...a, ...b]).size).toBe(256);
      const view = new Uint32Array(new ArrayBuffer(64), 16, 4);
      expect(globalThis.crypto.getRandomValues(view)).toBe(view);
      expect(new Uint8Array(view.buffer, 0, 16).every((byte) => byte === 0)).toBe(true);
      // WebCrypto's limits still hold (it decides them), and the rest is WebCrypto's own.
      expect(() => globalThis.crypto.getRandomValues(new Uint8Array(65_537))).toThrow();
      expect(() => globalThis.crypto.getRandomValues(new Float64Array(2) as unknown as Uint8Array)).toThrow();
      expect(globalThis.crypto.randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof globalThis.crypto.subtle.digest).toBe("function");
    } finally {
      Object.defineProperty(globalThis, "crypto", before);
    }
  });

  it("ships catalogues that are the catalogues (dist/cli-i18n-<language>.tsv, written and read as build/bundle.mjs says)", async () => {
    // The bundle's own translate(), from the chunk that names the files: every string of both catalogues reads back as it is.
    const chunk = (await readdir("dist")).filter((file) => /^cli-chunk-.*\.js$/.test(file)).find((file) => readFileSync(join("dist", file), "utf8").includes('"./cli-i18n-en.tsv"'));
    expect(chunk).toBeDefined();
    const exported = Object.values(await import(pathToFileURL(join(process.cwd(), "dist", chunk!)).href)) as unknown[];
    const bundledTranslate = exported.find((value) => typeof value === "function" && /^translate\d*$/.test(value.name)) as typeof translate;
    expect(bundledTranslate).toBeDefined();
    const leaves = (node: unknown, key: string): [string, string][] =>
      typeof node === "string" ? [[key, node]] : Object.entries(node as object).flatMap(([name, child]) => leaves(child, key ? `${key}.${name}` : name));
    for (const language of LANGUAGES) {
      const strings = leaves(catalogues[language], "");
      expect(strings.length).toBeGreaterThan(1000);
      for (const [key, text] of strings) expect(bundledTranslate(language, key), `${language} ${key}`).toBe(text);
    }
  });

  it("prints the version from package.json, which it reads only when asked (--version, the usage)", async () => {
    const home = join(await temp(), "home");
    const { version } = JSON.parse(await readFile("package.json", "utf8")) as { version: string };
    expect((await tandai(["--version"], home)).stdout).toBe(`${version}\n`);
    expect((await tandai(["--help"], home)).stdout).toContain(version);
  });

  it(
    "codes as the coder named in the preferences, read while the project opens, and as --coder when given",
    async () => {
      const { dir, home } = await importedProject();
      await writeFile(join(home, "preferences.json"), JSON.stringify({ preferences: { coderName: "Rani" }, recent: [] }));
      expect((await succeeds(["code", dir, ...CODE], home)).coder).toBe("Rani");
      expect((await succeeds(["code", dir, ...CODE, "--coder", "Budi"], home)).coder).toBe("Budi");
    },
    SLOW,
  );
});
