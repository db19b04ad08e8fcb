import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type ServeProcess } from "../electron/team/serveProcess.js";
import { closeApp, launchBrowser, newPage, screenshot, SCREENS, TandaiServer } from "./harness.js";

/**
 * A thesis writer shares her project with a second coder from the app, without the CLI: in the
 * team dialog she invites Rina, copies the invitation, Rina joins with it through the Join dialog,
 * Rina shows in the members list, she revokes Rina, and Rina's next sync is refused, said plainly.
 */
describe.sequential("a team project's members in the app", () => {
  let teamServer: ServeProcess;
  let browser: Browser;
  const servers: TandaiServer[] = [];
  let owner: Page;
  let coder: Page;
  let invitation = "";

  const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 250 });
  const row = (page: Page, name: string) => page.locator(`[data-testid="team-member-row"][data-name="${name}"]`);

  async function app(dir?: string): Promise<Page> {
    const server = servers.at(-1)!;
    await server.start(dir ? [dir] : []);
    const page = await newPage(browser);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await page.setViewportSize(SCREENS.laptop);
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    return page;
  }

  async function language(page: Page, value: "id" | "en") {
    if ((await page.getByTestId("language").inputValue()) !== value) await page.getByTestId("language").selectOption(value);
    await poll(() => page.locator("html").getAttribute("lang")).toBe(value);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    servers.push(await TandaiServer.create());
    const first = servers[0]!;
    teamServer = await startServe(["--sqlite", join(first.root, "team.db")]);
    const dir = join(first.root, "tesis");
    const transcript = join(first.root, "wawancara.txt");
    await writeFile(transcript, "Kepala desa berbicara tentang air bersih.\n");
    await first.run("new", dir, "--name", "Tesis Padang");
    await first.run("import", dir, transcript);
    await first.run("team", "share", dir, "--server", teamServer.url, "--admin-token", teamServer.adminToken!, "--name", "Supervisor");
    owner = await app(dir);
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await closeApp({ server });
    await teamServer?.stop();
  });

  it("lets the owner invite Rina as a coder from the team dialog, with the invitation shown once", async () => {
    await poll(() => owner.getByTestId("team-badge").getAttribute("data-state")).toBe("synced");
    await owner.getByTestId("team-badge").click();
    await row(owner, "Supervisor").waitFor();
    expect(await row(owner, "Supervisor").textContent()).toContain("pemilik");
    // An empty name: the field is named, nothing is invited.
    await owner.getByTestId("team-invite-send").click();
    expect(await owner.getByTestId("team-members-error").textContent()).toContain("“Nama”");
    await owner.getByTestId("team-invite-name").click();
    await owner.keyboard.type("Rina");
    await owner.getByTestId("team-invite-role").selectOption("coder");
    await owner.getByTestId("team-invite-name").press("Enter"); // invites; does not "Sync now"
    await owner.getByTestId("team-invitation").waitFor();
    expect(await owner.getByTestId("team-members-error").count()).toBe(0);
    expect(await owner.getByTestId("team-invitation-once").textContent()).toContain("hanya ditampilkan sekali");
    expect(await owner.getByTestId("team-invitation-link").inputValue()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/.+/);
    await row(owner, "Rina").waitFor();
    await screenshot(owner, "team-members-01-invited-1366-id");
    // Closed before copying (Escape), the dialog shows the same invitation again when reopened:
    // its token is shown only this once, so closing must not lose it.
    const shownToken = await owner.getByTestId("team-invitation-token").inputValue();
    await owner.keyboard.press("Escape");
    await owner.getByTestId("team-dialog").waitFor({ state: "detached" });
    await owner.getByTestId("team-badge").click();
    await owner.getByTestId("team-invitation").waitFor();
    expect(await owner.getByTestId("team-invitation-token").inputValue()).toBe(shownToken);
    await owner.getByTestId("team-invitation-copy").click();
    await poll(() => owner.getByTestId("team-invitation-copy").textContent()).toBe("Tersalin");
    invitation = await owner.evaluate(() => navigator.clipboard.readText());
    const [link, token] = invitation.split("\n");
    expect(link).toBe(await owner.getByTestId("team-invitation-link").inputValue());
    expect(token).toBe(await owner.getByTestId("team-invitation-token").inputValue());
    // The same name again is refused, the name said.
    await owner.getByTestId("team-invitation-dismiss").click();
    expect(await owner.getByTestId("team-invitation").count()).toBe(0);
    await owner.keyboard.type("Rina");
    await owner.keyboard.press("Enter");
    await poll(() => owner.getByTestId("team-members-error").textContent()).toContain("“Rina” sudah ada");
    await owner.getByTestId("team-invite-name").fill("");
    await owner.keyboard.press("Escape");
    await owner.getByTestId("team-dialog").waitFor({ state: "detached" });
  });

  it("lets Rina join with the copied invitation pasted into the Join dialog, and a coder is not shown the members", async () => {
    servers.push(await TandaiServer.create());
    coder = await app(); // the sample project, on a first start
    await coder.getByTestId("close-project").click();
    await coder.getByTestId("team-join-open").click();
    await coder.evaluate((text) => navigator.clipboard.writeText(text), invitation);
    await coder.getByTestId("team-link").click();
    await coder.keyboard.press("ControlOrMeta+V");
    await poll(() => coder.getByTestId("team-token").inputValue()).toBe(invitation.split("\n")[1]);
    expect(await coder.getByTestId("team-link").inputValue()).toBe(invitation.split("\n")[0]);
    await coder.getByTestId("team-folder").fill(join(servers[1]!.root, "rina"));
    await coder.getByTestId("team-join").click();
    await coder.getByTestId("workspace").waitFor();
    expect(await coder.getByTestId("project-name").textContent()).toBe("Tesis Padang");
    await poll(() => coder.getByTestId("team-badge").getAttribute("data-state")).toBe("synced");
    await coder.getByTestId("team-badge").click();
    await coder.getByTestId("team-members-owner-only").waitFor();
    expect(await coder.getByTestId("team-invite").count()).toBe(0);
    expect(await coder.getByTestId("team-member-list").count()).toBe(0);
    await coder.keyboard.press("Escape");
    await coder.getByTestId("team-dialog").waitFor({ state: "detached" });
  });

  it("shows Rina among the members and online in the document she has open, fitting 1024×768 and 1366×768 in both languages", async () => {
    for (const lang of ["id", "en"] as const) {
      await language(owner, lang);
      for (const [label, size] of [["1366", SCREENS.laptop], ["1024", SCREENS.small]] as const) {
        await owner.setViewportSize(size);
        await owner.getByTestId("team-badge").click();
        await row(owner, "Rina").waitFor();
        // Rina's app opened on the project's one document: its title, as the owner's copy names it.
        await poll(() => owner.getByTestId("team-online").textContent()).toBe(lang === "id" ? "Sedang daring: Rina (membuka “wawancara”)." : "Online now: Rina (in “wawancara”).");
        expect(await row(owner, "Rina").getAttribute("data-revoked")).toBe("false");
        expect(await row(owner, "Rina").textContent()).toContain(lang === "id" ? "pengode" : "coder");
        // Nothing of the dialog is cut off sideways: its right edge stays inside the window.
        const box = (await owner.getByTestId("team-dialog").boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        await screenshot(owner, `team-members-02-listed-${label}-${lang}`);
        await owner.keyboard.press("Escape");
        await owner.getByTestId("team-dialog").waitFor({ state: "detached" });
      }
    }
    await language(owner, "id");
    await owner.setViewportSize(SCREENS.laptop);
  });

  it("shows a member with no document open by name alone, and her document again when she goes back to it", async () => {
    await coder.getByTestId("charts-toggle").click(); // the charts: no document open in Rina's app
    await owner.getByTestId("team-badge").click();
    await poll(() => owner.getByTestId("team-online").textContent()).toBe("Sedang daring: Rina.");
    await screenshot(owner, "team-members-06-online-no-document-1366-id");
    await coder.getByTestId("document-toggle").click();
    await poll(() => owner.getByTestId("team-online").textContent()).toBe("Sedang daring: Rina (membuka “wawancara”).");
    // And the other way: Rina's dialog shows the owner in the document the owner has open.
    await coder.getByTestId("team-badge").click();
    await poll(() => coder.getByTestId("team-online").textContent()).toBe("Sedang daring: Supervisor (membuka “wawancara”).");
    await coder.keyboard.press("Escape");
    await coder.getByTestId("team-dialog").waitFor({ state: "detached" });
    await owner.keyboard.press("Escape");
    await owner.getByTestId("team-dialog").waitFor({ state: "detached" });
  });

  it("revokes Rina after a confirmation, and her next sync is refused with a clear message", async () => {
    await owner.getByTestId("team-badge").click();
    await row(owner, "Rina").getByTestId("team-member-revoke").click();
    const confirm = owner.getByTestId("team-revoke-confirm");
    await confirm.waitFor();
    expect(await owner.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("team-revoke-cancel");
    await owner.keyboard.press("Enter"); // Cancel: nothing changes, the focus is back on Rina's Revoke
    await confirm.waitFor({ state: "detached" });
    expect(await row(owner, "Rina").getAttribute("data-revoked")).toBe("false");
    expect(await owner.evaluate(() => document.activeElement?.closest("[data-name]")?.getAttribute("data-name"))).toBe("Rina");
    await owner.keyboard.press("Enter"); // Revoke again, from the keyboard
    await confirm.waitFor();
    await screenshot(owner, "team-members-03-confirm-1366-id");
    await owner.getByTestId("team-revoke-yes").click();
    await poll(() => row(owner, "Rina").getAttribute("data-revoked")).toBe("true");
    expect(await owner.getByTestId("team-members-notice").textContent()).toBe("Akses Rina sudah dicabut.");
    expect(await row(owner, "Rina").getByTestId("team-member-revoke").count()).toBe(0);
    // The focus stays in the dialog (on the name field), so Escape and Tab still work.
    expect(await owner.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("team-invite-name");
    await screenshot(owner, "team-members-04-revoked-1366-id");

    await poll(() => coder.getByTestId("team-badge").getAttribute("data-state")).toBe("refused");
    await coder.getByTestId("team-badge").click();
    await coder.getByTestId("team-sync-now").click();
    await poll(() => coder.getByTestId("team-offline-note").textContent()).toContain(`Server tim ${teamServer.url} menolak token`);
    // Not "will be sent when the server is back": it will not be, until the owner invites her again.
    expect(await coder.getByTestId("team-offline-note").textContent()).toContain("minta undangan baru kepada pemilik proyek");
    // Said once, in the sync status: the members section (which would only refuse her again) is not there.
    expect(await coder.getByTestId("team-members").count()).toBe(0);
    expect((await coder.getByTestId("team-dialog").textContent())!.split("menolak token").length - 1).toBe(1);
    await screenshot(coder, "team-members-05-refused-1366-id");
    await coder.setViewportSize(SCREENS.small);
    await screenshot(coder, "team-members-05-refused-1024-id");
    await coder.keyboard.press("Escape");
    await coder.getByTestId("team-dialog").waitFor({ state: "detached" });
    await language(coder, "en");
    for (const [label, size] of [["1366", SCREENS.laptop], ["1024", SCREENS.small]] as const) {
      await coder.setViewportSize(size);
      await coder.getByTestId("team-badge").click();
      await poll(() => coder.getByTestId("team-offline-note").textContent()).toContain("refused the token");
      expect(await coder.getByTestId("team-members").count()).toBe(0);
      expect((await coder.getByTestId("team-dialog").textContent())!.split("refused").length - 1).toBe(2); // "Sync refused" in the status, the reason once
      await screenshot(coder, `team-members-05-refused-${label}-en`);
      await coder.keyboard.press("Escape");
      await coder.getByTestId("team-dialog").waitFor({ state: "detached" });
    }
  });
});
