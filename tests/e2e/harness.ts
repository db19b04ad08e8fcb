import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { openProject } from "../../electron/store/index.js";

export const SCREENSHOTS = join(import.meta.dirname, "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The real app as a user runs it with `npm run web`: `tandai serve` in a child process, with its own home. */
export class TandaiServer {
  private child: ChildProcess | null = null;
  url = "";

  constructor(readonly root: string) {}

  static async create(): Promise<TandaiServer> {
    return new TandaiServer(await mkdtemp(join(tmpdir(), "tandai-e2e-")));
  }

  get env() {
    return { ...process.env, TANDAI_HOME: join(this.root, "home"), TANDAI_PROJECTS: join(this.root, "projects"), LANG: "id_ID.UTF-8" };
  }

  async start(args: string[] = []): Promise<string> {
    const child = spawn(process.execPath, ["bin/tandai.js", "serve", "--json", ...args], { env: this.env, stdio: ["ignore", "pipe", "inherit"] });
    this.child = child;
    this.url = await new Promise<string>((ok, fail) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (line) ok((JSON.parse(line) as { url: string }).url);
      });
      child.once("exit", (code) => fail(new Error(`tandai serve exited with ${code}`)));
    });
    return this.url;
  }

  /** The CLI as a user runs it beside this app (same home): its exit status and output, whatever the status. */
  cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((ok) =>
      execFile(process.execPath, ["bin/tandai.js", ...args], { env: this.env, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
        ok({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
  }

  /** A CLI step a test's set-up needs: its output, or an error saying what the CLI said. */
  async run(...args: string[]): Promise<string> {
    const { code, stdout, stderr } = await this.cli(...args);
    if (code !== 0) throw new Error(`tandai ${args.join(" ")} exited with ${code}: ${stderr}`);
    return stdout;
  }

  /** The project "Tesis" in this server's folder, made with the CLI: one interview, "motif ekonomi" coded Motif/Ekonomi. */
  async codedProject(): Promise<string> {
    const dir = join(this.root, "tesis");
    const transcript = join(this.root, "wawancara.txt");
    await writeFile(transcript, "Narasumber: kerja sama ini didorong oleh motif ekonomi.\n");
    await this.run("new", dir, "--name", "Tesis");
    await this.run("import", dir, transcript);
    await this.run("code", dir, "--doc", "wawancara", "--quote", "motif ekonomi", "--code", "Motif/Ekonomi");
    // `tandai code` leaves its short journal unfolded (StoreOptions.keepShortJournal); the stories
    // that edit project.json by hand need the coding in it, as the app's close would have put it.
    await (await openProject(dir)).close();
    return dir;
  }

  /** Stops the server as Ctrl+C would (it closes the project cleanly). */
  async stop(signal: NodeJS.Signals = "SIGINT"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((ok) => {
      child.once("exit", () => ok());
      child.kill(signal);
    });
    this.child = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.root, { recursive: true, force: true });
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: "id-ID" });
  const page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  return page;
}

/** A test file's app: `tandai serve` with its own home, and a page of Chromium to drive it. */
export interface App {
  server: TandaiServer;
  browser: Browser;
  page: Page;
}

/** Starts the app as a user runs it (`npm run web`) and opens a page on nothing yet (goto `server.url`). */
export async function openApp(): Promise<App> {
  const server = await TandaiServer.create();
  await server.start();
  const browser = await launchBrowser();
  return { server, browser, page: await newPage(browser) };
}

/** The shape of a large coded project (servedLargeProject): its size, and where its codings begin. */
export interface LargeProject {
  name: string;
  documents: number;
  perDocument: number;
  codes: number;
  /** A line under each document's title, before the long text (the codings start after it). */
  note?: string;
  /** The offset of each document's first coding. */
  firstAt: number;
}

/**
 * Builds a large coded project with the CLI (`wawancara-01…` documents of the same long text,
 * `perDocument` codings each from `--from`, `codes` codes "Tema n"), restarts the server on it, and
 * returns its folder; the page at 1366×768. For the two-step open's tests, which then hold the
 * background requests at the page's network layer.
 */
export async function servedLargeProject(app: App, project: LargeProject): Promise<string> {
  const dir = join(app.server.root, project.name.toLowerCase());
  const pad = (d: number) => String(d).padStart(2, "0");
  const files: string[] = [];
  const line = "Kerja sama kota kembar ini didorong oleh motif ekonomi dan pertukaran budaya antarwarga. ";
  for (let d = 1; d <= project.documents; d++) {
    const file = join(app.server.root, `wawancara-${pad(d)}.txt`);
    await writeFile(file, `Wawancara ${d}\n${project.note ? `${project.note}\n` : ""}${Array.from({ length: 40 }, () => line).join("\n")}\n`);
    files.push(file);
  }
  const rows: string[] = [];
  for (let d = 1; d <= project.documents; d++) {
    for (let k = 0; k < project.perDocument; k++) {
      const start = project.firstAt + ((k * 37) % 3000);
      rows.push(JSON.stringify({ doc: `wawancara-${pad(d)}`, start, end: start + 15, code: `Tema ${(k % project.codes) + 1}` }));
    }
  }
  const codings = join(app.server.root, "codings.jsonl");
  await writeFile(codings, `${rows.join("\n")}\n`);
  await app.server.run("new", dir, "--name", project.name);
  await app.server.run("import", dir, ...files);
  await app.server.run("code", dir, "--from", codings);
  await app.server.stop();
  await app.server.start([dir]);
  await app.page.setViewportSize({ width: 1366, height: 768 });
  return dir;
}

/** Closes the browser and stops the server (closing its project), whatever part of them started. */
export async function closeApp(app: Partial<App>): Promise<void> {
  await app.browser?.close();
  await app.server?.dispose();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Selects `quote` (its `occurrence`-th appearance) in the document view the way a mouse drag
 * would leave it: a DOM selection, which ProseMirror reads into its own selection.
 */
export async function selectText(page: Page, quote: string, occurrence = 1): Promise<void> {
  // A document's title shows before its text has loaded: wait for the text, not only the title.
  await page.waitForFunction(
    (quote) => (document.querySelector("[data-document-view] .ProseMirror") ?? document.querySelector("[data-document-view]"))?.textContent?.includes(quote) ?? false,
    quote,
    { timeout: 15_000 },
  );
  await page.evaluate(
    ({ quote, occurrence }) => {
      const root = document.querySelector("[data-document-view] .ProseMirror") ?? document.querySelector("[data-document-view]");
      if (!root) throw new Error("no document view");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let text = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        text += (n as Text).data;
      }
      let at = -1;
      for (let i = 0; i < occurrence; i++) at = text.indexOf(quote, at + 1);
      if (at < 0) throw new Error(`“${quote}” is not in the document view`);
      const locate = (offset: number, isEnd: boolean) => {
        let seen = 0;
        for (const node of nodes) {
          if (offset < seen + node.data.length || (isEnd && offset === seen + node.data.length)) return { node, offset: offset - seen };
          seen += node.data.length;
        }
        throw new Error("offset out of range");
      };
      const start = locate(at, false);
      const end = locate(at + quote.length, true);
      // The view reads the browser's selection while it has the focus (it is editable, for a caret).
      (root as HTMLElement).focus({ preventScroll: true });
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      (root as HTMLElement).dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    },
    { quote, occurrence },
  );
}

/** The screens thesis students have, and the one the other e2e tests run at. */
export const SCREENS = {
  small: { width: 1024, height: 768 },
  hd: { width: 1280, height: 720 },
  laptop: { width: 1366, height: 768 },
  desktop: { width: 1440, height: 900 },
} as const;

/**
 * The client rectangles of the first and last character of `quote` (its `occurrence`-th
 * appearance) in the document view, measured with Range.getBoundingClientRect: where a person
 * would put the mouse to select it.
 */
export async function quoteEnds(page: Page, quote: string, occurrence = 1, reveal = false): Promise<{ first: DOMRectLike; last: DOMRectLike }> {
  return page.evaluate(
    ({ quote, occurrence, reveal }) => {
      const root = document.querySelector("[data-document-view] .ProseMirror");
      if (!root) throw new Error("no document view");
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let text = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text);
        text += (n as Text).data;
      }
      let at = -1;
      for (let i = 0; i < occurrence; i++) at = text.indexOf(quote, at + 1);
      if (at < 0) throw new Error(`“${quote}” is not in the document view`);
      const charRect = (offset: number) => {
        let seen = 0;
        for (const node of nodes) {
          if (offset < seen + node.data.length) {
            const range = document.createRange();
            range.setStart(node, offset - seen);
            range.setEnd(node, offset - seen + 1);
            const r = range.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }
          seen += node.data.length;
        }
        throw new Error("offset out of range");
      };
      if (reveal) {
        // As a person scrolls to a passage before dragging over it: the document only, not the page.
        const scroller = root.closest<HTMLElement>('[data-testid="document-scroll"]')!;
        const box = charRect(at);
        const view = scroller.getBoundingClientRect();
        if (box.top < view.top || box.bottom > view.bottom) scroller.scrollTop += box.top - view.top - view.height / 3;
      }
      const first = charRect(at);
      const last = charRect(at + quote.length - 1);
      return { first, last };
    },
    { quote, occurrence, reveal },
  );
}

