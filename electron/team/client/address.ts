import { TandaiError } from "../../../shared/errors.js";

/**
 * A server address as a user types it (ws://, wss://, http:// or https://, maybe behind a proxy
 * at a sub-path), as the WebSocket URL the provider connects to. Several, comma-separated, are
 * the instances of one server, tried in order.
 */
export function serverAddresses(value: string, option: string): string[] {
  const list = value.split(",").map((part) => part.trim()).filter(Boolean);
  if (!list.length) throw new TandaiError("teamCli.errors.badServer", { option, value });
  return list.map((one) => {
    let url: URL;
    try {
      url = new URL(one);
    } catch {
      throw new TandaiError("teamCli.errors.badServer", { option, value: one });
    }
    const protocol = { "ws:": "ws:", "wss:": "wss:", "http:": "ws:", "https:": "wss:" }[url.protocol];
    if (!protocol || url.search || url.hash || url.username || url.password) throw new TandaiError("teamCli.errors.badServer", { option, value: one });
    return `${protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  });
}

/** The HTTP base of a server's WebSocket address (same host and port, same path). */
export const httpBase = (ws: string) => ws.replace(/^ws/, "http");

/**
 * A join link: the server address with the project id as its last path segment
 * (`wss://team.example.org/<id>`), as `tandai team invite` prints it.
 */
export function joinLink(server: string, projectId: string): string {
  return `${server}/${projectId}`;
}

export function parseJoinLink(value: string): { servers: string[]; projectId: string } {
  const parts = value.split(",").map((one) => one.trim());
  let projectId: string | undefined;
  const servers = parts.map((one) => {
    const match = /^(.*)\/([0-9a-f-]{36})\/?$/i.exec(one);
    if (!match) throw new TandaiError("teamCli.errors.badJoinLink", { value: one });
    if (projectId !== undefined && projectId !== match[2]!.toLowerCase()) throw new TandaiError("teamCli.errors.badJoinLink", { value });
    projectId = match[2]!.toLowerCase();
    return serverAddresses(match[1]!, "<url>")[0]!;
  });
  return { servers, projectId: projectId! };
}
