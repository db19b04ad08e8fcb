import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The CLI is split into chunks (build/bundle.mjs, run by the global setup): every file
 * `dist/cli-start.cjs` names, however deep (dist/cli-hot.cjs, dist/cli.js and its chunks), must be one the installers pack, or the installed `tandai` fails at its
 * first command.
 */
const included = readFileSync("build/electron-builder.yml", "utf8")
  .split("\n")
  .slice(1)
  .join("\n")
  .match(/^files:\n((?: {2}- .*\n|\s*#.*\n)+)/m)![1]!
  .split("\n")
  .map((line) => /^ {2}- "?([^"!]+)"?$/.exec(line)?.[1])
  .filter((glob): glob is string => Boolean(glob))
  .map((glob) => new RegExp(`^${glob.replace(/[.]/g, "\\.").split("**").map((part) => part.replace(/\*/g, "[^/]*")).join(".*")}$`));

function importedFiles(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  // Chunks by import, zod's own CommonJS file by require() (its stand-in's first use), the
  // catalogues by name (data files read on first use): every "./cli-…" the bundle names.
  const text = file.endsWith(".tsv") ? "" : readFileSync(file, "utf8");
  for (const [, next] of text.matchAll(/"(?:\.\/)?(cli(?:-[^"/]+)?\.(?:c?js|tsv))"/g)) importedFiles(`dist/${next}`, seen);
  return seen;
}

describe("the packaged CLI", () => {
  it("includes every chunk and data file dist/cli.js loads", () => {
    // bin/tandai.js requires dist/cli-start.cjs, which runs dist/cli-hot.cjs, dist/cli-search.cjs or dist/cli.js.
    expect(readFileSync("bin/tandai.js", "utf8")).toContain('"dist", "cli-start.cjs"');
    const files = [...importedFiles("dist/cli-start.cjs")];
    expect(files).toEqual(expect.arrayContaining(["dist/cli-hot.cjs", "dist/cli-search.cjs", "dist/cli.js"]));
    // bin/package.json makes bin/tandai.js CommonJS; the installers pack it with bin/.
    expect(["bin/package.json", "bin/tandai.js"].filter((file) => !included.some((glob) => glob.test(file)))).toEqual([]);
    expect(files.length).toBeGreaterThan(5); // the commands are chunks of their own
    expect(files).toContain("dist/cli-zod.cjs"); // zod, outside every chunk (build/bundle.mjs)
    expect(files).toEqual(expect.arrayContaining(["dist/cli-i18n-en.tsv", "dist/cli-i18n-id.tsv"]));
    expect(files.filter((file) => !included.some((glob) => glob.test(file)))).toEqual([]);
  });
});
