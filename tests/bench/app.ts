/**
 * The whole app, measured as a user meets it: `tandai serve` over a large synthetic project (500
 * documents, 5 million words, 100k codings), opened in Chromium. Reports the time from navigation
 * to the first usable screen (workspace drawn with a coded document), and from pressing a code's
 * key on a selection until its highlight is drawn (through HTTP, the fsynced journal, and back).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { Backend } from "../../electron/backend/backend.js";
import { createProjectWithState } from "../../electron/store/index.js";
import { startWebServer } from "../../electron/web/server.js";
import {
  emptyProject,
  linesToBlocks,
  newProjectId,
  offset,
  type CodeId,
  type CodingId,
  type DocumentId,
  type ProjectState,
} from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";

const DOCUMENTS = 500;
const WORDS_PER_DOCUMENT = 10_000;
const CODINGS = 100_000;
const CODES = 50;
const NOW = "2026-01-01T00:00:00.000Z";
const WORDS = "kerja sama kota kembar padang vung tau ekonomi perikanan investasi pelabuhan budaya anggaran pandemi birokrasi delegasi memorandum".split(" ");

function documentText(random: () => number): string {
  const lines: string[] = [];
  let words = 0;
  while (words < WORDS_PER_DOCUMENT) {
    const n = 40 + Math.floor(random() * 80);
    lines.push(Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ") + ".");
    words += n;
  }
  return lines.join("\n");
}

async function buildProject(dir: string): Promise<void> {
  const random = seededRandom(7);
  const state: ProjectState = emptyProject(newProjectId(), "Benchmark", NOW);
  const codes: CodeId[] = [];
  for (let i = 0; i < CODES; i++) {
    const id = `code${String(i).padStart(4, "0")}` as CodeId;
    codes.push(id);
    state.codes[id] = { id, name: `Code ${i + 1}`, color: "#0072b2", parentId: null, order: i, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  }
  const texts: { id: DocumentId; text: string }[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const id = `doc${String(i).padStart(5, "0")}` as DocumentId;
    const text = documentText(random);
    texts.push({ id, text });
    const blocks = linesToBlocks(text);
    state.documents[id] = { id, title: `Interview ${String(i + 1).padStart(3, "0")}`, kind: "txt", sourceName: `${id}.txt`, importedAt: NOW, length: text.length, blockCount: blocks.length, pageCount: null };
  }
  for (let i = 0; i < CODINGS; i++) {
    const { id: documentId, text } = texts[i % DOCUMENTS]!;
    const start = Math.floor(random() * (text.length - 400));
    const id = `coding${String(i).padStart(7, "0")}` as CodingId;
    state.codings[id] = { id, documentId, codeId: codes[Math.floor(random() * CODES)]!, start: offset(start), end: offset(start + 20 + Math.floor(random() * 280)), coder: "bench", stance: "supports", createdAt: NOW };
  }
  const store = await createProjectWithState(dir, state);
  for (const { id, text } of texts) await store.writeDocumentContent(id, { text, blocks: linesToBlocks(text) });
  await store.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchApp(rendererDir: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "tandai-bench-app-"));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const dir = path.join(root, "project");
    await buildProject(dir);
    await mkdir(path.join(root, "home"), { recursive: true });
    await writeFile(path.join(root, "home", "preferences.json"), JSON.stringify({ preferences: { language: "en", coderName: "bench" }, recent: [] }));

    const opens: number[] = [];
    const backendOpens: number[] = [];
    const applies: number[] = [];
    for (let run = 0; run < 3; run++) {
      const backend = await new Backend({ home: path.join(root, "home"), projectsDir: root, version: "bench", transport: "web", systemLocale: "en" }).init();
      const server = await startWebServer(backend, rendererDir);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // BENCH_PROFILE=<folder> saves a CPU profile of the renderer per run, for chrome://inspect or speedscope.
      const profiler = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
      await profiler?.send("Profiler.enable");
      await profiler?.send("Profiler.start");
      // From a cold backend: opening the project (reading and validating it) is part of the measure.
      const started = Date.now();
      await backend.openProject({ dir });
      backendOpens.push(Date.now() - started);
      await page.goto(server.url);
      await page.locator("[data-document-view] [data-coding-id]").first().waitFor({ timeout: 60_000 });
      opens.push(Date.now() - started);

      if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
      for (let i = 0; i < 5; i++) {
        applies.push(
          await page.evaluate(async (i) => {
            const root = document.querySelector("[data-document-view] .ProseMirror")!;
            const paragraph = root.querySelectorAll("p")[10 + i]!;
            const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
            let text = walker.nextNode() as Text;
            while (text.data.length < 12) text = walker.nextNode() as Text;
            // The view reads the browser's selection while it has the focus (it is editable, for a caret).
            (root as HTMLElement).focus({ preventScroll: true });
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, 12);
            getSelection()!.removeAllRanges();
            getSelection()!.addRange(range);
            root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
            await new Promise((r) => setTimeout(r, 100));
            const before = root.querySelectorAll("[data-coding-id]").length;
            const t0 = performance.now();
            window.dispatchEvent(new KeyboardEvent("keydown", { key: "1" }));
            await new Promise<void>((done, fail) => {
              const check = () => {
                if (root.querySelectorAll("[data-coding-id]").length > before) done();
                else if (performance.now() - t0 > 10_000) fail(new Error(`the new highlight never showed (selection bar: ${document.querySelector('[data-testid="selection-bar"]')?.className}, selected: "${getSelection()}")`));
                else requestAnimationFrame(check);
              };
              check();
            });
            return performance.now() - t0;
          }, i),
        );
      }
      if (profiler) {
        const { profile } = await profiler.send("Profiler.stop");
        await mkdir(process.env.BENCH_PROFILE!, { recursive: true });
        await writeFile(path.join(process.env.BENCH_PROFILE!, `app-run${run + 1}.cpuprofile`), JSON.stringify(profile));
      }
      await page.close();
      await backend.closeProject();
      await server.close();
    }
    const table = [
      "| whole app, 500 documents / 5M words / 100k codings | median | runs | budget |",
      "|---|---:|---:|---:|",
      `| open project to first usable screen (backend open + renderer + coded document drawn) | ${median(opens)} ms | ${opens.join(", ")} | 1500 ms |`,
      `| … of which the backend opening the project (read, validate, replay, backup) | ${median(backendOpens)} ms | ${backendOpens.join(", ")} | |`,
      `| apply a code by key until its highlight is drawn (HTTP + fsync + draw) | ${median(applies).toFixed(1)} ms | ${applies.map((a) => a.toFixed(0)).join(", ")} | 50 ms |`,
    ].join("\n");
    return table;
  } finally {
    await browser.close();
    await rm(root, { recursive: true, force: true });
  }
}
