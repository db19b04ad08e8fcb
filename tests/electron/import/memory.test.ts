import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

/** The benchmark as `npm run build` bundles it (the unit tests' global setup builds it first). */
const BENCH = new URL("../../../dist/bench/run.js", import.meta.url).pathname;

/** One row of the import benchmark (tests/bench/import.ts) in a fresh process: its peak RSS above the process's own before importing. */
const importRow = (row: number) =>
  new Promise<{ before: number; peak: number; outcome: string }>((ok, fail) =>
    execFile(process.execPath, [BENCH, "import-row", String(row)], { maxBuffer: 1 << 20 }, (error, stdout) => (error ? fail(error) : ok(JSON.parse(stdout.trim().split("\n").at(-1)!)))),
  );

describe("memory of importing a text of very many short lines", () => {
  it(
    "a million one-character lines (the most a text may have) cost under 350 bytes a line at the peak, not 440",
    async () => {
      // Memory, not time: the figure does not depend on the machine's load. Before the blocks came
      // back from the import thread packed into numbers, the clone of a million block objects (and
      // the thread's own, still held) put the peak 440 MB above the baseline; now some 260 MB.
      const { before, peak, outcome } = await importRow(2);
      expect(outcome).toBe("imported");
      expect((peak - before) / 1_000_000).toBeLessThan(350);
    },
    60_000,
  );
});
