import { TandaiError } from "../../../shared/errors.js";
import { httpBase } from "./address.js";

/** What the server's refusals (its `error` reason) mean for the user, as catalogue keys. */
const REASONS: Record<string, string> = {
  tokenRefused: "teamCli.errors.tokenRefused",
  adminRefused: "teamCli.errors.adminRefused",
  roleRefused: "teamCli.errors.roleRefused",
  nameTaken: "teamCli.errors.nameTaken",
  noSuchMember: "teamCli.errors.noSuchMember",
  badName: "teamCli.errors.badMemberName",
  badRole: "teamCli.errors.badRole",
  noSuchText: "teamCli.errors.noSuchText",
  hashMismatch: "teamCli.errors.hashMismatch",
  tooLarge: "teamCli.errors.textTooLarge",
};

export interface TeamRequest {
  server: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  token: string;
  json?: object;
  bytes?: Uint8Array;
  /** Named in messages (the member, the text's hash). */
  params?: Record<string, string>;
  timeoutMs?: number;
}

const causeCode = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

/** One request to the team server's HTTP routes. Unreachable and refused each get their exact message. */
export async function teamRequest(request: TeamRequest): Promise<Response> {
  const url = `${httpBase(request.server)}${request.path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method,
      headers: { authorization: `Bearer ${request.token}`, ...(request.json ? { "content-type": "application/json" } : {}) },
      body: request.json ? JSON.stringify(request.json) : request.bytes,
      signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new TandaiError("teamCli.errors.unreachable", { server: request.server, detail: causeCode(error) });
  }
  if (response.ok) return response;
  let reason = "";
  try {
    reason = String(((await response.json()) as { error?: unknown }).error ?? "");
  } catch {
    // Not our server's JSON (a proxy's error page): the status says it.
  }
  const key = REASONS[reason];
  if (key) throw new TandaiError(key, { server: request.server, ...request.params });
  throw new TandaiError("teamCli.errors.serverStatus", { server: request.server, status: response.status, path: request.path });
}

export async function teamJson<T>(request: TeamRequest): Promise<T> {
  return (await (await teamRequest(request)).json()) as T;
}

/** Who this token is in that project: the first thing every command asks, so a refusal is exact. */
export async function whoAmI(server: string, projectId: string, token: string): Promise<{ name: string; role: "owner" | "coder" | "viewer" }> {
  return teamJson({ server, method: "GET", path: `/api/projects/${encodeURIComponent(projectId)}/me`, token });
}
