import { writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeWire } from "../../../shared/index.js";
import { raw, useWebServer } from "./harness.js";

const start = useWebServer();

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

  it("answers a renderer file whole in the turn it is asked, so a backend busy opening a project does not hold the app's code back", async () => {
    const { origin, server, root } = await start();
    const chunk = "x".repeat(700_000);
    await writeFile(join(root, "renderer", "main.js"), chunk);
    // A listener after the server's own runs in the same emit: whatever the server left for a
    // later turn of the loop (a stat, a stream's reads) is not done yet when it looks.
    let endedInItsTurn: boolean | undefined;
    server.server.on("request", (_req: IncomingMessage, res: ServerResponse) => (endedInItsTurn = res.writableEnded));
    const res = await raw(`${origin}/main.js`);
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBe(String(chunk.length));
    expect(res.body).toBe(chunk);
    expect(endedInItsTurn).toBe(true);
  });

  it("serves a renderer file changed on disk as it is now (a rebuild while the server runs)", async () => {
    const { origin, root } = await start();
    expect((await raw(`${origin}/`)).body).toContain("<title>Tandai</title>");
    await writeFile(join(root, "renderer", "index.html"), "<!doctype html><title>Tandai, rebuilt</title>");
    expect((await raw(`${origin}/`)).body).toContain("Tandai, rebuilt");
    expect((await raw(`${origin}/missing.js`)).status).toBe(404);
    expect((await raw(`${origin}/assets`)).status).toBe(404);
  });
});
