// `npm start`: opens the built app in Electron. Where Electron's binary is not installed (installs
// made with ELECTRON_SKIP_BINARY_DOWNLOAD=1, machines without access to its download host), says so
// in one line and points to the browser version instead of failing with a stack trace.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve("electron/package.json"));
const pathFile = join(electronDir, "path.txt");
const binary = existsSync(pathFile) ? join(electronDir, "dist", readFileSync(pathFile, "utf8").trim()) : null;

if ((!binary || !existsSync(binary)) && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.error("Electron's binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD is set): run `npm run web` to use Tandai in your browser.");
  process.exit(1);
}

let electron;
try {
  // Resolving electron downloads its binary on first use when it is missing.
  electron = require("electron");
} catch {
  console.error("Electron's binary could not be installed on this machine: run `npm run web` to use Tandai in your browser.");
  process.exit(1);
}

const child = spawn(electron, ["."], { stdio: "inherit", cwd: join(dirname(new URL(import.meta.url).pathname), "..") });
child.on("exit", (code) => process.exit(code ?? 0));
