import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { articlePdf, notesMarkdown, reportDocx, utf16Transcript } from "./fixtures.js";
import { closeApp, openApp, screenshot, selectText, TandaiServer } from "./harness.js";

/**
 * A researcher's first day, end to end in Chromium against `tandai serve`: the sample project,
 * a new project, an import of every format, coding with overlaps, retrieval, a memo, the
 * language switch, and everything still there after a reload and a restart.
 */
describe.sequential("a researcher's day in Tandai", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  const highlights = () => page.locator("[data-document-view] [data-coding-id]").count();
  const documentCounts = async () =>
    Object.fromEntries(
      await page.locator('[data-testid="document-row"]').evaluateAll((rows) => rows.map((r) => [r.querySelector(".title")!.textContent, Number(r.querySelector(".count")!.textContent)])),
    ) as Record<string, number>;
  const openDocument = (title: string) => page.locator('[data-testid="document-row"]', { hasText: title }).click();
  const codeRow = (name: string) => page.locator('[data-testid="code-row"]', { hasText: name }).first();

  async function select(quote: string) {
    await selectText(page, quote);
    await page.locator('[data-testid="selection-bar"].active').waitFor();
  }

  async function newCode(name: string) {
    await page.getByTestId("new-code").click();
    await page.getByTestId("code-name-input").fill(name);
    await page.getByTestId("code-name-input").press("Enter");
    // The row of exactly this code: "Ekonomi" must not be taken for the row of "Motif ekonomi".
    await page.locator('[data-testid="code-row"]').filter({ has: page.getByText(name, { exact: true }) }).waitFor();
  }

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
  });

  afterAll(() => closeApp({ server, browser }));

  it("opens the coded sample project on first start, in the system language", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await expect.poll(() => page.getByTestId("project-name").textContent()).toContain("Contoh");
    await expect.poll(highlights).toBeGreaterThan(4);
    expect(await page.getByTestId("tab-retrieve").textContent()).toBe("Telusuri");
    await screenshot(page, "01-sample-project");
  });

  it("creates a project and imports four formats at once, naming the file that failed", async () => {
    await page.getByTestId("close-project").click();
    await page.getByTestId("welcome").waitFor();
    await page.getByTestId("new-project-name").fill("Tesis Padang");
    await page.getByTestId("create-project").click();
    await expect.poll(() => page.getByTestId("project-name").textContent()).toBe("Tesis Padang");

    await page.getByTestId("import-input").setInputFiles([
      { name: "wawancara-padang.txt", mimeType: "text/plain", buffer: utf16Transcript() },
      { name: "catatan-lapangan.md", mimeType: "text/markdown", buffer: Buffer.from(notesMarkdown) },
      { name: "laporan-kerja-sama.docx", mimeType: "application/octet-stream", buffer: await reportDocx() },
      { name: "artikel-paradiplomasi.pdf", mimeType: "application/pdf", buffer: await articlePdf() },
      { name: "rusak.docx", mimeType: "application/octet-stream", buffer: Buffer.from("this is not a zip archive at all") },
    ]);
    const report = page.getByTestId("import-report");
    await report.waitFor();
    await expect.poll(() => report.getByTestId("import-ok").count()).toBe(4);
    expect(await report.getByTestId("import-failed").textContent()).toContain("rusak.docx");
    await screenshot(page, "02-import-report");
    await report.getByTestId("confirm").click();
    expect(Object.keys(await documentCounts()).sort()).toEqual(["artikel-paradiplomasi", "catatan-lapangan", "laporan-kerja-sama", "wawancara-padang"]);

    // The UTF-16 transcript reads back exactly, Vietnamese diacritics included.
    await openDocument("wawancara-padang");
    await expect.poll(() => page.getByTestId("document-scroll").textContent()).toContain("Bà Rịa–Vũng Tàu");
    await openDocument("laporan-kerja-sama");
    await page.locator("[data-document-view] h1", { hasText: "Laporan Kerja Sama Luar Negeri" }).waitFor();
  });

  it("codes overlapping passages by key, by the palette and with a contradicting stance", async () => {
    await openDocument("wawancara-padang");
    await newCode("Motif ekonomi");
    await newCode("Hambatan anggaran");

    await select("membuka pasar ekspor perikanan");
    await page.keyboard.press("1");
    await expect.poll(highlights).toBe(1);

    await select("ekspor perikanan dan menarik investasi");
    await page.keyboard.press("/");
    await page.getByTestId("palette-input").fill("hambatan");
    await page.getByTestId("palette-input").press("Enter");
    await expect.poll(highlights).toBeGreaterThanOrEqual(2);

    await select("perbedaan bahasa");
    await page.getByTestId("stance-contradicts").click();
    await page.locator('[data-testid="quick-code"]', { hasText: "Hambatan anggaran" }).click();
    await expect.poll(async () => (await documentCounts())["wawancara-padang"]).toBe(3);
    await screenshot(page, "03-overlapping-codes");
  });

  it("lists the codes under a click, removes one, and undo brings it back", async () => {
    const overlap = page.locator("[data-document-view] [data-coding-id]", { hasText: "ekspor" }).first();
    await overlap.click();
    const popover = page.getByTestId("coding-popover");
    await expect.poll(() => popover.getByTestId("coding-item").count()).toBe(2);
    await screenshot(page, "04-coding-popover");
    await popover.getByTestId("remove-coding").first().click();
    await expect.poll(async () => (await documentCounts())["wawancara-padang"]).toBe(2);
    await page.keyboard.press("Escape");
    await page.locator("body").click({ position: { x: 5, y: 880 } });
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await documentCounts())["wawancara-padang"]).toBe(3);
  });

  it("retrieves every passage of a code and jumps to it", async () => {
    await openDocument("catatan-lapangan");
    await codeRow("Hambatan anggaran").click();
    await page.getByTestId("tab-retrieve").click();
    await expect.poll(() => page.getByTestId("passage").count()).toBe(2);
    const contradicting = page.getByTestId("passage").filter({ has: page.locator("mark", { hasText: "perbedaan bahasa" }) });
    expect(await contradicting.textContent()).toContain("Membantah");
    await contradicting.click();
    await expect.poll(() => page.getByTestId("document-title").textContent()).toBe("wawancara-padang");
    await screenshot(page, "05-retrieval");
  });

  it("describes a code, merges a duplicate into it, and deletes a code after a confirmation that counts its codings", async () => {
    const exactRow = (name: string) => page.locator('[data-testid="code-row"]').filter({ has: page.getByText(name, { exact: true }) });
    await exactRow("Motif ekonomi").click();
    await page.getByTestId("tab-code").click();
    await page.getByTestId("code-definition").fill("Kepentingan ekonomi daerah: perdagangan, investasi, ekspor.");
    await page.getByTestId("code-details-name").focus();

    await newCode("Ekonomi");
    await select("Teluk Bayur");
    await page.keyboard.press("3");
    await expect.poll(async () => (await documentCounts())["wawancara-padang"]).toBe(4);
    await exactRow("Ekonomi").getByTestId("code-menu-button").click();
    await page.locator('[data-action="merge"]').click();
    await page.getByTestId("merge-target").selectOption({ label: "Motif ekonomi" });
    await screenshot(page, "06-merge-codes");
    await page.getByTestId("confirm").click();
    await expect.poll(() => page.getByTestId("code-row").count()).toBe(2);
    expect(await exactRow("Motif ekonomi").getByTestId("code-count").textContent()).toContain("2");

    await newCode("Sementara");
    await select("Pewawancara");
    await page.keyboard.press("3");
    await exactRow("Sementara").getByTestId("code-menu-button").click();
    await page.locator('[data-action="delete"]').click();
    expect(await page.getByTestId("delete-question").textContent()).toMatch(/1 pengodean/);
    await screenshot(page, "07-delete-code");
    await page.getByTestId("confirm").click();
    await expect.poll(() => page.getByTestId("code-row").count()).toBe(2);
    await page.locator("body").click({ position: { x: 5, y: 880 } });
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.getByTestId("code-row").count()).toBe(3);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => page.getByTestId("code-row").count()).toBe(2);
    await expect.poll(async () => (await documentCounts())["wawancara-padang"]).toBe(4);
  });

  it("keeps a memo", async () => {
    await page.getByTestId("tab-memos").click();
    const memo = page.getByTestId("memo-editor").first().locator(".memo-content");
    await memo.click();
    await page.keyboard.type("Motif ekonomi tampak dominan di semua wawancara.");
    await expect.poll(() => page.getByTestId("memo-status").first().getAttribute("data-state"), { timeout: 5000 }).toBe("saved");
  });

  it("switches the whole interface to English at run time", async () => {
    await page.getByTestId("language").first().selectOption("en");
    await expect.poll(() => page.getByTestId("tab-retrieve").textContent()).toBe("Retrieve");
    expect(await page.getByTestId("import").textContent()).toBe("Import…");
    await screenshot(page, "08-english");
  });

  it("finds everything as left after a reload and after restarting the app", async () => {
    const before = await documentCounts();
    await page.reload();
    await page.getByTestId("workspace").waitFor();
    await expect.poll(documentCounts).toEqual(before);

    await server.stop();
    const url = await server.start();
    await page.goto(url);
    await page.getByTestId("workspace").waitFor();
    expect(await page.getByTestId("project-name").textContent()).toBe("Tesis Padang");
    await expect.poll(documentCounts).toEqual(before);
    expect(await page.getByTestId("tab-retrieve").textContent()).toBe("Retrieve");
    await page.getByTestId("tab-memos").click();
    await expect.poll(() => page.getByTestId("memo-editor").first().textContent()).toContain("Motif ekonomi tampak dominan");
    await page.locator('[data-testid="code-row"]').filter({ has: page.getByText("Motif ekonomi", { exact: true }) }).click();
    await page.getByTestId("tab-code").click();
    expect(await page.getByTestId("code-definition").inputValue()).toBe("Kepentingan ekonomi daerah: perdagangan, investasi, ekspor.");
  });
});
