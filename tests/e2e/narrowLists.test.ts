import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, openApp, screenshot, SCREENS, type App } from "./harness.js";

/** Long Indonesian titles as a thesis project has them: two differ only at the end, one has a long word. */
const TITLES = [
  "Wawancara dengan Kepala Bagian Kerja Sama Pemerintah Kota Padang, Maret 2024 (transkrip lengkap)",
  "Wawancara dengan Kepala Bagian Kerja Sama Pemerintah Kota Padang, Juli 2024",
  "Nota Kesepahaman Kota Kembar Padang – Ba Ria-Vung Tau tentang Pertanggungjawaban Bersama",
  "Laporan Penyelenggaraan Pemerintahan Daerah Kota Padang Tahun Anggaran 2023",
  "wawancara-01",
];
const CODES = [
  "Motif paradiplomasi (Keating)/Motif ekonomi dan perdagangan internasional",
  "Motif paradiplomasi (Keating)/Motif budaya",
  "Hambatan kerja sama/Keterbatasan anggaran pemerintah daerah",
  "Hambatan kerja sama/Pandemi Covid-19 dan pembatalan kunjungan",
];
const CASE = "Padang – Ba Ria-Vung Tau (kota kembar sejak 2016)";
const TEXT = "Narasumber: kerja sama kota kembar ini didorong oleh motif ekonomi dan perdagangan, lalu pandemi membatalkan kunjungan.\n";

/** How one piece of text in a side list is laid out: its box, its line height, and any word broken across lines. */
interface Shape {
  text: string;
  height: number;
  lineHeight: number;
  width: number;
  rowWidth: number;
  /** Its text does not fit the box (cut with an ellipsis, or clamped). */
  cut: boolean;
  /** Words (between spaces, or after a hyphen) laid out on more than one line though they fit on one. */
  brokenWords: string[];
  /** Words laid out on more than one line, whatever their width. */
  splitWords: string[];
  /** It runs past the right edge of its side panel. */
  pastPanel: boolean;
  /** The full text for a pointer (title attribute on it or its row). */
  tooltip: string | null;
}

/** Measures every element `selector` matches, with `row` the closest ancestor that stands for its list row. */
function shapes(page: Page, selector: string, row: string): Promise<Shape[]> {
  return page.evaluate(
    ({ selector, row }) =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((el) => {
        const style = getComputedStyle(el);
        const lineHeight = style.lineHeight.endsWith("px") ? Number.parseFloat(style.lineHeight) : Number.parseFloat(style.fontSize) * 1.2;
        const box = el.getBoundingClientRect();
        const brokenWords: string[] = [];
        const splitWords: string[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          // A line may end after a hyphen or dash ("Ria-" / "Vung"): that is where a word may break.
          for (const m of node.data.matchAll(/[^\s\-–—]+[-–—]?/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            const lines = new Set(rects.map((r) => Math.round(r.top)));
            const wide = rects.reduce((sum, r) => sum + r.width, 0);
            if (lines.size > 1) splitWords.push(m[0]);
            if (lines.size > 1 && wide <= el.clientWidth) brokenWords.push(m[0]);
          }
        }
        const holder = el.closest(row) ?? el;
        const panel = el.closest(".sidebar, .inspector")?.getBoundingClientRect();
        return {
          text: el.textContent ?? "",
          height: box.height,
          lineHeight,
          width: box.width,
          rowWidth: holder.getBoundingClientRect().width,
          cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
          brokenWords,
          splitWords,
          pastPanel: panel ? box.right > panel.right + 1 : true,
          tooltip: el.getAttribute("title") ?? el.closest("[title]")?.getAttribute("title") ?? null,
        };
      }),
    { selector, row },
  );
}

/** Whether `word` is drawn inside the box of the document title (`selector`) holding it, not clamped or cut away. */
function drawn(page: Page, word: string, selector = 'button[data-testid="document-row"] .title'): Promise<boolean> {
  return page.evaluate(({ word, selector }) => {
    const title = [...document.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent!.includes(word));
    if (!title) throw new Error(`no title holds “${word}”`);
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const r = range.getBoundingClientRect();
      const box = title.getBoundingClientRect();
      return r.bottom <= box.bottom + 1 && r.right <= box.right + 1 && r.width > 0;
    }
    return false;
  }, { word, selector });
}

/**
 * A name in a side list (soft: a failing run lists every name that breaks the rule, not only the
 * first): at most two lines, no word broken, cut only once its two lines are full (the whole name
 * in its tooltip), and once it needs a second line, `minShare` of its row's width at least.
 */
