/**
 * The lock race at length (`npm run soak:lock [trials] [openers]`, default 1000 × 3): a stale
 * `.tandai.lock` and N openers started at the same millisecond, each coding once; prints the
 * acknowledged codings, those lost (must be 0) and the openers that failed, for docs/RELIABILITY.md.
 * Run from the repository folder. The test (tests/electron/store/lock-race.test.ts) runs 40 trials.
 */
import os from "node:os";
import path from "node:path";
import { bundleOpener, lockRace } from "../electron/store/lockRace.js";

const trials = Number(process.argv[2] ?? 1000);
const openers = Number(process.argv[3] ?? 3);
const opener = await bundleOpener(path.resolve("tests/electron/store/lock-opener.ts"));
const started = Date.now();
try {
  const result = await lockRace(opener.file, trials, openers);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`# Lock race, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${os.platform()} ${os.release()}, Node ${process.version}; ${minutes} min`);
  console.log(`${trials} trials × ${openers} simultaneous openers on a stale lock (every 4th an empty one):`);
  console.log(`acknowledged ${result.acknowledged} of ${trials * openers}, lost ${result.lost.length}, openers failed ${result.failed.length}`);
  for (const line of [...result.lost, ...result.failed].slice(0, 20)) console.log(`  ${line}`);
  process.exitCode = result.lost.length || result.failed.length ? 1 : 0;
} finally {
  await opener.dispose();
}
