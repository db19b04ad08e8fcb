/**
 * `npm run bench`: every benchmark, printed as markdown tables with the machine they ran on.
 * Copy the output into docs/PERFORMANCE.md with the date.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchApp } from "./app.js";
import { benchEditor } from "./editor.js";
import { benchImport, benchImportRow } from "./import.js";
import { benchExport, benchExportRow, benchQuoteText } from "./export.js";
import { benchExportStart, benchExportStartRow } from "./exportStart.js";
import { benchHistory } from "./history.js";
import { benchIndicators } from "./indicators.js";
import { benchFrequencies } from "./frequencies.js";
import { benchStorage } from "./storage.js";
import { benchSearch } from "./search.js";
import { benchCli } from "./cli.js";
import { benchCodeFrom } from "./codeFrom.js";
import { benchMillion } from "./million.js";
import { benchRefi, benchRefiRow, type RefiStep } from "./refi.js";
import { benchAgreement } from "./agreement.js";
import { benchTeamSync } from "./teamSync.js";
import { benchTeamServer } from "./teamServer.js";

const rendererDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "renderer");
const only = process.argv.slice(2);
// One export measured in this process, for the export benchmark (which runs each in its own).
if (only[0] === "export-row") {
  await benchExportRow(Number(only[1]));
  process.exit(0);
}
// One size of the export start benchmark, measured in this process.
if (only[0] === "export-start-row") {
  await benchExportStartRow(Number(only[1]), new URL("../electron/exportWorker.mjs", import.meta.url));
  process.exit(0);
}
// One import measured in this process, for the import benchmark (which runs each in its own).
if (only[0] === "import-row") {
  await benchImportRow(Number(only[1]), new URL("../electron/importWorker.mjs", import.meta.url));
  process.exit(0);
}
// One REFI-QDA export or import measured in this process, for the REFI-QDA benchmark.
if (only[0] === "refi-row") {
  await benchRefiRow(only[1] as RefiStep, only[2]!, only[3]!);
  process.exit(0);
}
const want = (name: string) => only.length === 0 || only.includes(name);

console.log(`# Tandai benchmarks, ${new Date().toISOString().slice(0, 10)}`);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}\n`);
if (want("storage")) console.log(`## Storage\n\n${await benchStorage()}\n`);
if (want("indicators")) console.log(`## Framework indicators\n\n${await benchIndicators()}\n`);
if (want("frequencies")) console.log(`## Code frequency table\n\n${benchFrequencies()}\n`);
if (want("export")) console.log(`## Export\n\n${await benchExport(fileURLToPath(import.meta.url))}\n`);
if (want("export-1m")) console.log(`## Starting an export at 1M codings, and coding during it\n\n${benchExportStart(fileURLToPath(import.meta.url))}\n`);
if (want("import")) console.log(`## Import\n\n${await benchImport(fileURLToPath(import.meta.url))}\n`);
if (want("quotes")) console.log(`## Quotes as displayed\n\n${await benchQuoteText()}\n`);
if (want("editor")) console.log(`## Coding view (Chromium)\n\n${await benchEditor(rendererDir)}\n`);
if (want("app")) console.log(`## Whole app (Chromium)\n\n${await benchApp(rendererDir)}\n`);
if (want("history")) console.log(`## Undo in words and coding keys\n\n${await benchHistory()}\n`);
if (want("search")) console.log(`## Search\n\n${await benchSearch()}\n`);
if (want("cli")) console.log(`## CLI start-up\n\n${benchCli()}\n`);
if (want("code-from")) console.log(`## Bulk coding (\`tandai code --from\`)\n\n${benchCodeFrom()}\n`);
if (want("million")) console.log(`## One million codings: the snapshot path\n\n${await benchMillion()}\n`);
if (want("refi")) console.log(`## REFI-QDA projects (.qdpx)\n\n${await benchRefi(fileURLToPath(import.meta.url))}\n`);
if (want("agreement")) console.log(`## Intercoder agreement\n\n${benchAgreement()}\n`);
if (want("team-sync")) console.log(`## Team sync\n\n${benchTeamSync()}\n`);
if (want("team-server")) console.log(`## Team server (Hocuspocus on 127.0.0.1)\n\n${await benchTeamServer()}\n`);