function expectReadable(list: string, all: Shape[], minShare = 0) {
  expect.soft(all.length, `${list}: nothing measured`).toBeGreaterThan(0);
  for (const s of all) {
    const what = `${list} “${s.text}”`;
    expect.soft(s.brokenWords, `${what}: words broken across lines`).toEqual([]);
    expect.soft(s.pastPanel, `${what}: runs past its panel's edge`).toBe(false);
    expect.soft(s.height, `${what}: ${s.height}px high, more than two lines of ${s.lineHeight}px`).toBeLessThanOrEqual(2 * s.lineHeight + 1);
    // What sits beside a name that needs two lines (badges, counts, buttons) leaves it this share of the row.
    if (s.height > 1.5 * s.lineHeight) expect.soft(s.width / s.rowWidth, `${what}: ${s.width}px of a ${s.rowWidth}px row`).toBeGreaterThanOrEqual(minShare);
    if (s.cut) {
      expect.soft(s.height, `${what}: cut on one line though a second one is free`).toBeGreaterThan(1.5 * s.lineHeight);
      expect.soft(s.tooltip, `${what}: cut, and no tooltip holds it whole`).toContain(s.text.replace(/…$/, ""));
    }
  }
}

/**
 * The side lists at the small screens thesis students have (1024×768 and 1366×768), in both
 * languages, for a project with long Indonesian titles and code names: every title and name keeps
 * its words whole, takes at most two lines, and the badges and counts beside it leave it most of
 * the row. Screenshots of each list, in Indonesian and English.
 */
