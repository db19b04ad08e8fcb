import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { closeApp, openApp, screenshot, selectText, TandaiServer } from "./harness.js";

const PADANG = "Wawancara – Bagian Kerja Sama Pemkot Padang";
const VUNG_TAU = "Interview – Ba Ria-Vung Tau Department of Foreign Affairs";
const RENAMED = "Wawancara Kepala Bagian Kerja Sama Pemerintah Kota Padang, Maret 2024 (transkrip lengkap)";

/**
 * Documents managed as a person does it, in Chromium against `tandai serve`, in Indonesian: rename,
 * a group and its scope in Retrieve, reorder by dragging, delete and undo, the frequency table
 * copied to the clipboard; screenshots at 1440×900 and 1024×768, and one in English.
 */
describe.sequential("managing documents", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const titles = () => page.locator('button[data-testid="document-row"] .title').allTextContents();
  const row = (title: string) => page.locator('button[data-testid="document-row"]', { hasText: title });
  const rowItem = (title: string) => page.locator("li.document-row", { has: row(title) });

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await page.getByTestId("document-row").nth(1).waitFor();
  });

  afterAll(() => closeApp({ server, browser }));

  it("renames a document from its ⋯ menu, and the long title shows two lines, all of it in the tooltip", async () => {
    await rowItem(PADANG).getByTestId("document-more").click();
    await page.getByTestId("document-menu").locator('[data-action="rename"]').click();
    const input = page.getByTestId("rename-document-dialog").getByTestId("name-input");
    await input.fill(RENAMED);
    await input.press("Enter");
    await expect.poll(titles).toContain(RENAMED);
    // Wrapped at words, at most two lines (narrowLists.test.ts measures this closely); the whole title is the row's tooltip.
    const shape = await row(RENAMED).locator(".title").evaluate((el) => ({ lines: el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight), sideways: el.scrollWidth > el.clientWidth + 1 }));
    expect(shape.lines).toBeLessThanOrEqual(2.05);
    expect(shape.sideways).toBe(false);
    expect((await row(RENAMED).getAttribute("title"))?.split("\n")[0]).toBe(RENAMED);
    await screenshot(page, "documents-01-renamed-1440");
  });

  it("creates the group “Wawancara”, puts a document in it, and Retrieve narrows to it", async () => {
    await page.getByTestId("new-group").click();
    const input = page.getByTestId("new-group-dialog").getByTestId("name-input");
    await input.fill("Wawancara");
    await input.press("Enter");
    await page.getByTestId("group-filter").waitFor();
    await page.getByTestId("group-filter-all").click();
    await rowItem(RENAMED).getByTestId("document-more").click();
    await screenshot(page, "documents-01a-menu-1440");
    await page.getByTestId("document-menu").getByTestId("menu-group").click();
    await page.keyboard.press("Escape");
    await expect.poll(() => rowItem(RENAMED).getByTestId("document-groups").textContent()).toBe("Kelompok: Wawancara");

    await page.locator('[data-testid="code-row"]', { hasText: "Motif ekonomi" }).first().click();
    await page.getByTestId("tab-retrieve").click();
    await expect.poll(() => page.getByTestId("passage").count()).toBe(3);
    await page.getByTestId("retrieve-group").selectOption({ label: "Kelompok “Wawancara”" });
    await expect.poll(() => page.getByTestId("passage").count()).toBe(1);
    expect(await page.getByTestId("passage").first().textContent()).toContain(RENAMED);
    await screenshot(page, "documents-02-group-scope-retrieve-1440");
    await page.getByTestId("retrieve-group").selectOption({ value: "" });
    await expect.poll(() => page.getByTestId("passage").count()).toBe(3);
  });

  it("reorders by dragging a row's grip with the mouse", async () => {
    expect(await titles()).toEqual([VUNG_TAU, RENAMED]);
    const grip = await rowItem(RENAMED).getByTestId("document-grip").boundingBox();
    const target = await row(VUNG_TAU).boundingBox();
    await page.mouse.move(grip!.x + grip!.width / 2, grip!.y + grip!.height / 2);
    await page.mouse.down();
    await page.mouse.move(target!.x + 20, target!.y + 6, { steps: 6 });
    await screenshot(page, "documents-03-dragging-1440");
    await page.mouse.up();
    await expect.poll(titles).toEqual([RENAMED, VUNG_TAU]);
  });

  it("deletes a document after saying what goes with it, and Ctrl+Z brings it back", async () => {
    await row(VUNG_TAU).click();
    await row(VUNG_TAU).press("Delete");
    const question = page.getByTestId("delete-document-question");
    expect(await question.textContent()).toMatch(/Hapus “Interview – Ba Ria-Vung Tau Department of Foreign Affairs” dari proyek\? \d+ pengodean dan 0 memo ikut terhapus/);
    await screenshot(page, "documents-04-delete-question-1440");
    await page.getByTestId("delete-document-dialog").getByTestId("confirm").click();
    await expect.poll(titles).toEqual([RENAMED]);
    await page.locator("body").click({ position: { x: 5, y: 880 } });
    await page.keyboard.press("Control+z");
    await expect.poll(titles).toEqual([RENAMED, VUNG_TAU]);
  });

  it("creates a nested code from a typed path in the palette, as the CLI does", async () => {
    await row(RENAMED).click();
    await selectText(page, "pandemi Covid-19 membuat semua kunjungan dibatalkan");
    await page.locator('[data-testid="selection-bar"].active').waitFor();
    await page.keyboard.press("/");
    await page.getByTestId("palette-input").fill("Hambatan/Birokrasi lambat");
    expect(await page.getByTestId("palette-create").textContent()).toContain("Hambatan / Birokrasi lambat");
    await screenshot(page, "documents-05a-palette-path-1440");
    await page.getByTestId("palette-input").press("Enter");
    const child = page.locator('[data-testid="code-row"]', { hasText: "Birokrasi lambat" });
    await child.waitFor();
    // Nested under the existing "Hambatan", not a top-level code with a slash in its name.
    const depth = await child.evaluate((el) => Number.parseFloat(getComputedStyle(el).paddingLeft));
    const parent = await page.locator('[data-testid="code-row"]', { hasText: "Hambatan" }).first().evaluate((el) => Number.parseFloat(getComputedStyle(el).paddingLeft));
    expect(depth).toBeGreaterThan(parent);
  });

  it("shows the frequency table in the charts view, sorts it and copies it as HTML and TSV", async () => {
    await page.getByTestId("charts-toggle").click();
    const table = page.getByTestId("frequency-table");
    await table.waitFor();
    await table.getByTestId("sort-total-count").click();
    const first = await table.getByTestId("frequency-row").first().locator("th").textContent();
    expect(first).toContain("Motif ekonomi");
    await table.getByTestId("frequency-copy").click();
    await expect.poll(() => table.getByTestId("frequency-status").textContent()).toMatch(/^Tersalin:/);
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { html: await (await item!.getType("text/html")).text(), text: await (await item!.getType("text/plain")).text() };
    });
    expect(copied.html).toContain("<table");
    expect(copied.html).toContain("Motif paradiplomasi (Keating) / Motif ekonomi");
    const lines = copied.text.trim().split("\r\n");
    expect(lines[0]!.split("\t")[0]).toBe("Kode");
    expect(lines[1]!.split("\t")[0]).toBe("Motif paradiplomasi (Keating) / Motif ekonomi");
    expect(lines[1]!.split("\t")).toHaveLength(lines[0]!.split("\t").length);
    await screenshot(page, "documents-05-frequency-1440");

    // Narrowed to the group: only the renamed interview's column.
    await page.getByTestId("charts-group").selectOption({ label: "Kelompok “Wawancara”" });
    await expect.poll(() => table.locator("thead th.frequency-column").count()).toBe(2);
  });

  it("reads at 1024×768, and in English", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, "documents-06-frequency-1024");
    await page.getByTestId("document-toggle").click();
    await screenshot(page, "documents-07-list-1024");
    await page.getByTestId("language").selectOption("en");
    await expect.poll(() => page.getByTestId("new-group").textContent()).toBe("New group");
    await page.getByTestId("charts-toggle").click();
    await expect.poll(() => page.getByTestId("frequency-table").locator("h3").textContent()).toBe("Code frequencies");
    await screenshot(page, "documents-08-english-1024");
  });
});
