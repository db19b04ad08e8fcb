import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { closeApp, launchBrowser, newPage, screenshot, TandaiServer } from "./harness.js";

// Four paragraphs of an interview (own fixture), coded by two coders from the command line.
const INTERVIEW = [
  "Kerja sama ini dimulai karena peluang investasi dan perdagangan.",
  "Pertukaran budaya juga penting bagi kedua kota.",
  "Anggaran daerah terbatas sehingga program berjalan lambat.",
  "Kami berharap kunjungan pejabat berlanjut tahun depan.",
].join("\n");

/** A project "Tesis" with the interview imported under `title`, made with the CLI; `code` codes a quote as a coder. */
async function interviewProject(server: TandaiServer, title: string) {
  const dir = join(server.root, "tesis");
  const file = join(server.root, `${title}.txt`);
  await mkdir(server.root, { recursive: true });
  await writeFile(file, INTERVIEW);
  const tandai = (...args: string[]) => server.run(...args);
  await tandai("new", dir, "--name", "Tesis");
  await tandai("import", dir, file);
  const code = (quote: string, path: string, coder: string) => tandai("code", dir, "--doc", title, "--quote", quote, "--code", path, "--coder", coder);
  return { dir, tandai, code };
}

/**
 * Intercoder agreement as a thesis writer checks it in the browser: two coders' work in one
 * project (as `tandai merge` leaves it), the Agreement tab computes percent, kappa and alpha per
 * code, the exclusion of uncoded units changes the figures, and a disagreement opens its passage.
 */
