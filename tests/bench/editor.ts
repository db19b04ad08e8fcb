import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium } from "playwright-core";
import type { BenchResult } from "../../renderer/bench/main.js";
import { cpuPerReopen, type TraceEvent } from "./traceCpu.js";

/**
 * Benchmark of the coding view (renderer/editor) in Chromium: serves the built renderer, opens
 * renderer/bench/index.html for each document size and reads the figures it measures. The budgets
 * are those of docs/ARCHITECTURE.md / the guide: reopen ≤ 150 ms and apply or remove one coding
 * ≤ 16 ms at 1,000 codings; a 150k-word document with 5k codings ≤ 700 ms to open.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const STRIPES_BASELINE = "1M characters, no stripes";
const STRIPES_CASE = "1M characters";

interface Case {
  name: string;
  query: string;
  openBudget: number;
  editBudget: number;
  /** The same document without codings, measured just before it: the baseline of what codings cost. */
  plain?: boolean;
}

/**
 * Each sized case preceded by its document without codings, for the cold first open (a page of its
 * own; no edits: there is nothing to remove). Reopens are compared within the case's own page,
 * where each alternates with an open of the same text without codings (`openPlain`).
 */
const withPlainBaseline = (c: Case): Case[] => [
  { ...c, name: `${c.name}, 0 codings`, query: `${c.query.replace(/codings=\d+/, "codings=0")}&edits=0&runs=1`, plain: true },
  { ...c, query: `${c.query}&runs=15` },
];

const CASES: Case[] = [
  // The baseline for the coding stripes (on in every other case): the same 1M document without
  // them, measured just before it so both meet the browser in the same state.
  { name: STRIPES_BASELINE, query: "chars=1000000&codings=1000&codes=20&seed=1&stripes=0", openBudget: 150, editBudget: 16 },
  ...[1_000_000, 50_000, 150_000, 300_000]
    .map((chars) => ({
      name: `${chars >= 1e6 ? `${chars / 1e6}M` : `${chars / 1e3}k`} characters`,
      query: `chars=${chars}&codings=1000&codes=20&seed=1`,
      openBudget: 150,
      editBudget: 16,
    }))
    .flatMap(withPlainBaseline),
  ...withPlainBaseline({ name: "150k words", query: "words=150000&codings=5000&codes=20&seed=1", openBudget: 700, editBudget: 16 }),
  // A thesis project's first document (issue 13's cold start: 2,000 words, ≈ 100 codings): its cold open's CPU is the coding view's share of the app's first screen.
  ...withPlainBaseline({ name: "2k words", query: "words=2000&codings=100&codes=20&seed=1", openBudget: 150, editBudget: 16 }),
].filter(wanted);

/**
 * BENCH_EDITOR_CASES=50k,150k measures only the cases whose name starts with one of those (each
 * with its baseline): a change measured against the branch point on a shared machine needs the
 * rows it moves, alternated, more than the whole table once.
 */
function wanted(c: Case): boolean {
  const only = process.env.BENCH_EDITOR_CASES?.split(",").filter(Boolean);
  return !only?.length || only.some((prefix) => c.name === prefix || c.name.startsWith(`${prefix},`) || c.name.startsWith(`${prefix} `));
}


