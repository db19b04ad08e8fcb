import { HERE } from "./here.js";
import { runCli } from "./main.js";

/**
 * The CLI's first bundle, dist/cli-hot-<hash>.cjs (build/bundle.mjs), run by dist/cli-start.cjs
 * (electron/cli/start.ts) for the commands in HERE: main.ts and those commands as ONE CommonJS file,
 * where the ES module build had Node's ESM loader resolve, read and link seven. A command it does not
 * hold (start.ts chooses by the first word; main.ts's parse decides) runs in the whole CLI.
 */
const whole = new URL("./cli.js", import.meta.url).href;
// When nothing is left to do (every write flushed, every promise settled: Node would end here), end
// at once: process.exit runs the 'exit' handlers (the lock's, the code cache's) but skips freeing
// the heap and the environment one piece at a time, ≈ 2–3 ms of CPU of a call that is over.
process.once("beforeExit", () => process.exit());
// `serve` keeps running until interrupted; every other command sets the exit status and ends.
void runCli(process.argv.slice(2), { here: HERE, elsewhere: async (argv) => ((await import(whole)) as typeof import("./main.js")).runCli(argv) }).then((status) => {
  process.exitCode = status;
});