export interface DOMRectLike {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Selects `quote` by dragging the real mouse from just inside its first character to just inside
 * its last, in `steps` moves, as a person does. The end point is measured once, before the drag:
 * if the text moves under the pointer while selecting, the selection ends somewhere else.
 */
export async function dragSelect(page: Page, quote: string, { occurrence = 1, steps = 12 } = {}): Promise<void> {
  const { first, last } = await quoteEnds(page, quote, occurrence);
  const y0 = (first.top + first.bottom) / 2;
  const y1 = (last.top + last.bottom) / 2;
  await page.mouse.move(first.left + 1, y0);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(first.left + 1 + ((last.right - 1 - first.left - 1) * i) / steps, y0 + ((y1 - y0) * i) / steps);
  }
  await page.mouse.up();
}

/**
 * axe-core's source, evaluated in the page under test through the DevTools protocol: the app's CSP
 * (script-src 'self') rightly refuses an injected inline <script> (page.addScriptTag).
 */
let axeSource: string | null = null;

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is and returns its serious and critical violations, each with the
 * elements it names, so a failing test says what to fix.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  if (!axeSource) {
    const { readFile } = await import("node:fs/promises");
    const { createRequire } = await import("node:module");
    axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  }
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(`${axeSource}\n;void 0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 8).map((n) => String(n.target.join(" "))) }));
  });
}

export { pointCodingNowhere } from "../electron/projectFile.js";
