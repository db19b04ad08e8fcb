/**
 * `npm run bench`: every benchmark, printed as markdown tables with the machine they ran on.
 * Copy the output into docs/PERFORMANCE.md with the date.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchApp } from "./app.js";
import { benchEditor } from "./editor.js";
import { benchExport, benchExportRow } from "./export.js";
import { benchIndicators } from "./indicators.js";
import { benchStorage } from "./storage.js";
import { benchSearch } from "./search.js";

const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "renderer");
const only = process.argv.slice(2);
// One export measured in this process, for the export benchmark (which runs each in its own).
if (only[0] === "export-row") {
  await benchExportRow(Number(only[1]));
  process.exit(0);
}
const want = (name: string) => only.length === 0 || only.includes(name);

console.log(`# Tandai benchmarks, ${new Date().toISOString().slice(0, 10)}`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}\n`);
if (want("storage")) console.log(`## Storage\n\n${await benchStorage()}\n`);
if (want("indicators")) console.log(`## Framework indicators\n\n${await benchIndicators()}\n`);
if (want("export")) console.log(`## Export\n\n${await benchExport(fileURLToPath(import.meta.url))}\n`);
if (want("editor")) console.log(`## Coding view (Chromium)\n\n${await benchEditor(rendererDir)}\n`);
if (want("app")) console.log(`## Whole app (Chromium)\n\n${await benchApp(rendererDir)}\n`);
if (want("search")) console.log(`## Search\n\n${await benchSearch()}\n`);
