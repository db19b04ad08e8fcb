// Bundles the Node side (Electron main, preload, CLI, benchmarks) with esbuild.
// Runtime dependencies stay external so pdfjs-dist and mammoth load their own files as published.
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Buffer } from "node:buffer";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

const nodeRequire = createRequire(import.meta.url);

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = [...Object.keys(pkg.dependencies), "electron"];
const BUNDLED_IN_CLI = ["zod", "lowdb", "@orama/stemmers"];
/**
 * zod re-exports every language's error messages (`z.locales`: 360 kB of the 840 kB every CLI
 * command loads) though it only uses English, and Tandai translates errors itself. The CLI gets a
 * `locales` with English alone (the very file zod's own `config(en())` imports, so nothing twice).
 */
const onlyEnglishZodLocales = {
  name: "only-english-zod-locales",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, ({ resolveDir }) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(resolveDir) ? { path: path.join(resolveDir, "..", "locales", "en.js"), namespace: "zod-locales-en" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-locales-en" }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: path.dirname(args.path) }));
  },
};
/**
 * An ESM `import … from "node:fs"` makes Node build the module's ES facade, which reads every export,
 * getters included: `fs.ReadStream` loads Node's whole streams stack, `util.TextDecoder` its encoding
 * tables, `crypto.webcrypto` WebCrypto (≈ 15 ms of each `tandai` call; a bare `node -e 0` loads none
 * of it). The CLI reads Node's modules through require() instead, exporting each module's plain
 * values and only the getters named here; an import of any other getter fails the build, not the user.
 */
// crypto.webcrypto: lib0 (Yjs, the team commands) reads it; only the chunks that use crypto pay for it.
const BUILTIN_GETTERS = { fs: ["promises"], crypto: ["webcrypto"] };
/** Plain-looking exports whose first read loads more of Node (found with process.moduleLoadList). */
const BUILTIN_HEAVY = {
  fs: ["Dir", "opendir", "opendirSync"],
  util: ["diff", "setTraceSigInt", "TextDecoder", "TextEncoder", "MIMEType", "MIMEParams"],
};
const builtinsThroughRequire = {
  name: "builtins-through-require",
  setup(build) {
    const names = new Set(builtinModules.filter((name) => !name.startsWith("_")));
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, ({ path: spec, kind }) => {
      const name = spec.replace(/^node:/, "");
      if (!names.has(name)) return undefined;
      // The facade's own require() is Node's module, left to Node.
      return kind === "require-call" ? { path: `node:${name}`, external: true } : { path: name, namespace: "builtin-through-require" };
    });
    build.onLoad({ filter: /.*/, namespace: "builtin-through-require" }, ({ path: name }) => {
      const descriptors = Object.getOwnPropertyDescriptors(nodeRequire(`node:${name}`));
      const exported = Object.keys(descriptors).filter(
        (key) =>
          key !== "default" &&
          /^[A-Za-z_$][\w$]*$/.test(key) &&
          !(BUILTIN_HEAVY[name] ?? []).includes(key) &&
          ("value" in descriptors[key] || (BUILTIN_GETTERS[name] ?? []).includes(key)),
      );
      const lines = exported.map((key) => `export const ${key} = m.${key};`);
      return { contents: `const m = require(${JSON.stringify(`node:${name}`)});\nexport default m;\n${lines.join("\n")}\n` };
    });
  },
};
/**
 * zod loaded on first use: every schema of the model is built lazily (shared/model/lazySchema.ts) and
 * a valid snapshot is checked without zod (shared/model/quickCheck.ts), so `tandai info` needs no zod
 * at all. In the CLI, `import { z } from "zod"` gets a stand-in whose first property read requires
 * zod from a file of its own, dist/cli-zod.cjs (CommonJS, because the read is synchronous): a command
 * that never reads `z` does not even compile zod's 400 kB — inside the store's chunk, compiling and
 * holding that source was ≈ 5 ms and most of the garbage collection of every `tandai info`.
 */