describe.sequential("agreement in the browser", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await TandaiServer.create();
    const { dir, tandai, code } = await interviewProject(server, "Wawancara");
    await code("peluang investasi", "Motif/Ekonomi", "Ayu");
    await code("Kerja sama ini dimulai", "Motif/Ekonomi", "Budi");
    await code("Pertukaran budaya", "Motif/Budaya", "Ayu");
    await code("Anggaran daerah terbatas", "Motif/Ekonomi", "Budi");
    // A third coder's copy, coded on the last paragraph: merged from the app below.
    await tandai("handoff", dir, join(server.root, "untuk-citra"), "--drop-codings");
    await tandai("code", join(server.root, "untuk-citra"), "--doc", "Wawancara", "--quote", "Kami berharap", "--code", "Motif/Budaya", "--coder", "Citra");
    await server.start([dir]);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(() => closeApp({ server, browser }));

  const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
  const cells = (testId: string) => page.getByTestId(testId).locator("td").allTextContents();

  it("computes agreement per code between the two coders from the Agreement tab", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await page.getByTestId("tab-agreement").click();
    await page.getByTestId("agreement-panel").waitFor();
    expect(await page.getByTestId("agreement-coder-Ayu").isChecked()).toBe(true);
    expect(await page.getByTestId("agreement-coder-Budi").isChecked()).toBe(true);
    await page.getByTestId("agreement-compute").click();
    await page.getByTestId("agreement-report").waitFor();
    // Paragraph unit, 4 paragraphs × 2 codes; Ekonomi: agree on 3 of 4, κ 0.5, α 0.533; pooled over both codes 6 of 8, κ = 0.125 / 0.375, α = 1 − 15 · 2 / (12 · 4).
    await poll(() => cells("agreement-overall")).toEqual(["8", "75.0 %", "0.333", "0.375"]);
    const rows = await page.locator(".agreement-table tbody tr").allTextContents();
    expect(rows).toContain("Motif / Ekonomi475.0 %0.5000.533");
    expect(await page.getByTestId("agreement-disagreements").locator("li").count()).toBe(2);
    await screenshot(page, "coders-agreement");
  });

  it("exports the agreement report from the Export dialog as a workbook and a Word document with the tab's figures", async () => {
    const dialog = page.getByTestId("export-dialog");
    const progress = dialog.getByTestId("export-progress");
    const exportNow = async (extension: string) => {
      await page.getByTestId("export-start").click();
      await poll(async () => (await progress.getAttribute("data-state")) === "done" && (await progress.getByTestId("export-result").getAttribute("data-path"))?.endsWith(extension)).toBe(true);
      return (await progress.getByTestId("export-result").getAttribute("data-path"))!;
    };
    await page.getByTestId("export-open").click();
    await dialog.waitFor();
    await page.getByTestId("export-kind-agreement").click();
    // The tab's choices: both coders ticked, paragraph unit, every code, uncoded units included.
    expect(await page.getByTestId("export-agreement-coder-Ayu").isChecked()).toBe(true);
    expect(await page.getByTestId("export-agreement-coder-Budi").isChecked()).toBe(true);
    expect(await page.getByTestId("export-agreement-unit").inputValue()).toBe("paragraph");
    // One coder left: nothing to compare, so no export.
    await page.getByTestId("export-agreement-coder-Budi").click();
    expect(await page.getByTestId("export-start").isDisabled()).toBe(true);
    await page.getByTestId("export-agreement-coder-Budi").click();
    await page.getByTestId("export-format").selectOption("xlsx");
    await page.getByTestId("export-language").selectOption("en");
    await screenshot(page, "coders-export-agreement-id");
    const xlsx = await exportNow(".xlsx");
    expect(xlsx).toContain(join(server.root, "tesis", "exports"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet("Agreement")!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(["Code", "Units", "Agreement", "Cohen's κ", "Krippendorff's α"]);
    // The figures the Agreement tab showed above.
    expect(row(2)).toEqual(["Overall", 8, 0.75, 0.333, 0.375]);
    expect(row(3)).toEqual(["Motif/Ekonomi", 4, 0.75, 0.5, 0.533]);

    // A Word document at the character unit, uncoded characters left out, in Indonesian.
    await page.getByTestId("export-format").selectOption("docx");
    await page.getByTestId("export-language").selectOption("id");
    await page.getByTestId("export-agreement-unit").selectOption("character");
    await page.getByTestId("export-agreement-exclude").click();
    const docx = await exportNow(".docx");
    const xml = await (await JSZip.loadAsync(await readFile(docx))).file("word/document.xml")!.async("string");
    expect(xml).toContain("unit yang tidak dikodekan pengode mana pun dikeluarkan");
    expect(xml).toContain("Motif/Budaya");
    // The characters some coder coded with either code: 17 + 22 + 24 + 17 = 80. Budaya: Ayu's 17 of
    // them, Budi none: agreement 63 / 80 = 0.788; Budi never applied it, so p_e = p_o and kappa = 0.
    const text = xml.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|");
    expect(text).toContain("|Motif/Budaya|80|0.788|0|");
    await page.getByTestId("export-close").click();
    await dialog.waitFor({ state: "detached" });
  });

  it("leaves out uncoded units when asked, at the character unit", async () => {
    await page.getByTestId("agreement-unit").selectOption("character");
    await page.getByTestId("agreement-exclude").click();
    await page.getByTestId("agreement-compute").click();
    await poll(() => page.locator(".agreement-basis").textContent()).toContain("unit yang tidak dikodekan pengode mana pun dikeluarkan");
    const overall = await cells("agreement-overall");
    expect(Number(overall[0])).toBeLessThan(INTERVIEW.length * 2);
    await screenshot(page, "coders-agreement-character");
  });

  it("opens a disagreement's passage in the document", async () => {
    await page.getByTestId("agreement-disagreements").locator("button").first().click();
    await page.locator(".tandai-flash").first().waitFor();
    expect(await page.locator(".tandai-flash").first().textContent()).not.toBe("");
  });

  it("shows only my codings in the document and in Retrieve when the switch is on", async () => {
    // Coder name Ayu, set in Preferences as a person does.
    await page.getByTestId("preferences").click();
    await page.getByTestId("coder-name").fill("");
    await page.getByTestId("coder-name").click();
    await page.keyboard.type("Ayu");
    await page.getByTestId("confirm").click();
    const stripes = page.locator(".tandai-stripe");
    await poll(() => stripes.count()).toBe(4);
    await page.getByTestId("document-pane").getByTestId("only-mine").click();
    // Ayu made two of the four codings.
    await poll(() => stripes.count()).toBe(2);
    expect(await page.getByTestId("document-pane").getByTestId("only-mine").isChecked()).toBe(true);
    await screenshot(page, "coders-only-mine");
    // Retrieve follows the same switch: Ekonomi has one passage by Ayu, two by Budi.
    await page.getByTestId("code-row").filter({ hasText: "Ekonomi" }).click();
    await page.getByTestId("retrieval").waitFor();
    await poll(() => page.getByTestId("passage").count()).toBe(1);
    expect(await page.getByTestId("retrieval").getByTestId("only-mine").isChecked()).toBe(true);
    await screenshot(page, "coders-only-mine-retrieve");
    await page.getByTestId("retrieval").getByTestId("only-mine").click();
    await poll(() => page.getByTestId("passage").count()).toBe(3);
    await poll(() => stripes.count()).toBe(4);
  });

  it("merges a coder's copy from the Agreement tab after a preview, as one undo step", async () => {
    await page.getByTestId("tab-agreement").click();
    await page.getByTestId("merge-open").click();
    await page.getByTestId("merge-other").click();
    await page.keyboard.type(join(server.root, "untuk-citra"));
    await page.keyboard.press("Enter");
    await page.getByTestId("merge-preview").waitFor();
    expect(await page.getByTestId("merge-preview").textContent()).toContain("menambahkan 0 dokumen, 0 kode, 1 pengodean, 0 kasus, 0 memo; 4 cocok dengan yang ada; 0 konflik.");
    await screenshot(page, "coders-merge-preview");
    await page.getByTestId("merge-apply").click();
    await page.getByTestId("merge-done").waitFor();
    await page.keyboard.press("Escape");
    await poll(() => page.locator(".tandai-stripe").count()).toBe(5);
    await poll(() => page.getByTestId("agreement-coder-Citra").isChecked()).toBe(true);
    await page.getByTestId("agreement-compute").click();
    await poll(() => page.getByTestId("agreement-report").textContent()).toContain("Ayu, Budi, Citra");
    await screenshot(page, "coders-three");
    // One undo takes the whole merge back.
    await page.getByTestId("agreement-report").click();
    await page.keyboard.press("Control+z");
    await poll(() => page.locator(".tandai-stripe").count()).toBe(4);
  });

  it("accepts one coder's version of a disagreement as an undoable operation", async () => {
    await page.getByTestId("tab-retrieve").click();
    await page.getByTestId("tab-agreement").click();
    await page.getByTestId("agreement-compute").click();
    const items = page.getByTestId("agreement-disagreements").locator("li");
    await poll(() => items.count()).toBe(2);
    // The first: Ekonomi on paragraph 3, coded by Budi only. Accept Ayu's version (not coded there).
    expect(await items.first().textContent()).toContain("Ayu – · Budi ✓");
    await items.first().getByTestId("agreement-accept-Ayu").click();
    await poll(() => items.count()).toBe(1);
    await poll(() => page.locator(".tandai-stripe").count()).toBe(3);
    await screenshot(page, "coders-accepted");
    await page.getByTestId("agreement-report").click();
    await page.keyboard.press("Control+z");
    await poll(() => page.locator(".tandai-stripe").count()).toBe(4);
    // The report was computed before the undo: it says so.
    await page.getByTestId("agreement-stale").waitFor();
  });

  it("prepares a blind copy for a second coder as one .tandai file from the Agreement tab", async () => {
    await page.getByTestId("handoff-open").click();
    // The browser cannot open the computer's folder picker: no picker buttons, a note saying to type the full path.
    expect(await page.getByTestId("handoff-target-pickFolder").count()).toBe(0);
    expect(await page.getByTestId("handoff-target-note").textContent()).toContain("tidak dapat membuka pemilih folder");
    await page.getByTestId("handoff-target").click();
    // A bare name would land wherever the server was started: refused as it is typed.
    await page.keyboard.type("untuk-dewi.tandai");
    await poll(() => page.getByTestId("handoff-target-note").textContent()).toContain("Tulis jalur lengkapnya");
    expect(await page.getByTestId("handoff-target").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("handoff-write").isDisabled()).toBe(true);
    await screenshot(page, "coders-handoff-relative");
    await page.keyboard.press("Control+a");
    const file = join(server.root, "untuk-dewi.tandai");
    await page.keyboard.type(file);
    expect(await page.getByTestId("handoff-write").isDisabled()).toBe(false);
    expect(await page.getByTestId("handoff-blind").isChecked()).toBe(true);
    await page.keyboard.press("Enter");
    await poll(() => page.getByTestId("handoff-done").textContent()).toContain("1 dokumen, 3 kode, 0 pengodean dipertahankan");
    await screenshot(page, "coders-handoff");
    await page.keyboard.press("Escape");
    // The second coder unpacks it and finds the documents and codebook, without codings.
    const unpacked = join(server.root, "dewi");
    await server.run("handoff", file, unpacked);
    expect(JSON.parse(await server.run("info", unpacked, "--json"))).toMatchObject({ documents: 1, codes: 3, codings: 0 });
  });
});

