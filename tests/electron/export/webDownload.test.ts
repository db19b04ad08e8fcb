import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { startWebServer, type WebServer } from "../../../electron/web/server.js";
import { ReportRequest, type ExportStatus } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();
let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** `tandai serve` on the sample project, with a Markdown report exported the web way (no path). */
async function served() {
  const root = await temp();
  const backend = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "t", transport: "web", systemLocale: "id" }).init();
  const project = await backend.openSampleProject();
  server = await startWebServer(backend, join(root, "renderer"));
  const started = await backend.exportStart({ request: ReportRequest.parse({ kind: "report", format: "md", language: "id" }) });
  let status: ExportStatus = await backend.exportStatus({ jobId: started!.jobId });
  while (status.state === "running") {
    await new Promise((r) => setTimeout(r, 20));
    status = await backend.exportStatus({ jobId: started!.jobId });
  }
  expect(status.state).toBe("done");
  const path = (status as { path: string }).path;
  expect(path.startsWith(join(project.dir, "exports"))).toBe(true);
  return { backend, project, path, origin: new URL(server.url).origin, token: server.token };
}

const get = (url: string) => fetch(url);

describe("downloading an export from the web server", () => {
  it("hands out a file of the project's exports folder by name, as an attachment, with the token", async () => {
    const { path, origin, token } = await served();
    const name = basename(path);
    const response = await get(`${origin}/exports/${encodeURIComponent(name)}?token=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(path))).toBe(true);
  });

  it("refuses without the token, and serves nothing outside the exports folder", async () => {
    const { path, origin, token, project } = await served();
    const name = encodeURIComponent(basename(path));
    expect((await get(`${origin}/exports/${name}`)).status).toBe(403);
    expect((await get(`${origin}/exports/${name}?token=wrong${token}`)).status).toBe(403);
    await writeFile(join(project.dir, "secret.txt"), "not for the browser");
    for (const sneaky of ["..%2Fsecret.txt", "%2E%2E%2Fproject.json", "..%5Cproject.json", "project.json", "", "missing.docx"]) {
      const response = await get(`${origin}/exports/${sneaky}?token=${token}`);
      expect(response.status, sneaky).toBe(404);
      expect(await response.text()).not.toContain("not for the browser");
    }
  });

  it("finds nothing once the project is closed", async () => {
    const { path, origin, token, backend } = await served();
    await backend.closeProject();
    expect((await get(`${origin}/exports/${encodeURIComponent(basename(path))}?token=${token}`)).status).toBe(404);
  });
});
