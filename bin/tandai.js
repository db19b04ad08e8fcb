#!/usr/bin/env node
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file (bin/package.json) */
// The `tandai` command: the bundled CLI, built by `npm run build`. CommonJS (bin/package.json), as is
// the CLI's first file (electron/cli/start.ts): an ES module entry made Node start its ESM loader,
// ≈ 3 ms of CPU of every call.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const start = join(__dirname, "..", "dist", "cli-start.cjs");
if (!existsSync(start)) {
  process.stderr.write("tandai: the CLI is not built yet. Run `npm run build` in the Tandai folder first.\n");
  process.exit(1);
}
require(start);
