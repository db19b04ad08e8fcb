// Bundles the Node side (Electron main, preload, CLI, benchmarks) with esbuild.
// Runtime dependencies stay external so pdfjs-dist and mammoth load their own files as published.
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = [...Object.keys(pkg.dependencies), "electron"];
const common = { bundle: true, platform: "node", target: "node20", sourcemap: true, logLevel: "warning", external };

const entries = [
  { entryPoints: ["electron/main.ts"], outfile: "dist/electron/main.mjs", format: "esm" },
  // A sandboxed preload must be one CommonJS file that requires nothing but electron.
  { entryPoints: ["electron/preload.ts"], outfile: "dist/electron/preload.cjs", format: "cjs" },
  { entryPoints: ["electron/cli/bin.ts"], outfile: "dist/cli.js", format: "esm" },
  // Exports run on a worker thread of the app and of `tandai serve`.
  { entryPoints: ["electron/export/worker.ts"], outfile: "dist/electron/exportWorker.mjs", format: "esm" },
  // Imports run on a worker thread with a memory ceiling, so a hostile file cannot take the process down.
  { entryPoints: ["electron/import/worker.ts"], outfile: "dist/electron/importWorker.mjs", format: "esm" },
  // Benchmarks run from the source tree, so every package (playwright-core too) stays external.
  { entryPoints: ["tests/bench/run.ts"], outfile: "dist/bench/run.js", format: "esm", packages: "external" },
  // The soak and fuzz harness (`npm run soak`), likewise.
  { entryPoints: ["tests/soak/run.ts"], outfile: "dist/soak/run.js", format: "esm", packages: "external" },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(entry.entryPoints[0]))
    .map((entry) =>
      build({
        ...common,
        ...entry,
        // ESM bundles of CommonJS code still call require(): give them one.
        banner: entry.format === "esm" ? { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } : undefined,
      }),
    ),
);
