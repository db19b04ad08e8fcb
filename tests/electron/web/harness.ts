import { mkdir, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterEach } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { startWebServer, type WebServer } from "../../../electron/web/server.js";
import { useTempDirs } from "../tempDirs.js";

/**
 * The real local web server over a real Backend in temp folders, and raw HTTP to it (so tests can
 * send what a browser never would: forged or doubled headers, broken bodies, huge lengths).
 */
export function useWebServer() {
  const temp = useTempDirs();
  let server: WebServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  return async () => {
    const root = await temp();
    const renderer = join(root, "renderer");
    await mkdir(renderer);
    await writeFile(join(renderer, "index.html"), "<!doctype html><title>Tandai</title>");
    await writeFile(join(root, "secret.txt"), "not for the browser");
    const backend = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "t", transport: "web", systemLocale: "en" }).init();
    server = await startWebServer(backend, renderer);
    const origin = new URL(server.url).origin;
    const token = server.token;
    /** POSTs `body` to /api/<channel> with the token. */
    const api = (channel: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      raw(`${origin}/api/${channel}`, { method: "POST", headers: { "x-tandai-token": token, "content-type": "application/json", ...headers }, body });
    return { server, origin, root, backend, api };
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

/** A raw HTTP request, so tests can send a forged Host header that fetch would refuse to set. */
export function raw(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<RawResponse>((ok, fail) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => ok({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end(init.body);
  });
}

/** Bytes written straight to the socket (HTTP/1.1 with `Connection: close`): the status line back. */
export function rawSocket(origin: string, text: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((ok, fail) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = "";
    socket.on("data", (c: Buffer) => (answer += c.toString()));
    socket.on("end", () => ok(answer));
    socket.on("error", fail);
  });
}
