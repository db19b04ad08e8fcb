import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

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

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Selects `quote` (its `occurrence`-th appearance) in the document view the way a mouse drag
 * would leave it: a DOM selection, which ProseMirror reads into its own selection.
 */
export async function selectText(page: Page, quote: string, occurrence = 1): Promise<void> {
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
