import { execFileSync } from "node:child_process";

/** Vitest global setup: the CLI tests run the real bundled `tandai` command, so bundle it first (about a second). */
export default function setup() {
  execFileSync(process.execPath, ["build/bundle.mjs"], { stdio: "inherit" });
}
