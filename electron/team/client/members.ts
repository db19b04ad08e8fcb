import { TandaiError } from "../../../shared/errors.js";
import { joinLink } from "./address.js";
import { teamJson, type TeamRequest } from "./http.js";
import type { TeamConfig } from "./teamFile.js";

const membersPath = (config: TeamConfig) => `/api/projects/${encodeURIComponent(config.projectId)}/members`;

/** One owner request, to the first of the project's server instances that answers. */
async function ownerRequest<T>(config: TeamConfig, request: Omit<TeamRequest, "server" | "token">): Promise<T> {
  let last: unknown;
  for (const server of config.servers) {
    try {
      return await teamJson<T>({ ...request, server, token: config.token });
    } catch (error) {
      last = error;
      if (!(error instanceof TandaiError && error.code === "teamCli.errors.unreachable")) throw error;
    }
  }
  throw last;
}

/** Invites a member (owner only): the token returned is shown once and never stored here. */
export function inviteMember(config: TeamConfig, name: string, role: "coder" | "viewer"): Promise<{ token: string; name: string; role: string }> {
  return ownerRequest(config, { method: "POST", path: membersPath(config), json: { name, role }, params: { name } });
}

/** Revokes a member's token (owner only); their open connections end. */
export function revokeMember(config: TeamConfig, name: string): Promise<{ revoked: string }> {
  return ownerRequest(config, { method: "DELETE", path: `${membersPath(config)}/${encodeURIComponent(name)}`, params: { name } });
}

export function listMembers(config: TeamConfig): Promise<{ members: { name: string; role: string; createdAt: string; revokedAt: string | null }[] }> {
  return ownerRequest(config, { method: "GET", path: membersPath(config) });
}

/** The join link an invitation gives: every instance of the project's server, for the invitee to try in turn. */
export const invitationLink = (config: TeamConfig): string => config.servers.map((server) => joinLink(server, config.projectId)).join(",");
