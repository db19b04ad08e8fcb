import { randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { basename, extname, normalize, resolve, sep } from "node:path";
import { decodeWire, TandaiError, toErrorPayload, type TandaiApi } from "../../shared/index.js";
import { dispatch } from "../backend/dispatch.js";
import { CONTENT_SECURITY_POLICY } from "../security.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".map": "application/json",
};

/** Large enough for a batch of documents at the import limit, base64-encoded. */
const MAX_BODY = 400 * 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves the renderer and the backend on 127.0.0.1 so the app runs in an ordinary browser.
 * Every API call must carry the random token from the URL (only whoever started the server sees
 * it), and the Host header must be this server's, so another site cannot drive it (DNS rebinding).
 */
export async function startWebServer(api: TandaiApi, rendererDir: string, port = 0): Promise<WebServer> {
  const token = randomBytes(24).toString("base64url");
  const root = resolve(rendererDir);
  let origin = "";

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, "application/json", JSON.stringify({ ok: false, error: toErrorPayload(error) })));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.host !== new URL(origin).host) return send(res, 421, "text/plain", "Misdirected request");
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname.startsWith("/api/")) {
      if (req.method !== "POST") return send(res, 405, "text/plain", "POST only");
      if (!sameToken(String(req.headers["x-tandai-token"] ?? ""), token)) {
        return send(res, 403, "application/json", JSON.stringify({ ok: false, error: toErrorPayload(new TandaiError("errors.ipc.forbidden")) }));
      }
      const body = await readBody(req);
      const envelope = await dispatch(api, decodeURIComponent(url.pathname.slice(5)), body ? decodeWire(body) : {});
      return send(res, 200, "application/json", JSON.stringify(envelope));
    }
    if (url.pathname.startsWith("/exports/")) return serveExport(url, res);
    return serveStatic(url.pathname, res);
  }

  /**
   * A file of the open project's `exports` folder by its name, for the export dialog's download
   * link: GET with the token in the query (a link carries no header), nothing outside that folder.
   */
  async function serveExport(url: URL, res: ServerResponse) {
    if (!sameToken(url.searchParams.get("token") ?? "", token)) return send(res, 403, "text/plain", "Forbidden");
    const name = decodeURIComponent(url.pathname.slice("/exports/".length));
    const project = await api.currentProject({});
    if (!project || !name || name !== basename(name) || name.includes("\\") || name === "." || name === "..") return send(res, 404, "text/plain", "Not found");
    const folder = resolve(project.dir, "exports");
    const file = resolve(folder, name);
    const info = file.startsWith(folder + sep) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) return send(res, 404, "text/plain", "Not found");
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": info.size,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    const file = resolve(root, normalize(decodeURIComponent(pathname === "/" ? "/index.html" : pathname)).replace(/^([/\\])+/, ""));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, "text/plain", "Not found");
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, "text/plain", "Not found");
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-security-policy": CONTENT_SECURITY_POLICY,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    server,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        fail(new TandaiError("errors.ipc.tooLarge", { limit: `${MAX_BODY / 1024 / 1024} MB` }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => ok(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

