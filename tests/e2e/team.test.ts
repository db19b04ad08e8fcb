import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe, type ServeProcess } from "../electron/team/serveProcess.js";
import { closeApp, dragSelect, launchBrowser, newPage, screenshot, SCREENS, TandaiServer } from "./harness.js";

// Two lines of a field interview (own fixture).
const INTERVIEW = "Kepala desa berbicara tentang air bersih.\nWarga meminta sumur baru untuk desa.\n";

/** A port nobody listens on now, so the team server can be stopped and started again where members expect it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, "127.0.0.1", ok));
  const { port } = probe.address() as { port: number };
  await new Promise((ok) => probe.close(ok));
  return port;
}

/**
 * A team project in the app, as a supervisor and a coder use it: the supervisor shares the open
 * project from the app, a coder joins from hers, a coding made on either side shows on the other by
 * itself, both work while the server is away (the status says so), and when it is back the code one
 * deleted while the other coded with it comes back, with that coding, as a conflict the supervisor resolves.
 */
describe.sequential("a team project in the app", () => {
  let teamServer: ServeProcess;
  let port: number;
  let db: string;
  const apps: { server: TandaiServer; browser: Browser; page: Page }[] = [];
  let owner: Page;
  let coder: Page;
  let ownerDir: string;

  const poll = <T,>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 250 });
  const badge = (page: Page) => page.getByTestId("team-badge");
  const codeRow = (page: Page, name: string) => page.locator('[data-testid="code-row"]').filter({ has: page.getByText(name, { exact: true }) });

  async function app(server: TandaiServer, dir?: string): Promise<Page> {
    await server.start(dir ? [dir] : []);
    const browser = await launchBrowser();
    const page = await newPage(browser);
    await page.setViewportSize(SCREENS.laptop);
    apps.push({ server, browser, page });
    await page.goto(server.url);
    return page;
  }

  let first: TandaiServer;
  beforeAll(async () => {
    port = await freePort();
    first = await TandaiServer.create();
    db = join(first.root, "team.db");
    teamServer = await startServe(["--sqlite", db, "--port", String(port)]);
    ownerDir = join(first.root, "tesis");
    const transcript = join(first.root, "wawancara.txt");
    await writeFile(transcript, INTERVIEW);
    const tandai = (...args: string[]) => first.run(...args);
    await tandai("new", ownerDir, "--name", "Tesis Padang");
    await tandai("import", ownerDir, transcript);
    await tandai("code", ownerDir, "--doc", "wawancara", "--quote", "air bersih", "--code", "Air", "--coder", "Supervisor");
  });

  afterAll(async () => {
    for (const one of apps) await closeApp(one);
    await teamServer?.stop();
  });

  it("shares the open project from the app, and the badge says it is synced", async () => {
    owner = await app(first, ownerDir);
    await owner.getByTestId("workspace").waitFor();
    await owner.getByTestId("team-share-open").click();
    await owner.getByTestId("team-server").fill(teamServer.url);
    await owner.getByTestId("team-admin-token").fill(teamServer.adminToken!);
    await screenshot(owner, "team-01-share-1366");
    await owner.getByTestId("team-share").click();
    await owner.getByTestId("team-shared").waitFor();
    await owner.getByTestId("team-share-close").click();
    await poll(() => badge(owner).getAttribute("data-state")).toBe("synced");
    expect(await badge(owner).textContent()).toBe("Tersinkron");
  });

  it("lets a coder join from the welcome screen with the link and token the owner's invitation gives", async () => {
    const out = await first.run("team", "invite", ownerDir, "--name", "Ana", "--role", "coder", "--json");
    const invited = JSON.parse(out.trim().split("\n").at(-1)!) as { link: string; token: string };
    coder = await app(await TandaiServer.create());
    await coder.getByTestId("workspace").waitFor(); // the sample project, on a first start
    await coder.getByTestId("close-project").click();
    await coder.getByTestId("team-join-open").click();
    await coder.getByTestId("team-link").fill(invited.link);
    await coder.getByTestId("team-token").fill(invited.token);
    await coder.getByTestId("team-folder").fill(join(apps[1]!.server.root, "ana"));
    await screenshot(coder, "team-02-join-1366");
    await coder.getByTestId("team-join").click();
    await coder.getByTestId("workspace").waitFor();
    expect(await coder.getByTestId("project-name").textContent()).toBe("Tesis Padang");
    await poll(() => badge(coder).getAttribute("data-state")).toBe("synced");
    await codeRow(coder, "Air").waitFor();
  });

  it("shows a coding made by one member in the other's app by itself", async () => {
    await coder.getByTestId("document-row").first().click();
    await dragSelect(coder, "sumur baru");
    await coder.keyboard.press("1"); // the first code, "Air"
    await poll(async () => (await codeRow(owner, "Air").getByTestId("code-count").textContent())?.trim()).toContain("2");
    await screenshot(owner, "team-03-received-1366");
  });

  it("keeps both members working while the server is away, and says so", async () => {
    await teamServer.stop();
    await owner.getByTestId("document-row").first().click();
    await dragSelect(owner, "Kepala desa");
    await owner.keyboard.press("1");
    await poll(() => badge(owner).getAttribute("data-state")).toBe("offline");
    expect(await badge(owner).textContent()).toMatch(/^Luring sejak \d\d[.:]\d\d$/);
    // Meanwhile the coder deletes the code the supervisor is coding with.
    await codeRow(coder, "Air").click();
    await codeRow(coder, "Air").getByTestId("code-menu-button").click();
    await coder.locator('[data-action="delete"]').click();
    await coder.getByTestId("confirm").click();
    await poll(() => codeRow(coder, "Air").count()).toBe(0);
    await screenshot(owner, "team-04-offline-1366");
  });

  it("brings the deleted code back with every coding when the server returns, as a conflict the owner resolves", async () => {
    teamServer = await startServe(["--sqlite", db, "--port", String(port)]);
    await poll(() => badge(owner).locator(".team-conflicts-count").textContent()).toBe("1 konflik");
    await poll(() => codeRow(coder, "Air").count()).toBe(1);
    await badge(owner).click();
    const conflict = owner.getByTestId("team-conflict");
    await conflict.waitFor();
    expect(await conflict.getAttribute("data-kind")).toBe("deletedWhileCoded");
    expect(await conflict.textContent()).toContain("Ana");
    await screenshot(owner, "team-05-conflict-1366");
    await owner.setViewportSize(SCREENS.small);
    await screenshot(owner, "team-05-conflict-1024");
    await conflict.getByTestId("team-conflict-keep").click();
    await owner.getByTestId("team-no-conflicts").waitFor();
    // The resolved conflict's buttons went with it: the focus stays in the dialog (on Close, where
    // it opened), not on the page's body, where Escape would not close it and keys reach the workspace.
    await poll(() => owner.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("team-close");
    await owner.getByTestId("team-sync-now").click();
    await poll(() => badge(owner).textContent()).toBe("Tersinkron");
    // The code is back with the supervisor's new coding; the two she deleted with it stay deleted, on both sides.
    const count = (page: Page) => codeRow(page, "Air").getByTestId("code-count").textContent();
    await poll(() => count(coder)).toBe("1");
    expect(await count(owner)).toBe("1");
  });
});
