import { runCli } from "./main.js";

/**
 * One of the CLI's first bundles (dist/cli-hot.cjs, dist/cli-search.cjs: here.ts's FIRST_BUNDLES),
 * run by dist/cli-start.cjs (electron/cli/start.ts) for the commands it holds, `here`: main.ts and
 * those commands as ONE CommonJS file, where the ES module build had Node's ESM loader resolve, read
 * and link seven. A command it does not hold (start.ts chooses by the first word; main.ts's parse
 * decides) runs in the whole CLI, which start.ts loads (`whole`): an import() from here, a vm script,
 * would need vm's experimental loader.
 */
export function runHot(here: ReadonlySet<string>, whole: (argv: string[]) => Promise<number>): void {
  // When nothing is left to do (every write flushed, every promise settled: Node would end here), end
  // at once: process.exit runs the 'exit' handlers (the lock's, the code cache's) but skips freeing
  // the heap and the environment one piece at a time, ≈ 1–3 ms of CPU of a call that is over.
  process.once("beforeExit", () => process.exit());
  void runCli(process.argv.slice(2), { here, elsewhere: whole }).then((status) => {
    process.exitCode = status;
  });
}
