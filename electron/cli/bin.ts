// A namespace import: on a Node without it (older than 22.1) the CLI still starts, only slower.
import * as nodeModule from "node:module";
import { useOsRandomValues } from "./randomValues.js";

// V8's code cache on disk (in the system's temp folder): a command's modules are compiled once, not
// at every start — compiling them was most of what a `tandai` call spent before doing its work.
nodeModule.enableCompileCache?.();
// Ids from the OS's generator, not through WebCrypto's whole stack (randomValues.ts).
useOsRandomValues();
const { runCli } = await import("./main.js");

// `serve` keeps running until interrupted; every other command sets the exit status and ends.
process.exitCode = await runCli(process.argv.slice(2));
