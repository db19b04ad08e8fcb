// `npm start`: opens the built app in Electron. Where Electron's binary is not installed (installs
// made with ELECTRON_SKIP_BINARY_DOWNLOAD=1, machines without access to its download host), says so
// in one line and points to the browser version instead of failing with a stack trace. The binary's
// presence is checked before `require("electron")`, which would otherwise try to download it and
// print the downloader's stack trace when that fails.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve("electron/package.json"));
const pathFile = join(electronDir, "path.txt");
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const binary = override ? null : existsSync(pathFile) ? join(electronDir, "dist", readFileSync(pathFile, "utf8").trim()) : null;

if (!override && (!binary || !existsSync(binary))) {
  const why = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ? " (ELECTRON_SKIP_BINARY_DOWNLOAD is set)" : "";
  console.error(`Electron's binary is not installed here${why}: run \`npx install-electron\` to download it, or \`npm run web\` to use Tandai in your browser.`);
  process.exit(1);
}

let electron;
try {
  electron = require("electron");
} catch (error) {
  console.error(`Electron could not be started (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): run \`npm run web\` to use Tandai in your browser.`);
  process.exit(1);
}

const child = spawn(electron, ["."], { stdio: "inherit", cwd: join(dirname(new URL(import.meta.url).pathname), "..") });
child.on("exit", (code) => process.exit(code ?? 0));
