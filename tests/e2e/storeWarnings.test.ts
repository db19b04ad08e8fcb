/**
 * A full disk under an open project, for real (a 4 MB tmpfs; root only, skipped elsewhere): the app
 * opens the project and says, in a notice that does not block the work, that project.json could
 * not be rewritten and how much space that needs.
 */
import { utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallDisk } from "../electron/smallDisk.js";
import type { Browser, Page } from "playwright-core";
import { createProjectWithState, openProject, type DiskProjectStore } from "../../electron/store/index.js";
import { SHORT_JOURNAL } from "../../electron/store/store.js";
import { applyOperation, newCodingId, offset } from "../../shared/index.js";
import { code, documentMeta, project } from "../shared/fixtures.js";
import { closeApp, launchBrowser, newPage, SCREENS, screenshot, TandaiServer } from "./harness.js";

const disk = smallDisk("e2e-full");
const { mountPoint, mounted } = disk;

describe.skipIf(!mounted).sequential("a full disk under an open project", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  let crashed: DiskProjectStore;
  const dir = path.join(mountPoint, "tesis");

  beforeAll(async () => {
    // project.json of some 600 KB, 50 codings in the journal (as a crash leaves it), then the disk filled to 64 KB.
    const state = project();
    const doc = documentMeta("Wawancara Bappeda", 1000);
    const c = code("Motif");
    applyOperation(state, { type: "addDocument", document: doc });
    applyOperation(state, { type: "addCode", code: c });
    // The size is a long project memo, not thousands of codings: the page stays light.
    applyOperation(state, { type: "setMemo", target: { kind: "project" }, content: { type: "doc" }, text: "Catatan lapangan. ".repeat(34_000) });
    const created = await createProjectWithState(dir, state);
    await created.writeDocumentContent(doc.id, { text: "Kerja sama sister city. ".repeat(42).slice(0, 1000), blocks: [] });
    await created.close();
    crashed = await openProject(dir);
    // SHORT_JOURNAL.lines codings: a journal that long is folded at open (a shorter one is only replayed).
    for (let i = 0; i < SHORT_JOURNAL.lines; i++) {
      await crashed.apply({ type: "addCoding", coding: { id: newCodingId(), documentId: doc.id, codeId: c.id, start: offset(100 + i), end: offset(120 + i), coder: "Rani", stance: "supports", createdAt: state.createdAt } });
    }
    const lock = path.join(dir, ".tandai.lock");
    await writeFile(lock, "");
    await utimes(lock, new Date(0), new Date(0));
    await disk.fill(64 * 1024);

    server = await TandaiServer.create();
    await server.start([dir]);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await closeApp({ server, browser });
    await crashed?.close().catch(() => {});
    disk.unmount();
  });

  it("opens the project and names project.json and the space needed in a notice that leaves the work usable", async () => {
    for (const [language, size] of [
      ["id", SCREENS.small],
      ["en", SCREENS.laptop],
    ] as const) {
      await page.setViewportSize(size);
      await page.goto(server.url);
      await page.getByTestId("workspace").waitFor();
      const switcher = page.getByTestId("language");
      if ((await switcher.inputValue()) !== language) await switcher.selectOption(language);
      const notice = page.locator('[data-testid="store-warning"][data-warning-code="store.warnings.foldFailed"]');
      await notice.waitFor();
      await expect.poll(() => notice.textContent()).toContain(language === "en" ? "Your changes are saved in" : "Perubahan Anda tersimpan di");
      expect(await notice.textContent()).toContain(path.join(dir, "project.json"));
      await screenshot(page, `store-warning-${language}-${size.width}x${size.height}`);
      // Not blocking: the document list answers a click while the notice is up.
      await page.getByTestId("document-row").first().click();
      await expect.poll(() => page.locator('[data-testid="document-row"] .count').first().textContent()).toBe(String(SHORT_JOURNAL.lines));
    }
    await page.locator('[data-testid="store-warning"] button').first().click();
    await expect.poll(() => page.getByTestId("store-warning").count()).toBeLessThan(2);
  });
});
