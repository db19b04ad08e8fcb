import { HERE } from "./here.js";
import { runCli } from "./main.js";

/**
 * The CLI's first bundle, dist/cli-hot-<hash>.cjs (build/bundle.mjs), run by dist/cli-start.cjs
 * (electron/cli/start.ts) for the commands in HERE: main.ts and those commands as ONE CommonJS file,
 * where the ES module build had Node's ESM loader resolve, read and link seven. A command it does not
 * hold (start.ts chooses by the first word; main.ts's parse decides) runs in the whole CLI.
 */
const whole = new URL("./cli.js", import.meta.url).href;
// `serve` keeps running until interrupted; every other command sets the exit status and ends.
void runCli(process.argv.slice(2), { here: HERE, elsewhere: async (argv) => ((await import(whole)) as typeof import("./main.js")).runCli(argv) }).then((status) => {
  process.exitCode = status;
});
