import { runCli } from "./main.js";

// `serve` keeps running until interrupted; every other command sets the exit status and ends.
process.exitCode = await runCli(process.argv.slice(2));
