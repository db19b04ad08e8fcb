import { mkdir, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Backend } from "../../electron/backend/backend.js";
import { startWebServer, type WebServer } from "../../electron/web/server.js";
import { encodeWire } from "../../shared/index.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();
let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const root = await temp();
  const renderer = join(root, "renderer");
  await mkdir(renderer);
  await writeFile(join(renderer, "index.html"), "<!doctype html><title>Tandai</title>");
  await writeFile(join(root, "secret.txt"), "not for the browser");
  const backend = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "t", transport: "web", systemLocale: "en" }).init();
  server = await startWebServer(backend, renderer);
  return { server, origin: new URL(server.url).origin, root };
}

/** A raw HTTP request, so tests can send a forged Host header that fetch would refuse to set. */
function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((ok, fail) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => ok({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end(init.body);
  });
}

describe("local web server", () => {
  it("listens on 127.0.0.1 only, with a random token in the URL", async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it("answers API calls that carry the token, refuses those that do not", async () => {
    const { origin, server } = await start();
    const call = (token: string) => raw(`${origin}/api/appInfo`, { method: "POST", headers: { "x-tandai-token": token, "content-type": "application/json" }, body: "{}" });
    const good = await call(server.token);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { transport: "web", canPickFolders: false } });
    const bad = await call("wrong");
    expect(bad.status).toBe(403);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: "errors.ipc.forbidden" } });
  });

  it("refuses a request for another host name (DNS rebinding)", async () => {
    const { origin, server } = await start();
    const res = await raw(`${origin}/api/appInfo`, { method: "POST", headers: { host: "evil.example:80", "x-tandai-token": server.token }, body: "{}" });
    expect(res.status).toBe(421);
  });

  it("carries file bytes and validates arguments", async () => {
    const { origin, server } = await start();
    const body = encodeWire({ files: [{ name: "a.txt", data: new TextEncoder().encode("halo") }] });
    const res = await raw(`${origin}/api/importFiles`, { method: "POST", headers: { "x-tandai-token": server.token }, body });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: "errors.ipc.noProject" } });
    const malformed = await raw(`${origin}/api/openProject`, { method: "POST", headers: { "x-tandai-token": server.token }, body: "{}" });
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: "errors.ipc.badArgument", params: { channel: "openProject" } } });
  });

  it("serves the renderer with a strict CSP and nothing outside its folder", async () => {
    const { origin } = await start();
    const page = await raw(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.headers["content-security-policy"]).toContain("object-src 'none'");
    expect((await raw(`${origin}/../secret.txt`)).status).toBe(404);
    expect((await raw(`${origin}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await raw(`${origin}/..%2fsecret.txt`)).status).toBe(404);
  });
});
