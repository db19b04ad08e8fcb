import { closeSync, fstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { basename, dirname, join } from "node:path";
import { constants, Script } from "node:vm";

/**
 * Runs a CommonJS file (as require() would, giving its module.exports) with a V8 code cache taken after it has run, kept in
 * `cacheDir` under a name per file, its size and modification time, and `flavour` (the command).
 *
 * Node's own compile cache (module.enableCompileCache) is made when a file is compiled, so it holds
 * only what V8 compiles eagerly: the file's top level. Every function a command then calls — each
 * bundled module's body, the store's open, the CRC, the journal — was compiled from source again at
 * every start (≈ 6 ms of CPU of `tandai info`, ≈ 10 ms of `tandai code`, beside a bare node's 27).
 * A cache made at exit (vm.Script#createCachedData) holds every function that ran. One per command,
 * since each runs different functions; written only when there was none or V8 refused it (another
 * Node or other flags): the caller saves it at exit when `used` is false, so a call reads it and
 * never writes.
 *
 * The name carries the file's size and modification time because V8 checks only the source's length:
 * a rebuilt file, or one edited by hand, gets a cache of its own (and the earlier ones are dropped).
 * Any failure to read or write a cache only costs speed.
 */
export function requireWithCodeCache(file: string, cacheDir: string, flavour: string): { exports: unknown; used: boolean; save: () => void } {
  let source: string;
  let cacheFile: string;
  const fd = openSync(file, "r");
  try {
    const { size, mtimeMs } = fstatSync(fd);
    source = readFileSync(fd, "utf8");
    cacheFile = join(cacheDir, `${cacheName(file, size, mtimeMs)}${flavour.replace(/[^\w]/g, "_")}.v8`);
  } finally {
    closeSync(fd);
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet: the caller saves one at this call's exit
  }
  const script = new Script(wrap(source), { filename: file, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const module: { exports: unknown; filename: string; id: string; loaded: boolean } = { exports: {}, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return { exports: module.exports, used, save: () => saveCache(script, cacheFile, cacheDir) };
}

/**
 * "tandai-<the file's path, hashed>-<size>-<modification time>-": the path, so that two copies of
 * Tandai (an installed one, a checkout) keep their own caches and do not drop each other's. (Node's
 * compile cache folder is one per Node version and V8 flags already.)
 */
function cacheName(file: string, size: number, mtimeMs: number): string {
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return `${CACHE_PREFIX}${(hash >>> 0).toString(36)}-${size}-${String(mtimeMs).replace(".", "_")}-`;
}
const CACHE_PREFIX = "tandai-";

/** Writes the cache whole (a temp file renamed: another call may read it meanwhile) and drops this file's caches of earlier builds. */
function saveCache(script: Script, cacheFile: string, cacheDir: string): void {
  try {
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
    const name = basename(cacheFile);
    const sameFile = name.slice(0, name.indexOf("-", CACHE_PREFIX.length) + 1);
    const build = name.slice(0, name.lastIndexOf("-") + 1);
    for (const other of readdirSync(cacheDir)) {
      if (other.startsWith(sameFile) && !other.startsWith(build) && other.endsWith(".v8")) rmSync(join(cacheDir, other), { force: true });
    }
  } catch {
    // A cache is only speed: a full disk or a read-only folder leaves the next call as this one.
  }
}
