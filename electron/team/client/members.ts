import { teamJson } from "./http.js";
import type { TeamConfig } from "./teamFile.js";

const membersPath = (config: TeamConfig) => `/api/projects/${encodeURIComponent(config.projectId)}/members`;

/** Invites a member (owner only): the token returned is shown once and never stored here. */
export function inviteMember(config: TeamConfig, name: string, role: "coder" | "viewer"): Promise<{ token: string; name: string; role: string }> {
  return teamJson({ server: config.servers[0]!, method: "POST", path: membersPath(config), token: config.token, json: { name, role }, params: { name } });
}

/** Revokes a member's token (owner only); their open connections end. */
export function revokeMember(config: TeamConfig, name: string): Promise<{ revoked: string }> {
  return teamJson({ server: config.servers[0]!, method: "DELETE", path: `${membersPath(config)}/${encodeURIComponent(name)}`, token: config.token, params: { name } });
}

export function listMembers(config: TeamConfig): Promise<{ members: { name: string; role: string; createdAt: string; revokedAt: string | null }[] }> {
  return teamJson({ server: config.servers[0]!, method: "GET", path: membersPath(config), token: config.token });
}
