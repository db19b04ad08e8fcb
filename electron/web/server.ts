import { randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { basename, extname, normalize, resolve, sep } from "node:path";
import { MAX_IMPORT_BYTES, TandaiError, toErrorPayload, type TandaiApi } from "../../shared/index.js";
import { dispatch } from "../backend/dispatch.js";
import { CONTENT_SECURITY_POLICY } from "../security.js";
import { checkHeaders, decodePath, parseBody, Refusal } from "./requests.js";
import { StaticFiles } from "./staticFiles.js";

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

/**
 * The largest request: one file at the import limit, base64-encoded (4 bytes per 3), with a MiB for
 * the JSON around it. A larger body is refused as soon as its length says so or its bytes pass it,
 * so a huge upload never sits in memory.
 */
export const MAX_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves the renderer and the backend on 127.0.0.1 so the app runs in an ordinary browser.
 * Every API call must carry the random token from the URL (only whoever started the server sees
 * it), and the Host header must be this server's, so another site cannot drive it (DNS rebinding);
 * a browser's Origin, when sent, must be ours too. What no page of ours sends (broken JSON or
 * base64, a bad %-escape, two Host headers, too large a body) gets a 4xx saying what is wrong.
 */
export async function startWebServer(api: TandaiApi, rendererDir: string, port = 0): Promise<WebServer> {
  const token = randomBytes(24).toString("base64url");
  const root = resolve(rendererDir);
  const files = new StaticFiles(root);
  let origin = "";

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A refusal is the client's mistake (4xx, said why); anything else is ours (500).
      const [status, payload] = error instanceof Refusal ? [error.status, error.error] : [500, error];
      if (!res.headersSent) send(res, status, "application/json", JSON.stringify({ ok: false, error: toErrorPayload(payload) }));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    checkHeaders(req, new URL(origin));
    const pathname = decodePath(req.url ?? "/");
    if (pathname.startsWith("/api/")) {
      if (req.method !== "POST") return send(res, 405, "text/plain", "POST only");
      if (!sameToken(String(req.headers["x-tandai-token"] ?? ""), token)) {
        return send(res, 403, "application/json", JSON.stringify({ ok: false, error: toErrorPayload(new TandaiError("errors.ipc.forbidden")) }));
      }
      const channel = pathname.slice(5);
      const envelope = await dispatch(api, channel, parseBody(channel, await readBody(req)));
      return send(res, 200, "application/json", JSON.stringify(envelope));
    }
    if (pathname.startsWith("/exports/")) return serveExport(new URL(req.url ?? "/", origin), res);
    return serveStatic(pathname, res);
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

  function serveStatic(pathname: string, res: ServerResponse) {
    const file = resolve(root, normalize(pathname === "/" ? "/index.html" : pathname).replace(/^([/\\])+/, ""));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, "text/plain", "Not found");
    const body = files.read(file);
    if (!body) return send(res, 404, "text/plain", "Not found");
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "content-security-policy": CONTENT_SECURITY_POLICY,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
    });
    res.end(body);
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

/** The request's bytes, refused with 413 at once when its length or its streamed bytes pass the limit. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = () => new Refusal(413, new TandaiError("errors.ipc.tooLarge", { limit: `${(MAX_BODY_BYTES / 1024 / 1024).toFixed(0)} MB` }));
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    req.on("data", () => req.socket.bytesRead > 2 * MAX_BODY_BYTES && req.destroy());
    return Promise.reject(tooLarge());
  }
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // Let go of what was read and answer at once. The rest is read and dropped as it comes, so the
      // client (still sending) gets the answer rather than a broken pipe; one more limit's worth and
      // the connection is cut.
      if (!refused) {
        refused = true;
        chunks.length = 0;
        fail(tooLarge());
      }
      if (size > 2 * MAX_BODY_BYTES) req.destroy();
    };
    req.on("data", onData);
    req.on("end", () => ok(Buffer.concat(chunks)));
    req.on("error", fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}
