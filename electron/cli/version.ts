import { createRequire } from "node:module";

// The bundle sits in dist/, one level below package.json; the sources sit two levels below it.
const require = createRequire(import.meta.url);
function readVersion(): string {
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      return (require(candidate) as { version: string }).version;
    } catch {
      // try the next location
    }
  }
  return "0.0.0";
}

export const VERSION = readVersion();
