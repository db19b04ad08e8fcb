import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, openApp, SCREENS, screenshot, type App } from "./harness.js";

/**
 * A long, densely coded document opens with only its first screen's codings drawn; the browser's
 * own IntersectionObserver and idle moments draw the rest (renderer/editor/codingReveal.ts). Here
 * in the real app: everything is drawn soon after the open, and the end of the text is coded when
 * the caret goes there.
 */
describe("reopening a densely coded document", () => {
  let app: App;
  const LINES = 300;
  const CODINGS = 1500;
  beforeAll(async () => {
    app = await openApp();
    const dir = join(app.server.root, "padat");
    const text = join(app.server.root, "transkrip.txt");
    const lines = Array.from({ length: LINES }, (_, i) => `Narasumber ${i + 1}: harga kopi turun, koperasi membantu petani menjual ke Padang tahun ini.`);
    await writeFile(text, `${lines.join("\n")}\n`);
    // Five overlapping codings on each line, in three codes.
    const rows = Array.from({ length: CODINGS }, (_, i) => {
      const line = Math.floor(i / 5);
      const quote = ["harga kopi turun", "koperasi membantu", "membantu petani menjual", "menjual ke Padang", "kopi turun, koperasi"][i % 5]!;
      return JSON.stringify({ doc: "transkrip", quote, occurrence: line + 1, code: `Tema/${i % 3}` });
    });
    const codings = join(app.server.root, "codings.jsonl");
    await writeFile(codings, `${rows.join("\n")}\n`);
    await app.server.run("new", dir, "--name", "Padat");
    await app.server.run("import", dir, text);
    await app.server.run("code", dir, "--from", codings);
    await app.server.stop();
    await app.server.start([dir]);
  });
  afterAll(() => closeApp(app));

  for (const language of ["id", "en"] as const) {
    it(`draws every coding soon after the open (1366×768, ${language})`, async () => {
      const { page } = app;
      await page.setViewportSize(SCREENS.laptop);
      await page.goto(app.server.url);
      await page.getByTestId("language").first().selectOption(language);
      const view = page.locator("[data-document-view] .ProseMirror");
      await view.waitFor();
      await page.locator("[data-document-view] [data-coding-id]").first().waitFor();
      // The real observer and idle moments finish the drawing.
      await page.locator('[data-codings-drawn="all"]').waitFor();
      const drawn = await page.locator("[data-document-view] .ProseMirror [data-coding-id]").evaluateAll((spans) => new Set(spans.map((s) => s.getAttribute("data-coding-id"))).size);
      expect(drawn).toBe(CODINGS);
      await screenshot(page, `dense-reopen-1366-${language}`);

      // The end of the text, where the caret goes, is coded too.
      await view.focus();
      await page.keyboard.press("Control+End");
      const last = page.locator("[data-document-view] p", { hasText: `Narasumber ${LINES}:` });
      await last.waitFor();
      await expect.poll(() => last.locator("[data-coding-id]").count()).toBeGreaterThan(0);
    });
  }
});