const ZOD_FILE = "cli-zod.cjs";
const zodOnFirstUse = {
  name: "zod-on-first-use",
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, () => ({ path: "zod", namespace: "zod-on-first-use" }));
    build.onResolve({ filter: /^\.\/cli-zod\.cjs$/ }, ({ path: file }) => ({ path: file, external: true }));
    build.onLoad({ filter: /.*/, namespace: "zod-on-first-use" }, () => ({
      resolveDir: process.cwd(),
      // The chunk's require() (the banner's) resolves beside the chunk, in dist/.
      contents: `let zod;\nexport const z = new Proxy({}, { get: (_target, key) => (zod ??= require(${JSON.stringify(`./${ZOD_FILE}`)}).z)[key] });\n`,
    }));
  },
};
/**
 * The CLI's catalogues as data: dist/cli-i18n-<language>.tsv, one line per area (its name, a tab, its
 * JSON), read the first time a language is looked up and each area parsed the first time it is. As a
 * module, both languages' 190 kB of object literals were compiled (or their code cache read) and
 * evaluated by every command, `--version` included, though a command speaks one language and reads
 * a few areas (≈ 5 ms of CPU of each call; parsing a whole language's JSON was still ≈ 1 ms). In the
 * CLI bundle, shared/i18n/catalogues.ts keeps its own code (LANGUAGES, languageFromLocale) and its
 * `catalogues` becomes an object whose language getters read those files; the files are the very
 * catalogues, evaluated here at build time (tests/electron/cliStartup.test.ts compares them).
 */
const CATALOGUES = path.resolve("shared/i18n/catalogues.ts");
const catalogueFile = (language) => `cli-i18n-${language}.tsv`;
async function writeCatalogues() {
  const built = await build({ entryPoints: [CATALOGUES], bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "warning" });
  const { catalogues } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString("base64")}`);
  mkdirSync("dist", { recursive: true });
  for (const [language, catalogue] of Object.entries(catalogues)) {
    const lines = Object.entries(catalogue).map(([area, entries]) => {
      const json = JSON.stringify(entries);
      if (!/^\w+$/.test(area) || !isDeepStrictEqual(JSON.parse(json), entries)) throw new Error(`shared/i18n: the ${language} catalogue's area "${area}" is not a plain name holding strings and objects`);
      return `${area}\t${json}\n`;
    });
    writeFileSync(`dist/${catalogueFile(language)}`, lines.join(""));
  }
  return Object.keys(catalogues);
}
const cataloguesAsData = (languages) => ({
  name: "catalogues-as-data",
  setup(build) {
    build.onLoad({ filter: /[\\/]shared[\\/]i18n[\\/]catalogues\.ts$/ }, ({ path: file }) => {
      if (path.resolve(file) !== CATALOGUES) return undefined;
      const source = readFileSync(file, "utf8");
      // The area modules' imports stay but nothing uses them, so esbuild leaves them out.
      const renamed = source.replace(/^export const catalogues = /m, "const catalogueModules = ");
      if (renamed === source) throw new Error(`${file}: \`export const catalogues = \` not found (build/bundle.mjs, cataloguesAsData)`);
      const getters = languages.map((language) => `  get ${language}() { return (loaded.${language} ??= read(${JSON.stringify(`./${catalogueFile(language)}`)})); },`);
      return {
        loader: "ts",
        contents: `${renamed}
const loaded: Record<string, any> = {};
// The chunk's require() (the banner's) and import.meta.url: the files sit beside the chunks, in dist/.
function read(name: string) {
  const areas: Record<string, unknown> = {};
  for (const line of require("node:fs").readFileSync(new URL(name, import.meta.url), "utf8").split("\\n")) {
    const tab = line.indexOf("\\t");
    if (tab < 0) continue;
    let entries: unknown;
    Object.defineProperty(areas, line.slice(0, tab), { enumerable: true, get: () => (entries ??= JSON.parse(line.slice(tab + 1))) });
  }
  return areas;
}
export const catalogues = {
${getters.join("\n")}
} as typeof catalogueModules;
`,
      };
    });
  },
});
/**
 * The CLI chunks' require(), made on its first call. esbuild routes every require() of the split CLI
 * through one helper (`__require`, in its runtime chunk), so in the other twenty-odd chunks the usual
 * banner — an import of node:module and a createRequire — was work done at each start for nothing.
 * process.getBuiltinModule (Node ≥ 22.3) needs no import. All chunks sit in dist/, so any chunk's
 * require resolves the same names.
 */
