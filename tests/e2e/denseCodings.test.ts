import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, openApp, screenshot, type App } from "./harness.js";

/**
 * A passage coded thousands of times over (an auto-code run on one sentence, say): the app opens
 * it and stays alive. Each drawn coding was a nested <span>, and 3,000 of them over 70 characters
 * crashed Chromium's renderer ("Target crashed").
 */
describe("a passage under thousands of codings", () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
    const dir = join(app.server.root, "padat");
    const text = join(app.server.root, "catatan.txt");
    await writeFile(text, `${"Kerja sama kota kembar Padang dan Hildesheim dimulai pada tahun 1988. ".repeat(14)}\n`);
    const rows = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ doc: "catatan", start: i % 5, end: 70 - (i % 7), code: `Tema/${i % 3}` }));
    const codings = join(app.server.root, "codings.jsonl");
    await writeFile(codings, `${rows.join("\n")}\n`);
    const tandai = (...args: string[]) => app.server.run(...args);
    await tandai("new", dir, "--name", "Padat");
    await tandai("import", dir, text);
    await tandai("code", dir, "--from", codings);
    await app.server.stop();
    await app.server.start([dir]);
  });
  afterAll(() => closeApp(app));

  it("opens the document with its text and codings drawn (a click listing them all is tested in documentView.test)", async () => {
    const { page } = app;
    await page.goto(app.server.url);
    await page.locator("[data-document-view] .ProseMirror").waitFor();
    await expect.poll(() => page.locator("[data-document-view] [data-coding-id]").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-document-view] .ProseMirror").textContent()).toContain("Hildesheim");
    await screenshot(page, "dense-codings-1440");
  });
});
