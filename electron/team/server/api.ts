import type { IncomingMessage, ServerResponse } from "node:http";
import { canWrite, inviteMember, isAdmin, memberFor, shareProject } from "./auth.js";
import type { Revocations } from "./revocations.js";
import type { Member, TeamServerStore } from "./store.js";
import { contentHash, INVITABLE_ROLES, isContentHash, type Role } from "./tokens.js";

/** A document's text (its content JSON) may be as large as an import allows, and then some. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;
const MAX_JSON_BYTES = 64 * 1024;
const MAX_NAME = 200;

/** A refusal: the HTTP status and a machine-readable reason the CLI turns into its own message. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const send = (res: ServerResponse, status: number, body: object) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
};

const bearer = (req: IncomingMessage): string | undefined => /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers["content-length"] ?? 0) > limit) throw new Refusal(413, "tooLarge");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Refusal(413, "tooLarge");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse((await readBody(req, MAX_JSON_BYTES)).toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof Refusal) throw error;
  }
  throw new Refusal(400, "badJson");
}

const memberName = (value: unknown): string => {
  const name = typeof value === "string" ? value.trim() : "";
  if (!name || name.length > MAX_NAME || [...name].some((char) => char.charCodeAt(0) < 0x20)) throw new Refusal(400, "badName");
  return name;
};

/**
 * The team server's HTTP routes, beside the WebSocket on the same port:
 * - `POST /api/projects` (admin token) shares a project: its id and the owner's token;
 * - `GET /api/projects/:id/me` (any member) says who the token is (join, sync's first check);
 * - `POST /api/projects/:id/members`, `DELETE …/members/:name`, `GET …/members` (owner) invite,
 *   revoke, list;
 * - `PUT|GET /api/projects/:id/texts/:sha256` document texts, content-addressed: written once by
 *   an owner or coder (the hash checked against the bytes), read by any member;
 * - `GET /health` for a proxy's or systemd's health check.
 * Returns false for any other path (Hocuspocus answers it).
 */
export function teamRoutes(store: TeamServerStore, revocations: Pick<Revocations, "revoked">) {
  async function member(req: IncomingMessage, projectId: string, need?: (role: Role) => boolean): Promise<Member> {
    const found = await memberFor(store, projectId, bearer(req));
    if (!found) throw new Refusal(401, "tokenRefused");
    if (need && !need(found.role)) throw new Refusal(403, "roleRefused");
    return found;
  }

  async function route(req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> {
    const method = req.method ?? "GET";
    if (parts.length === 1 && method === "POST") {
      if (!(await isAdmin(store, bearer(req)))) throw new Refusal(401, "adminRefused");
      const body = await readJson(req);
      const name = typeof body.name === "string" ? body.name.slice(0, MAX_NAME) : "";
      const shared = await shareProject(store, name, memberName(body.owner));
      return send(res, 201, { projectId: shared.projectId, token: shared.token, name: shared.member.name, role: shared.member.role });
    }
    const [, projectId, what, key] = parts;
    if (!projectId || parts.length > 4) throw new Refusal(404, "notFound");
    if (what === "me" && parts.length === 3 && method === "GET") {
      const me = await member(req, projectId);
      return send(res, 200, { projectId, name: me.name, role: me.role });
    }
    if (what === "members") return members(req, res, projectId, method, key);
    if (what === "texts" && key !== undefined) return texts(req, res, projectId, method, key);
    throw new Refusal(404, "notFound");
  }

  async function members(req: IncomingMessage, res: ServerResponse, projectId: string, method: string, name: string | undefined): Promise<void> {
    await member(req, projectId, (role) => role === "owner");
    if (method === "GET" && name === undefined) return send(res, 200, { members: await store.listMembers(projectId) });
    if (method === "POST" && name === undefined) {
      const body = await readJson(req);
      const role = body.role as Role;
      if (!(INVITABLE_ROLES as readonly string[]).includes(role)) throw new Refusal(400, "badRole");
      const invited = await inviteMember(store, projectId, memberName(body.name), role);
      if (!invited) throw new Refusal(409, "nameTaken");
      return send(res, 201, { token: invited.token, name: invited.member.name, role: invited.member.role });
    }
    if (method === "DELETE" && name !== undefined) {
      let revokedName: string;
      try {
        revokedName = decodeURIComponent(name);
      } catch {
        throw new Refusal(400, "badName");
      }
      if (!(await store.revokeMember(projectId, revokedName, new Date().toISOString()))) throw new Refusal(404, "noSuchMember");
      // A revoked member's open connections end now, on this instance and (through Redis) every other.
      await revocations.revoked(projectId, revokedName);
      return send(res, 200, { revoked: revokedName });
    }
    throw new Refusal(405, "badMethod");
  }

  async function texts(req: IncomingMessage, res: ServerResponse, projectId: string, method: string, hash: string): Promise<void> {
    if (!isContentHash(hash)) throw new Refusal(400, "badHash");
    if (method === "GET") {
      await member(req, projectId);
      const bytes = await store.getText(projectId, hash);
      if (!bytes) throw new Refusal(404, "noSuchText");
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length, "cache-control": "private, max-age=31536000, immutable" });
      res.end(bytes);
      return;
    }
    if (method === "PUT") {
      await member(req, projectId, canWrite);
      const bytes = await readBody(req, MAX_TEXT_BYTES);
      if (contentHash(bytes) !== hash) throw new Refusal(400, "hashMismatch");
      await store.putText(projectId, hash, bytes);
      return send(res, 201, { hash, bytes: bytes.length });
    }
    throw new Refusal(405, "badMethod");
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? "/", "http://server").pathname;
    if (path === "/health") return send(res, 200, { ok: true }), true;
    const parts = path.split("/").filter(Boolean);
    if (parts[0] !== "api" || parts[1] !== "projects") return false;
    try {
      await route(req, res, parts.slice(1));
    } catch (error) {
      if (error instanceof Refusal) send(res, error.status, { error: error.reason });
      else {
        console.error(error);
        send(res, 500, { error: "serverError" });
      }
    }
    return true;
  };
}