const LAZY_REQUIRE = 'let __cr; const require = function () { return (__cr ??= process.getBuiltinModule("node:module").createRequire(import.meta.url)).apply(this, arguments); };';
/**
 * Fewer, larger chunks on the way to the commands that run most (`tandai info`, `tandai code`).
 * esbuild puts each module in a chunk by the set of entry points that reach it, and every import()
 * is an entry: with twenty commands and the backend's own lazy imports, each reaching its own mix of
 * the store, the model and the helpers, `tandai info` loaded some twenty chunk files, and resolving
 * and linking each import of each of them cost more than compiling them. Here every module the CLI
 * imports on demand is wrapped in a module that also imports `main.ts` and the hot commands' modules
 * (project.ts, code.ts): everything those reach is then reached by every entry alike and falls into
 * one chunk (one more for what main.ts shares with it). Nothing loads earlier than before — every
 * import() runs after main.ts and a command's module are loaded, and nearly every command opens a
 * project anyway; the commands' own packages (exceljs, docx, mammoth…) stay in their own chunks.
 */
const CLI_MAIN = path.resolve("electron/cli/main.ts");
const CLI_HOT = [CLI_MAIN, ...["project.ts", "code.ts"].map((file) => path.resolve("electron/cli", file))];
const fewerChunks = {
  name: "fewer-cli-chunks",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async ({ path: spec, kind, importer, resolveDir, pluginData }) => {
      if (kind !== "dynamic-import" || pluginData === "unwrapped") return undefined;
      const resolved = await build.resolve(spec, { kind, importer, resolveDir, pluginData: "unwrapped" });
      // main.ts, imported by bin.ts, is the command table itself: `--version` must not load the store.
      if (resolved.errors.length || resolved.external || resolved.path === CLI_MAIN || resolved.path.includes(`${path.sep}node_modules${path.sep}`)) return resolved;
      return { path: resolved.path, namespace: "cli-lazy" };
    });
    build.onLoad({ filter: /.*/, namespace: "cli-lazy" }, ({ path: file }) => {
      // `export *` passes on named exports only; every module we import lazily has only those.
      if (/^export default\b/m.test(readFileSync(file, "utf8"))) throw new Error(`${file}: imported lazily by the CLI, so it needs named exports only (build/bundle.mjs, fewerChunks)`);
      return {
        resolveDir: path.dirname(file),
        loader: "ts",
        contents: `${CLI_HOT.map((hot) => `import ${JSON.stringify(hot)};`).join("\n")}\nexport * from ${JSON.stringify(file)};\n`,
      };
    });
  },
};
/**
 * The CLI's first bundles (electron/cli/hot.ts, here.ts's FIRST_BUNDLES): main.ts and the commands
 * scripts call most (`new`, `info`, `code`, `doc` in dist/cli-hot.cjs; `search` in dist/cli-search.cjs),
 * with all they reach, as ONE CommonJS file each, which dist/cli-start.cjs (electron/cli/start.ts)
 * runs with a code cache of every function that ran (electron/cli/codeCache.ts). From the split ES
 * module build, Node's ESM loader resolved, read, linked and instantiated the seven modules
 * `tandai code` loaded, and its compile cache held only each file's top level. A bundle's other
 * commands are not in it: start.ts sends them to the whole CLI (dist/cli.js, split as below), and so
 * does main.ts's parse if one gets there; in the bundle their modules are a stand-in that says so if
 * one is ever loaded. Keep each list equal to its commands in here.ts's FIRST_BUNDLES.
 */