/**
 * The two-coders controls on narrow windows: at 1024×768 (and 1366×768), in both languages, the
 * six side tabs fit their row without scrolling sideways and the "only my codings" switch sits in
 * the document header without pushing it wider than the column or over the title.
 */
describe.sequential("two coders on narrow windows", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await TandaiServer.create();
    // A long title, as real ones are: it must share the header with the switch.
    const { dir, code } = await interviewProject(server, "Wawancara dengan Kepala Bappeda Kota Padang");
    await code("peluang investasi", "Motif/Ekonomi", "Ayu");
    await code("peluang investasi", "Motif/Ekonomi", "Budi");
    await server.start([dir]);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(() => closeApp({ server, browser }));

  for (const [width, height] of [[1024, 768], [1366, 768]] as const) {
    for (const language of ["id", "en"] as const) {
      it(`fits the side tabs and the only-mine switch at ${width}×${height} (${language})`, async () => {
        await page.setViewportSize({ width, height });
        await page.goto(server.url);
        await page.getByTestId("workspace").waitFor();
        if ((await page.getByTestId("language").inputValue()) !== language) await page.getByTestId("language").selectOption(language);
        await page.getByTestId("document-row").first().click();
        await page.getByTestId("document-title").waitFor();
        const tabs = page.locator("#panel-right [role=tablist]");
        await expect.poll(() => tabs.locator("[role=tab]").count()).toBe(6);
        // Every tab inside the row: nothing scrolled out of sight.
        const row = await tabs.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(row.scroll, "the tab row scrolls sideways").toBeLessThanOrEqual(row.client);
        // Each tab still has a visible name (the ARIA tab's accessible name is its label).
        for (const tab of await tabs.locator("[role=tab]").all()) {
          expect((await tab.innerText()).trim()).not.toBe("");
          // …whole, not cut off with an ellipsis.
          expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth), await tab.innerText()).toBe(true);
        }
        const header = page.locator(".document-header");
        const box = await header.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(box.scroll, "the document header is wider than its column").toBeLessThanOrEqual(box.client);
        const title = (await page.getByTestId("document-title").boundingBox())!;
        const toggle = (await header.locator(".only-mine").boundingBox())!;
        const overlaps = toggle.x < title.x + title.width && title.x < toggle.x + toggle.width && toggle.y < title.y + title.height && title.y < toggle.y + toggle.height;
        expect(overlaps, "the switch covers the title").toBe(false);
        // One line of label, not squeezed into three beside the title.
        expect(toggle.height, "the switch's label breaks over lines").toBeLessThan(30);
        await page.getByTestId("tab-agreement").click();
        await page.getByTestId("agreement-panel").waitFor();
        // The tab's own choices stay inside the panel (a long select shrinks to it).
        const panel = await page.getByTestId("agreement-panel").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(panel.scroll, "the Agreement tab is wider than its panel").toBeLessThanOrEqual(panel.client);
        await screenshot(page, `coders-narrow-${width}x${height}-${language}`);
        // The indicator dashboard carries the same switch, within the panel.
        await page.getByTestId("tab-indicators").click();
        const dashboardSwitch = page.getByTestId("indicators-panel").getByTestId("only-mine");
        await dashboardSwitch.waitFor();
        const inspector = (await page.locator("#panel-right").boundingBox())!;
        const switchBox = (await dashboardSwitch.locator("xpath=..").boundingBox())!;
        expect(switchBox.x + switchBox.width, "the dashboard's switch runs past the panel").toBeLessThanOrEqual(inspector.x + inspector.width);
        await screenshot(page, `coders-narrow-indicators-${width}x${height}-${language}`);
        await page.getByTestId("tab-agreement").click();
        // The handoff dialog and the Export dialog's agreement choices at this size.
        await page.getByTestId("handoff-open").click();
        await page.getByTestId("handoff-dialog").waitFor();
        await screenshot(page, `coders-narrow-handoff-${width}x${height}-${language}`);
        await page.keyboard.press("Escape");
        await page.getByTestId("handoff-dialog").waitFor({ state: "detached" });
        await page.getByTestId("export-open").click();
        await page.getByTestId("export-kind-agreement").click();
        const start = (await page.getByTestId("export-start").boundingBox())!;
        // The Export button is on screen, or reachable by scrolling the dialog (never cut off).
        await page.getByTestId("export-start").scrollIntoViewIfNeeded();
        expect((await page.getByTestId("export-start").boundingBox())!.y + start.height).toBeLessThanOrEqual(height);
        await screenshot(page, `coders-narrow-export-${width}x${height}-${language}`);
        await page.keyboard.press("Escape");
        await page.getByTestId("export-dialog").waitFor({ state: "detached" });
      });
    }
  }
});
