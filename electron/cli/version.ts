import { createRequire } from "node:module";

/**
 * Tandai's version, from package.json, read the first time it is asked for: only `--version`, the
 * usage text, `serve` and the REFI export need it, and reading it (a CommonJS require of a JSON file)
 * was part of every command's start.
 */
let version: string | undefined;
export function tandaiVersion(): string {
  return (version ??= readVersion());
}

// The bundle sits in dist/, one level below package.json; the sources sit two levels below it.
function readVersion(): string {
  const require = createRequire(import.meta.url);
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      return (require(candidate) as { version: string }).version;
    } catch {
      // try the next location
    }
  }
  return "0.0.0";
}
