import type { IncomingMessage } from "node:http";
import { decodeWire, TandaiError } from "../../shared/index.js";

/** A request refused for what the client sent: its HTTP status and the translatable reason. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly error: TandaiError,
  ) {
    super(error.message);
  }
}

/** How many times a header occurs (Node keeps only the first Host or Origin in `req.headers`). */
function count(req: IncomingMessage, name: string): number {
  let n = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === name) n++;
  return n;
}

/**
 * Exactly one Host, and it is ours (DNS rebinding); an Origin, when the browser sends one, is ours
 * too: the token already stops other sites' pages, this stops them even if it leaked.
 */
export function checkHeaders(req: IncomingMessage, own: URL): void {
  const hosts = count(req, "host");
  if (hosts !== 1) throw new Refusal(400, new TandaiError("web.errors.badHost", { count: hosts }));
  if (req.headers.host !== own.host) throw new Refusal(421, new TandaiError("web.errors.wrongHost", { host: req.headers.host ?? "" }));
  const origins = count(req, "origin");
  const origin = req.headers.origin;
  if (origins > 1 || (origin !== undefined && origin !== own.origin)) {
    throw new Refusal(403, new TandaiError("web.errors.badOrigin", { origin: origin ?? "" }));
  }
}

/** The request's path with %-escapes decoded; a malformed escape is the client's mistake. */
export function decodePath(url: string): string {
  let pathname = url;
  try {
    pathname = new URL(url, "http://127.0.0.1").pathname; // also the absolute form, dot segments resolved
    return decodeURIComponent(pathname);
  } catch {
    throw new Refusal(400, new TandaiError("web.errors.badAddress", { path: pathname }));
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The body as the value it encodes: strict UTF-8, then JSON with file bytes as {"$bytes": base64}. */
export function parseBody(channel: string, body: Buffer): unknown {
  if (body.length === 0) return {};
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new Refusal(400, new TandaiError("web.errors.badEncoding", { channel }));
  }
  if (text.startsWith("\uFEFF")) throw new Refusal(400, new TandaiError("web.errors.badJson", { channel, detail: "byte order mark (U+FEFF) before the JSON" }));
  try {
    return decodeWire(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw new Refusal(400, new TandaiError("web.errors.badJson", { channel, detail: error.message }));
    if (error instanceof TandaiError) throw new Refusal(400, new TandaiError(error.code, { ...error.params, channel }));
    throw error;
  }
}