const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/** A static file server for `dir` on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
      if (path !== root && !path.startsWith(root + sep)) throw new Error("outside");
      const body = await readFile(path.endsWith(sep) ? join(path, "index.html") : path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const check = (x: number, budget: number) => `${ms(x)} ${x <= budget ? "✓" : "✗"}`;

/** The coding stripes' cost as ratios to the same document drawn without them, in the same run (budget ≤ 2×). */
function stripesRatio(figures: Map<string, { open: number; apply: number; remove: number }>): string {
  const on = figures.get(STRIPES_CASE);
  const off = figures.get(STRIPES_BASELINE);
  if (!on || !off) return "";
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}× ${a / b <= 2 ? "✓" : "✗"}`;
  return [
    "| coding stripes, 1M characters / 1,000 codings | without | with | ratio (budget ≤ 2×) |",
    "|---|---:|---:|---:|",
    `| reopen | ${ms(off.open)} | ${ms(on.open)} | ${ratio(on.open, off.open)} |`,
    `| apply one coding | ${ms(off.apply)} | ${ms(on.apply)} | ${ratio(on.apply, off.apply)} |`,
    `| remove one coding | ${ms(off.remove)} | ${ms(on.remove)} | ${ratio(on.remove, off.remove)} |`,
  ].join("\n");
}

interface Opens {
  open: number;
  openPlain: number;
  cold: number;
  allDrawn: number;
  /** Main-thread CPU time of a reopen with / without codings (medians), ms: NaN where not traced. */
  cpu: number;
  cpuPlain: number;
  /** Main-thread CPU time of the page's first (cold) open, ms. */
  cpuCold: number;
}

/**
 * What codings cost a document's open: with ÷ without. Cold: two pages, one after the other.
 * Reopen (budget ≤ 1.5×): in one page, each open with codings alternating with one without.
 */
function codingsRatio(figures: Map<string, Opens>): string {
  const rows = [...figures.keys()]
    .filter((name) => figures.has(`${name}, 0 codings`))
    .map((name) => {
      const on = figures.get(name)!;
      const off = figures.get(`${name}, 0 codings`)!;
      const reopen = on.open / on.openPlain;
      const cpu = on.cpu / on.cpuPlain;
      return (
        `| ${name} | ${ms(off.cold)} / ${ms(on.cold)} (${(on.cold / off.cold).toFixed(2)}×) | ${ms(on.openPlain)} / ${ms(on.open)} (${reopen.toFixed(2)}× ${reopen <= 1.5 ? "✓" : "✗"}) | ` +
        `${ms(on.cpuPlain)} / ${ms(on.cpu)} (${cpu.toFixed(2)}× ${cpu <= 1.5 ? "✓" : "✗"}) | ${ms(on.allDrawn)} | ${ms(off.cpuCold)} / ${ms(on.cpuCold)} |`
      );
    });
  return [
    "| document | first open (cold): without / with codings | reopen, alternating: without / with codings (budget ≤ 1.5×) | reopen, main-thread CPU: without / with codings | every coding drawn, after the open | first open (cold), main-thread CPU: without / with codings |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

/**
 * Runs the coding-view benchmark against `distRendererDir` (the built `dist/renderer`) and returns
 * a markdown table of the figures (also printed).
 */
export async function benchEditor(distRendererDir: string): Promise<string> {
  // BENCH_EDITOR_RENDERER=<dist/renderer of another build>: that build's coding view in this benchmark (before/after, alternated).
  const { server, origin } = await serve(process.env.BENCH_EDITOR_RENDERER ?? distRendererDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows: string[] = [];
  const figures = new Map<string, { open: number; apply: number; remove: number }>();
  const opens = new Map<string, Opens>();
  try {
    const version = browser.version();
    for (const c of CASES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        // Traced (the main thread's CPU time per reopen); the trace costs both kinds of open alike.
        await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
        await page.goto(`${origin}/bench/index.html?${c.query}`);
        const read = () => (window as unknown as { __benchResult?: BenchResult | { error: string } }).__benchResult;
        await page.waitForFunction(read, undefined, { timeout: 300_000, polling: 200 });
        const result = (await page.evaluate(read))!;
        const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
        if ("error" in result) throw new Error(`${c.name}: ${result.error}`);
        const cpu = cpuPerReopen(trace.traceEvents, result.openPlain.length);
        opens.set(c.name, { open: median(result.open), openPlain: median(result.openPlain), cold: result.openCold, allDrawn: result.allDrawn, ...cpu });
        if (c.plain) continue;
        figures.set(c.name, { open: median(result.open), apply: median(result.apply), remove: median(result.remove) });
        rows.push(
          `| ${c.name} | ${result.chars.toLocaleString("en")} | ${result.blocks.toLocaleString("en")} | ${result.codings.toLocaleString("en")} | ` +
            `${ms(result.openCold)} | ${check(median(result.open), c.openBudget)} | ` +
            `${check(median(result.apply), c.editBudget)} (p95 ${ms(p95(result.apply))}) | ` +
            `${check(median(result.remove), c.editBudget)} (p95 ${ms(p95(result.remove))}) | ` +
            `${ms(median(result.applySync))} / ${ms(median(result.removeSync))} |`,
        );
      } finally {
        await page.close();
      }
    }
    const table = [
      `Coding view (renderer/editor), Chromium ${version}, ${figures.size} documents; each figure until drawn (work + style + layout + paint), median of the runs.`,
      "",
      "| document | characters | blocks | codings | first open (cold) | reopen (budget) | apply one coding | remove one coding | apply / remove, work only |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows,
      "",
      "Budgets: reopen ≤ 150 ms at 1,000 codings, ≤ 700 ms for 150k words with 5,000 codings; apply or remove ≤ 16 ms.",
      "",
      stripesRatio(figures),
      "",
      codingsRatio(opens),
    ].join("\n");
    return table;
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}
