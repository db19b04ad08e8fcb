#!/usr/bin/env node
// The `tandai` command: the bundled CLI, built by `npm run build`.
import { createRequire } from "node:module";
// fs through require(), not an ESM import: Node's ES facade of fs reads fs.ReadStream, which loads
// its whole streams stack at every call (see build/bundle.mjs, fsThroughRequire).
const { existsSync } = createRequire(import.meta.url)("node:fs");
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write("tandai: the CLI is not built yet. Run `npm run build` in the Tandai folder first.\n");
  process.exit(1);
}
await import(cli.href);