describe("side lists on a small screen", () => {
  let app: App;

  beforeAll(async () => {
    app = await openApp();
    const { server } = app;
    const dir = join(server.root, "skripsi");
    await server.run("new", dir, "--name", "Skripsi Paradiplomasi Padang");
    const files: string[] = [];
    for (const [i, title] of TITLES.entries()) {
      const file = join(server.root, `${title}.txt`);
      await writeFile(file, `Wawancara ${i + 1}\n${TEXT}`);
      files.push(file);
    }
    await server.run("import", dir, ...files);
    for (const [i, code] of CODES.entries()) {
      await server.run("code", dir, "--doc", TITLES[i % 2]!, "--quote", ["motif ekonomi", "kota kembar", "pandemi", "membatalkan kunjungan"][i]!, "--code", code);
    }
    await server.run("case", "add", dir, CASE, "--doc", TITLES[0]!, "--doc", TITLES[1]!);
    await server.run("doc", "group", dir, "Wawancara informan kunci", TITLES[0]!, TITLES[1]!);
    await server.stop();
    await server.start([dir]);
  });
  afterAll(() => closeApp(app));

  /** The project opened afresh in a window of `screen`'s size, every document listed. */
  const openAt = async (page: Page, screen: { width: number; height: number }) => {
    await page.setViewportSize(screen);
    await page.goto(app.server.url);
    await expect.poll(() => page.getByTestId("document-row").count(), { timeout: 30_000 }).toBe(TITLES.length);
  };

  const setLanguage = async (page: Page, language: "id" | "en") => {
    await page.getByTestId("language").selectOption(language);
    await expect.poll(() => page.getByTestId("new-group").textContent()).toBe(language === "id" ? "Kelompok baru" : "New group");
  };

  for (const [size, screen] of [["1024", SCREENS.small], ["1366", SCREENS.laptop]] as const) {
    it(`keeps document titles to two lines of whole words at ${size}×768, the type and count under them`, async () => {
      const { page } = app;
      await openAt(page, screen);
      for (const language of ["id", "en"] as const) {
        await setLanguage(page, language);
        const titles = await shapes(page, 'button[data-testid="document-row"] .title', "li.document-row");
        // The type badge, the count and "⋯" do not squeeze the title into a column of its row.
        expectReadable("document", titles, 0.75);
        for (const s of titles) {
          // Every word of these titles fits the row's width, so none may be split, however long.
          expect.soft(s.splitWords, `“${s.text}”: words split across lines`).toEqual([]);
          expect.soft(s.tooltip?.split("\n")[0], `the tooltip of “${s.text}”`).toBe(s.text);
        }
        // The two interviews that differ only after their first 60 characters can be told apart.
        expect.soft(await drawn(page, "Maret"), "“Maret” of the March interview is drawn").toBe(true);
        expect.soft(await drawn(page, "Juli"), "“Juli” of the July interview is drawn").toBe(true);
        // A screen reader reads the whole title, clamped or not: it names the row's button.
        for (const title of TITLES) await expect.poll(() => page.getByRole("button", { name: title }).count()).toBeGreaterThan(0);
        await screenshot(page, `narrow-documents-${language}-${size}`);
      }
    });
  }

  it("keeps code names, cases, memo labels and search results readable at 1024×768 in both languages", async () => {
    const { page } = app;
    await openAt(page, SCREENS.small);
    await page.getByTestId("document-row").first().click();
    await page.locator('[data-testid="code-row"]', { hasText: "Keterbatasan" }).click();
    for (const language of ["id", "en"] as const) {
      await setLanguage(page, language);
      expectReadable("code", await shapes(page, '[data-testid="code-row"] .code-name', '[data-testid="code-row"]'), 0.4);
      await screenshot(page, `narrow-codebook-${language}-1024`);
      // Under the mouse a code shows its "⋯" inside the row, and its name does not move or rewrap.
      const budaya = page.locator('[data-testid="code-row"]', { hasText: "Motif budaya" });
      const nameBefore = await budaya.locator(".code-name").boundingBox();
      await budaya.hover();
      const more = await budaya.getByTestId("code-menu-button").boundingBox();
      const rowBox = await budaya.boundingBox();
      expect.soft(more && more.width > 0 && more.x + more.width <= rowBox!.x + rowBox!.width + 1, "the hovered code's ⋯ shows inside its row").toBe(true);
      expect.soft(await budaya.locator(".code-name").boundingBox(), "the hovered code's name stays where it was").toEqual(nameBefore);
      await screenshot(page, `narrow-codebook-hover-${language}-1024`);

      // Retrieve: the count beside a long code path keeps one line; the group picker stays in the panel.
      await page.getByTestId("tab-retrieve").click();
      const count = page.getByTestId("retrieval-count");
      await expect.poll(() => count.textContent()).toMatch(/^1 /);
      const countShape = await count.evaluate((el) => ({ height: el.getBoundingClientRect().height, line: Number.parseFloat(getComputedStyle(el).lineHeight) || 1.2 * Number.parseFloat(getComputedStyle(el).fontSize) }));
      expect.soft(countShape.height, "the passage count takes one line").toBeLessThan(1.5 * countShape.line);
      const picker = await page.getByTestId("retrieve-group").boundingBox();
      const inspector = await page.locator(".inspector .tab-body").boundingBox();
      expect.soft(picker!.x + picker!.width, "the group picker ends inside the panel").toBeLessThanOrEqual(inspector!.x + inspector!.width);
      await screenshot(page, `narrow-retrieve-${language}-1024`);

      await page.getByTestId("tab-indicators").click();
      await page.getByTestId("case-toggle").first().waitFor();
      expectReadable("case", await shapes(page, '[data-testid="case-toggle"] .name', ".case-row"), 0.6);
      // Opened, the case lists the project's documents as the document list shows them.
      await page.getByTestId("case-toggle").first().click();
      await expect.poll(() => page.getByTestId("case-doc-checkbox").count()).toBe(TITLES.length);
      const caseDocs = ".case-doc .doc-title";
      expectReadable("case document", await shapes(page, caseDocs, ".case-doc"));
      expect.soft(await drawn(page, "Maret", caseDocs), "the case's March interview shows “Maret”").toBe(true);
      expect.soft(await drawn(page, "Juli", caseDocs), "the case's July interview shows “Juli”").toBe(true);
      await screenshot(page, `narrow-cases-${language}-1024`);
      await page.getByTestId("case-toggle").first().click();

      await page.getByTestId("tab-memos").click();
      await expect.poll(() => page.locator(".memo-label").count()).toBe(3);
      expectReadable("memo label", await shapes(page, ".memo-label", ".memo-label"));
      await screenshot(page, `narrow-memos-${language}-1024`);

      await page.getByTestId("tab-search").click();
      await page.getByTestId("search-query").fill('"kerja sama"');
      await page.getByTestId("search-submit").click();
      await expect.poll(() => page.getByTestId("kwic-row").count()).toBe(TITLES.length);
      const hitTitles = '[data-testid="kwic-row"] .kwic-source strong';
      expectReadable("search result", await shapes(page, hitTitles, '[data-testid="kwic-row"]'));
      expect.soft(await drawn(page, "Maret", hitTitles), "the March interview's hit shows “Maret”").toBe(true);
      expect.soft(await drawn(page, "Juli", hitTitles), "the July interview's hit shows “Juli”").toBe(true);
      await screenshot(page, `narrow-search-${language}-1024`);
    }
  });
});
