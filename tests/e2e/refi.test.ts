import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { atlas, maxqda } from "../fixtures/refi/tools.js";
import { writeFile } from "node:fs/promises";
import { entryText, xmllint, zipOf } from "../electron/refi/helpers.js";
import { closeApp, openApp, screenshot, TandaiServer } from "./harness.js";

/** A REFI-QDA project chosen in the Import flow, in Chromium against `tandai serve`: preview first, then one undoable import. */
describe.sequential("importing a REFI-QDA project in the app", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  const titles = () => page.locator('[data-testid="document-row"] .title').allTextContents();

  beforeAll(async () => {
    ({ server, browser, page } = await openApp());
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
  });

  afterAll(() => closeApp({ server, browser }));

  it("shows what will come in and what cannot; Cancel writes nothing; Import adds it as one step that undo takes back", async () => {
    const before = await titles();
    // The file picker offers REFI-QDA projects, a .qdpx renamed .zip among them.
    expect((await page.getByTestId("import-input").getAttribute("accept"))!.split(",")).toEqual(expect.arrayContaining([".qdpx", ".qde", ".zip"]));
    const file = { name: "Tesis Saya.qdpx", mimeType: "application/zip", buffer: Buffer.from(await zipOf(atlas())) };
    await page.getByTestId("import-input").setInputFiles([file]);
    const dialog = page.getByTestId("refi-preview");
    await dialog.waitFor();
    const text = await dialog.textContent();
    expect(text).toContain("ATLAS.ti 26");
    expect(text).toContain("1 seleksi area PDF");
    expect(text).toContain("titik kode");
    await screenshot(page, "refi-01-preview");

    await dialog.getByTestId("refi-cancel").click();
    await dialog.waitFor({ state: "detached" });
    expect(await titles()).toEqual(before);

    await page.getByTestId("import-input").setInputFiles([file]);
    await dialog.getByTestId("refi-import").click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(titles).toContain("Wawancara 1");
    await screenshot(page, "refi-02-imported");

    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+z");
    await expect.poll(titles).toEqual(before);
  });

  it("Export… writes the project as a schema-valid .qdpx and the codebook as a .qdc", async () => {
    await page.getByTestId("export-open").click();
    const dialog = page.getByTestId("export-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("refi-export-qdpx").click();
    const done = dialog.getByTestId("refi-export-done");
    await done.waitFor();
    const qdpx = (await done.textContent())!.replace(/^[^:]*:\s*/, "");
    expect(qdpx).toMatch(/\.qdpx$/);
    await screenshot(page, "refi-03-exported");
    const qde = `${qdpx}.qde`;
    await writeFile(qde, await entryText(qdpx, "project.qde"));
    expect(await xmllint(qde, "Project.xsd")).toBe("");

    await dialog.getByTestId("refi-export-qdc").click();
    await expect.poll(() => done.textContent()).toMatch(/\.qdc$/);
    expect(await xmllint((await done.textContent())!.replace(/^[^:]*:\s*/, ""), "Codebook.xsd")).toBe("");
    await dialog.getByTestId("export-close").click();
    await dialog.waitFor({ state: "detached" });
  });

  it("a .qdpx dropped on the window opens the same preview", async () => {
    const bytes = [...(await zipOf(atlas()))];
    // The OS's drag cannot be driven from here: the drop carries the file as a browser's drop does.
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], "dari-pembimbing.qdpx", { type: "application/zip" }));
      return dt;
    }, bytes);
    await page.dispatchEvent(".drop-zone", "dragover", { dataTransfer: transfer });
    await page.dispatchEvent(".drop-zone", "drop", { dataTransfer: transfer });
    const dialog = page.getByTestId("refi-preview");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("ATLAS.ti 26");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });

  it("names what Tandai cannot hold (a set of codes, passages tied to a case) at 1024×768 and 1366×768, in both languages", async () => {
    const entries = maxqda();
    entries["project.qde"] = entries["project.qde"]!
      .replace("</Sets>", '<Set guid="a0000000-0000-4000-8000-000000000041" name="Motif"><MemberCode targetGUID="a0000000-0000-4000-8000-000000000001"/></Set></Sets>')
      .replace('<SourceRef targetGUID="a0000000-0000-4000-8000-000000000030"/>', '<SourceRef targetGUID="a0000000-0000-4000-8000-000000000030"/><SelectionRef targetGUID="a0000000-0000-4000-8000-000000000050"/>');
    const file = { name: "Proyek MAXQDA.qdpx", mimeType: "application/zip", buffer: Buffer.from(await zipOf(entries)) };
    const dialog = page.getByTestId("refi-preview");
    for (const [language, codeSets, passages] of [
      ["id", "1 himpunan kode (“Motif”)", "1 bagian teks yang terikat pada kasus"],
      ["en", "1 set of codes (“Motif”)", "1 passage tied to a case"],
    ] as const) {
      await page.getByTestId("language").selectOption(language);
      await expect.poll(() => page.getByTestId("export-open").textContent()).toBe(language === "id" ? "Ekspor…" : "Export…");
      for (const [width, height] of [[1024, 768], [1366, 768]] as const) {
        await page.setViewportSize({ width, height });
        await page.getByTestId("import-input").setInputFiles([file]);
        await dialog.waitFor();
        const text = (await dialog.textContent())!;
        expect(text).toContain(codeSets);
        expect(text).toContain(passages);
        // The whole dialog, its buttons too, is on screen.
        const box = (await dialog.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        await screenshot(page, `refi-04-not-imported-${language}-${width}`);
        await dialog.getByTestId("refi-cancel").click();
        await dialog.waitFor({ state: "detached" });
      }
    }
  });
});
