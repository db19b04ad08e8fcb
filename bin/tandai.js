#!/usr/bin/env node
// The `tandai` command: the bundled CLI, built by `npm run build`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write("tandai: the CLI is not built yet. Run `npm run build` in the Tandai folder first.\n");
  process.exit(1);
}
await import(cli.href);
