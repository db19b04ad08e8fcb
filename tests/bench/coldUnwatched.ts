import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * The cold start as a person's browser makes it: no DevTools client attached to the page while it
 * loads. Playwright attaches to every page it can see, and an attached client changes what is
 * measured: V8 keeps a full stack for every Error made as the bundle loads (React DOM makes
 * several), and Playwright's own script runs in the page to wait for an element — about 25 ms of
 * the app bench's cold start (docs/PERFORMANCE.md, "the app's bundle until its first render").
 *
 * So Chromium is started here by hand with its DevTools HTTP endpoint, and the app's page is opened
 * through `/json/new`, which attaches nothing. A copy of the renderer carries one more script of
 * its own origin (the CSP allows no inline one), which notes the moment the first usable screen is
 * in the DOM, as the app bench's init script does, and puts it in the page's URL hash — the app
 * keeps the hash when it takes the token out of the URL — where `/json/list` shows it. Nothing
 * else of the page is read.
 */
export interface UnwatchedBrowser {
  /** Opens `url` in a new tab; resolves with the epoch ms the first usable screen was in the DOM. */
  open(url: string, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

interface Target {
  id: string;
  url: string;
}

/** A copy of `rendererDir` whose page notes its first usable screen (`selector`) in its URL hash. */
export async function markedRenderer(rendererDir: string, selector: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tandai-bench-unwatched-"));
  await cp(rendererDir, dir, { recursive: true });
  const probe = `(() => {
  const seen = () => {
    if (!document.querySelector(${JSON.stringify(selector)})) return false;
    history.replaceState(history.state, "", "#tandai-usable=" + Date.now());
    return true;
  };
  const observer = new MutationObserver(() => seen() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true });
})();\n`;
  await writeFile(path.join(dir, "usable.js"), probe);
  const html = await readFile(path.join(dir, "index.html"), "utf8");
  const at = html.indexOf("<script");
  if (at < 0) throw new Error(`${rendererDir}/index.html has no script tag`);
  await writeFile(path.join(dir, "index.html"), `${html.slice(0, at)}<script src="./usable.js"></script>\n    ${html.slice(at)}`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function launchUnwatched(executable: string, args: string[]): Promise<UnwatchedBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "tandai-bench-chromium-"));
  const chromium: ChildProcess = spawn(executable, [...args, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });
  const endpoint = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("Chromium did not print its DevTools address within 30 s")), 30_000);
    createInterface({ input: chromium.stderr! }).on("line", (line) => {
      const m = /DevTools listening on ws:\/\/([^/]+)\//.exec(line);
      if (m) {
        clearTimeout(timer);
        ok(`http://${m[1]}`);
      }
    });
    chromium.once("exit", (code) => fail(new Error(`Chromium exited (${code}) before listening`)));
  });
  const json = async <T>(route: string, method = "GET"): Promise<T> => (await fetch(`${endpoint}${route}`, { method })).json() as Promise<T>;
  return {
    async open(url, timeoutMs = 60_000) {
      const target = await json<Target>(`/json/new?${url}`, "PUT");
      try {
        const until = Date.now() + timeoutMs;
        while (Date.now() < until) {
          // One small request to the browser process every 25 ms: the page itself is not touched.
          await new Promise((ok) => setTimeout(ok, 25));
          const now = (await json<Target[]>("/json/list")).find((t) => t.id === target.id);
          const m = now && /#tandai-usable=(\d+)$/.exec(now.url);
          if (m) return Number(m[1]);
        }
        throw new Error(`no first usable screen within ${timeoutMs} ms`);
      } finally {
        await fetch(`${endpoint}/json/close/${target.id}`);
      }
    },
    async close() {
      chromium.kill();
      await new Promise((ok) => chromium.once("exit", ok));
      // Chromium's helper processes may still be writing the profile as the browser exits.
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
