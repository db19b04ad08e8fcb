import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { startLanguage } from "../../../renderer/i18n.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

describe("the language the renderer starts in", () => {
  it("follows the browser's locale until the user chooses a language, then the choice, whatever the server's locale", async () => {
    const root = await temp();
    // A server on an English machine, opened in an Indonesian browser.
    const context = { home: join(root, "home"), projectsDir: join(root, "projects"), version: "t", transport: "web" as const, systemLocale: "en-US" };
    const api = await new Backend(context).init();
    const start = async (browser: string) => startLanguage((await api.getPreferences()).language, (await api.appInfo()).languageChosen, browser);
    expect((await api.appInfo()).languageChosen).toBe(false);
    expect(await start("id-ID")).toBe("id");
    expect(await start("en-GB")).toBe("en");
    // Setting only the coder's name chooses no language.
    await api.setPreferences({ coderName: "Rani" });
    expect(await start("id")).toBe("id");

    await api.setPreferences({ language: "en" });
    expect((await api.appInfo()).languageChosen).toBe(true);
    expect(await start("id-ID")).toBe("en");
    // The choice is kept across restarts.
    const again = await new Backend(context).init();
    expect((await again.appInfo()).languageChosen).toBe(true);
  });

  it("keeps the stored language when the renderer knows no locale", () => {
    expect(startLanguage("id", false, undefined)).toBe("id");
    expect(startLanguage("id", false, "")).toBe("id");
  });
});
