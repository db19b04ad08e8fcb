// Named imports: this file is CommonJS, where each is read when used (a Node without getCompileCacheDir
// only runs without the caches), and a namespace import would copy all of node:module's exports.
import { createRequire, enableCompileCache, getCompileCacheDir } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { requireWithCodeCache } from "./codeCache.js";
import { commandWord, FIRST_BUNDLES, firstBundleOf } from "./here.js";
import { useOsRandomValues } from "./randomValues.js";

/**
 * dist/cli-start.cjs, what bin/tandai.js requires: chooses the bundle a call runs in. The commands
 * scripts call most run from one CommonJS file each (here.ts's FIRST_BUNDLES: dist/cli-hot.cjs,
 * dist/cli-search.cjs), with a code cache of every function they run (codeCache.ts); every other one
 * in the whole CLI, dist/cli.js (ES modules split by command), whose chunks Node's own compile cache
 * keeps.
 */

// V8's code cache on disk (in the system's temp folder): a command's modules are compiled once, not
// at every start. The CLI keeps its own caches in the same folder (one per Node version and V8 flags),
// so NODE_COMPILE_CACHE moves both and NODE_DISABLE_COMPILE_CACHE, or a folder that cannot be made,
// turns both off.
enableCompileCache?.();
const cacheDir = getCompileCacheDir?.();
// Ids from the OS's generator, not through WebCrypto's whole stack (randomValues.ts).
useOsRandomValues();

const argv = process.argv.slice(2);
const command = commandWord(argv);
/** The whole CLI, dist/cli.js: the split ES modules, for every command no first bundle holds. */
const whole = async (args: string[]) => ((await import(pathToFileURL(join(__dirname, "cli.js")).href)) as typeof import("./main.js")).runCli(args);
const first = firstBundleOf(command);
if (first) {
  const file = join(__dirname, first);
  let bundle: unknown;
  if (cacheDir) {
    const cache = requireWithCodeCache(file, cacheDir, command ?? "none");
    // At exit, every function the command ran has been compiled: the cache holds them all.
    if (!cache.used) process.once("exit", cache.save);
    bundle = cache.exports;
  } else {
    bundle = createRequire(file)(file);
  }
  (bundle as typeof import("./hot.js")).runHot(FIRST_BUNDLES[first]!, whole);
} else {
  // `serve` keeps running until interrupted; every other command sets the exit status and ends.
  void whole(argv).then((status) => {
    process.exitCode = status;
  });
}