const FIRST_BUNDLE_MODULES = { "cli-hot.cjs": ["project.ts", "code.ts", "doc.ts"], "cli-search.cjs": ["search.ts"] };
const onlyCommandsOf = (bundle) => {
  const modules = FIRST_BUNDLE_MODULES[bundle].map((file) => path.resolve("electron/cli", file));
  return {
    name: "only-commands-of-" + bundle,
    setup(build) {
      build.onResolve({ filter: /^\.\// }, async ({ path: spec, kind, importer, resolveDir, pluginData }) => {
        if (kind !== "dynamic-import" || pluginData === "unwrapped" || path.resolve(importer) !== CLI_MAIN) return undefined;
        const resolved = await build.resolve(spec, { kind, importer, resolveDir, pluginData: "unwrapped" });
        if (resolved.errors.length || modules.includes(resolved.path)) return resolved;
        return { path: resolved.path, namespace: "cli-elsewhere" };
      });
      build.onLoad({ filter: /.*/, namespace: "cli-elsewhere" }, ({ path: file }) => ({
        contents: `throw new Error(${JSON.stringify(`${path.relative(process.cwd(), file)} is not in dist/${bundle}: add its commands to electron/cli/here.ts's FIRST_BUNDLES and the file to build/bundle.mjs's FIRST_BUNDLE_MODULES, or neither`)});\n`,
      }));
    },
  };
};
/**
 * In the first bundles, `node:fs` is electron/cli/syncFs.ts: Node's fs, with an `fs.promises` made of
 * its synchronous calls (and `node:fs/promises` is that `promises`). The store works through
 * fs.promises, whose loading (readline, the watchers, fs.Dir, rimraf come with it) was ≈ 2 ms of CPU
 * of each of these one-shot commands. syncFs.ts's own import is Node's fs.
 */
const SYNC_FS = path.resolve("electron/cli/syncFs.ts");
const fsPromisesSync = {
  name: "fs-promises-sync",
  setup(build) {
    build.onResolve({ filter: /^(node:)?fs(\/promises)?$/ }, ({ path: spec, importer, namespace }) => {
      if (namespace === "sync-fs" || path.resolve(importer) === SYNC_FS) return { path: spec.replace(/^(node:)?/, "node:"), external: true };
      return { path: spec.endsWith("/promises") ? "promises" : "fs", namespace: "sync-fs" };
    });
    // CommonJS modules, so that a module's `import { readFileSync } from "node:fs"` reads Node's fs
    // (their prototype) when used, and any name not in syncFs.ts is fs.promises' own.
    build.onLoad({ filter: /.*/, namespace: "sync-fs" }, ({ path: which }) => ({
      resolveDir: path.dirname(SYNC_FS),
      contents:
        which === "promises"
          ? `module.exports = require(${JSON.stringify(SYNC_FS)}).promises;\n`
          : `module.exports = Object.create(require("node:fs"), { promises: { value: require(${JSON.stringify(SYNC_FS)}).promises, enumerable: true } });\n`,
    }));
  },
};
/** import.meta.url in the CommonJS file: its own file's URL (the catalogues and zod's file sit beside it). */
const IMPORT_META_URL = 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;';
const common = { bundle: true, platform: "node", target: "node20", sourcemap: true, logLevel: "warning", external };

// Chunks of earlier builds have other hashes (and earlier catalogue files other names): drop them so
// dist/ holds only what cli.js names. Before the catalogues are written.
if (existsSync("dist")) for (const file of readdirSync("dist")) if (/^cli-.*\.(js|cjs|tsv|json)(\.map)?$/.test(file)) rmSync(`dist/${file}`);
const cliLanguages = await writeCatalogues();

