import { describe, expect, it } from "vitest";
import { cpuPerReopen, type TraceEvent } from "../bench/traceCpu.js";

/** A measured window ("drawn" begin and end, µs) on the page's main thread. */
const windowAt = (from: number, to: number): TraceEvent[] => [
  { name: "drawn", ph: "b", ts: from, pid: 1, tid: 7 },
  { name: "drawn", ph: "e", ts: to, pid: 1, tid: 7 },
];
const task = (ts: number, dur: number, tdur: number, tid = 7): TraceEvent => ({ name: "RunTask", ph: "X", ts, dur, tdur, pid: 1, tid });

describe("cpuPerReopen (editor benchmark)", () => {
  it("sums the main thread's CPU time of the tasks overlapping the cold open and each reopen after it, alternating with and without codings", () => {
    const events = [
      // The cold open, reported on its own.
      ...windowAt(0, 1_000),
      task(0, 900, 800),
      // Reopen with codings: a task starting just before the window (the open's own) and one inside.
      ...windowAt(10_000, 12_000),
      task(9_990, 1_500, 1_200),
      task(11_600, 300, 300),
      // Without codings.
      ...windowAt(20_000, 21_000),
      task(20_000, 800, 500),
      // Another thread's task and a task between the windows are not counted.
      task(20_100, 500, 400, 9),
      task(15_000, 1_000, 1_000),
      // With, then without, again.
      ...windowAt(30_000, 32_000),
      task(30_000, 1_800, 1_700),
      ...windowAt(40_000, 41_000),
      task(40_000, 900, 700),
      // An edit measured afterwards is not a reopen.
      ...windowAt(50_000, 51_000),
      task(50_000, 900, 900),
    ];
    // With: 1.5 ms and 1.7 ms (median 1.6); without: 0.5 and 0.7 (median 0.6).
    const { cpu, cpuPlain, cpuCold } = cpuPerReopen(events, 2);
    expect(cpu).toBeCloseTo(1.6, 6);
    expect(cpuPlain).toBeCloseTo(0.6, 6);
    // The cold open on its own.
    expect(cpuCold).toBeCloseTo(0.8, 6);
  });

  it("is NaN without measured windows", () => {
    expect(cpuPerReopen([task(0, 10, 10)], 2).cpu).toBeNaN();
  });
});
