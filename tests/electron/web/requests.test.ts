import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../../electron/web/server.js";
import { MAX_IMPORT_BYTES } from "../../../shared/index.js";
import { rawSocket, useWebServer, type RawResponse } from "./harness.js";

/**
 * What the web server does with requests no browser page of ours sends: each is refused with a
 * 4xx status and a translatable error naming what is wrong, never a 500, and the server stays up.
 */
const start = useWebServer();

const errorOf = (res: RawResponse) => (JSON.parse(res.body) as { ok: false; error: { code: string; params: Record<string, unknown> } }).error;

describe("malformed requests get 400 with the reason", () => {
  it("a body that is not JSON names the request", async () => {
    const { api } = await start();
    const res = await api("openProject", '{"dir": ');
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: "web.errors.badJson", params: { channel: "openProject" } });
  });

  it("a byte order mark before the JSON is refused, not misread", async () => {
    const { api } = await start();
    const res = await api("appInfo", Buffer.from("\uFEFF{}", "utf8"));
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: "web.errors.badJson", params: { channel: "appInfo" } });
  });

  it("NaN is not JSON", async () => {
    const { api } = await start();
    const res = await api("openProject", '{"dir": NaN}');
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe("web.errors.badJson");
  });

  it("a body that is not UTF-8 is refused rather than decoded with replacement characters", async () => {
    const { api } = await start();
    const res = await api("openProject", Buffer.from([0x7b, 0x22, 0x64, 0x69, 0x72, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: "web.errors.badEncoding", params: { channel: "openProject" } });
  });

  it("file bytes that are not base64 name the file", async () => {
    const { api } = await start();
    const res = await api("importFiles", JSON.stringify({ files: [{ name: "wawancara.txt", data: { $bytes: "not base64!" } }] }));
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: "web.errors.badBytes", params: { channel: "importFiles", file: "wawancara.txt" } });
  });

  it("a malformed %-escape in the address is a 400, for the API and for files", async () => {
    const { origin, api } = await start();
    const apiRes = await api("app%E0%A4%Info", "{}");
    expect(apiRes.status).toBe(400);
    expect(errorOf(apiRes)).toMatchObject({ code: "web.errors.badAddress", params: { path: "/api/app%E0%A4%Info" } });
    const file = await rawSocket(origin, `GET /assets/%E0%A4%A.js HTTP/1.1\r\nHost: ${new URL(origin).host}\r\nConnection: close\r\n\r\n`);
    expect(file).toMatch(/^HTTP\/1\.1 400 /);
  });

  it("the server keeps answering after all of these", async () => {
    const { api } = await start();
    await api("openProject", "{");
    await api("app%ZZInfo", "{}");
    const res = await api("appInfo", "{}");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });
});

describe("headers", () => {
  it("refuses two Host headers, even when the first is ours", async () => {
    const { origin, server } = await start();
    const host = new URL(origin).host;
    const answer = await rawSocket(
      origin,
      `POST /api/appInfo HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nX-Tandai-Token: ${server.token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain("web.errors.badHost");
  });

  it("refuses a request from another site's page even with the token (defence in depth against CSRF)", async () => {
    const { api, origin } = await start();
    for (const other of ["https://evil.example", "null", origin.replace("127.0.0.1", "localhost"), `${origin}.evil.example`]) {
      const res = await api("appInfo", "{}", { origin: other });
      expect(res.status, other).toBe(403);
      expect(errorOf(res), other).toMatchObject({ code: "web.errors.badOrigin", params: { origin: other } });
    }
    // Our own page's requests carry our own origin; tools like curl carry none.
    expect((await api("appInfo", "{}", { origin })).status).toBe(200);
    expect((await api("appInfo", "{}")).status).toBe(200);
  });
});

describe("the body limit", () => {
  it("is one file at the import limit, base64-encoded, with room for the JSON around it", () => {
    expect(MAX_BODY_BYTES).toBeGreaterThanOrEqual((MAX_IMPORT_BYTES * 4) / 3);
    expect(MAX_BODY_BYTES).toBeLessThan((MAX_IMPORT_BYTES * 4) / 3 + 2 * 1024 * 1024);
  });

  it("refuses a Content-Length over it with 413 at once, without waiting for the body", async () => {
    const { origin, server } = await start();
    const answer = await rawSocket(
      origin,
      `POST /api/importFiles HTTP/1.1\r\nHost: ${new URL(origin).host}\r\nX-Tandai-Token: ${server.token}\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\nConnection: close\r\n\r\n{"files":`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain("errors.ipc.tooLarge");
  });

  it("refuses a streamed body with 413 as soon as it passes the limit", async () => {
    const { origin, server } = await start();
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    let sent = 0;
    const status = await new Promise<number>((ok, fail) => {
      let answered = false;
      const req = request(`${origin}/api/importFiles`, { method: "POST", headers: { "x-tandai-token": server.token, "transfer-encoding": "chunked" } }, (res) => {
        answered = true;
        res.resume();
        res.on("end", () => ok(res.statusCode!));
      });
      req.on("error", fail);
      const pump = () => {
        while (!answered && sent < 2 * MAX_BODY_BYTES) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    // Stopped near the limit, not after reading everything the client would send.
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 32 * 1024 * 1024);
  });
});