const entries = [
  { entryPoints: ["electron/main.ts"], outfile: "dist/electron/main.mjs", format: "esm" },
  // A sandboxed preload must be one CommonJS file that requires nothing but electron.
  { entryPoints: ["electron/preload.ts"], outfile: "dist/electron/preload.cjs", format: "cjs" },
  // The CLI is split: each command's modules (and the packages they import, exceljs, docx, mammoth…)
  // sit in their own chunk, loaded only when that command runs, so `tandai info` starts like node.
  // Chunks stay beside cli.js, so `new URL("./electron/…", import.meta.url)` resolves as before.
  // Every command opens a project, so what that takes (zod, lowdb) is bundled in:
  // one file parsed, instead of Node resolving and reading a hundred of theirs at each start.
  { entryPoints: { cli: "electron/cli/main.ts" }, outdir: "dist", format: "esm", splitting: true, chunkNames: "cli-[name]-[hash]", plugins: [fewerChunks, zodOnFirstUse, builtinsThroughRequire, cataloguesAsData(cliLanguages)], external: external.filter((name) => !BUNDLED_IN_CLI.includes(name)) },
  // What bin/tandai.js requires: it runs a first bundle or dist/cli.js (electron/cli/start.ts).
  { entryPoints: ["electron/cli/start.ts"], outfile: "dist/cli-start.cjs", format: "cjs", external: [] },
  // The commands scripts call most, one CommonJS file for each few (onlyCommandsOf above).
  ...Object.keys(FIRST_BUNDLE_MODULES).map((bundle) => ({ entryPoints: ["electron/cli/hot.ts"], outfile: `dist/${bundle}`, format: "cjs", define: { "import.meta.url": "__importMetaUrl" }, banner: { js: IMPORT_META_URL }, plugins: [onlyCommandsOf(bundle), fsPromisesSync, zodOnFirstUse, cataloguesAsData(cliLanguages)], external: external.filter((name) => !BUNDLED_IN_CLI.includes(name)) })),
  // The CLI's zod, required by the stand-in above on first use (English messages only).
  { stdin: { contents: 'export { z } from "zod";', resolveDir: process.cwd(), sourcefile: "cli-zod.ts" }, outfile: `dist/${ZOD_FILE}`, format: "cjs", plugins: [onlyEnglishZodLocales], external: [] },
  // Exports run on a worker thread of the app and of `tandai serve`. Split, so that the worker reads
  // the project before it loads the exporters (electron/export/worker.ts says why).
  { entryPoints: { exportWorker: "electron/export/worker.ts" }, outdir: "dist/electron", outExtension: { ".js": ".mjs" }, format: "esm", splitting: true, chunkNames: "exportWorker-[name]-[hash]" },
  // Imports run on a worker thread with a memory ceiling, so a hostile file cannot take the process down.
  { entryPoints: ["electron/import/worker.ts"], outfile: "dist/electron/importWorker.mjs", format: "esm" },
  // Benchmarks run from the source tree, so every package (playwright-core too) stays external.
  { entryPoints: ["tests/bench/run.ts"], outfile: "dist/bench/run.js", format: "esm", packages: "external" },
  // The soak and fuzz harness (`npm run soak`), likewise.
  { entryPoints: ["tests/soak/run.ts"], outfile: "dist/soak/run.js", format: "esm", packages: "external" },
];

// Export worker chunks of earlier builds have other hashes: drop them (the CLI's are dropped above).
if (existsSync("dist/electron")) for (const file of readdirSync("dist/electron")) if (/^exportWorker-.*\.mjs(\.map)?$/.test(file)) rmSync(`dist/electron/${file}`);

await Promise.all(
  entries
    .filter((entry) => entry.stdin || Object.values(entry.entryPoints).every((file) => existsSync(file)))
    .map((entry) =>
      build({
        ...common,
        ...entry,
        // ESM bundles of CommonJS code still call require(): give them one.
        banner: entry.banner ?? (entry.format === "esm" ? { js: entry.splitting ? LAZY_REQUIRE : "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } : undefined),
      }),
    ),
);
