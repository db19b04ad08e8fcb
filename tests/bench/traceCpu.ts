/** Main-thread CPU time per measured window, from a Chromium trace of the editor benchmark page (tests/bench/editor.ts). */

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/**
 * The renderer main thread's CPU time (thread clock, not wall) of the cold open and of each of
 * the first `count` reopens after it, with and without codings (the page alternates them): the sum of
 * the tasks that overlap each measured window (`performance.measure("drawn")`). Time the thread
 * spends waiting for a core is not in it, so the ratio holds while other work loads the machine
 * (the wall-clock ratios of the same code ranged 2.5–4.5× at 50k characters under a load of 8–13).
 */
export function cpuPerReopen(events: TraceEvent[], count: number): { cpu: number; cpuPlain: number; cpuCold: number } {
  const marks = events.filter((e) => e.name === "drawn" && (e.ph === "b" || e.ph === "e")).sort((a, b) => a.ts - b.ts);
  const windows: { from: number; to: number; pid: number; tid: number }[] = [];
  let begin: TraceEvent | null = null;
  for (const e of marks) {
    if (e.ph === "b") begin = e;
    else if (begin) {
      windows.push({ from: begin.ts, to: e.ts, pid: begin.pid, tid: begin.tid });
      begin = null;
    }
  }
  const main = windows[0];
  if (!main) return { cpu: NaN, cpuPlain: NaN, cpuCold: NaN };
  const tasks = events.filter((e) => e.name === "RunTask" && e.ph === "X" && e.pid === main.pid && e.tid === main.tid && e.tdur !== undefined);
  const cpuOf = (w: { from: number; to: number }) =>
    tasks.reduce((sum, e) => (e.ts + (e.dur ?? 0) >= w.from && e.ts <= w.to ? sum + e.tdur! / 1000 : sum), 0);
  const reopens = windows.slice(1, 1 + 2 * count);
  return {
    cpu: median(reopens.filter((_, i) => i % 2 === 0).map(cpuOf)),
    cpuPlain: median(reopens.filter((_, i) => i % 2 === 1).map(cpuOf)),
    // The page's first open (nothing compiled or warmed up yet): the cold start's share of the coding view.
    cpuCold: cpuOf(main),
  };
}

