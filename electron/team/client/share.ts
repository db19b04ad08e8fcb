import { TandaiError } from "../../../shared/errors.js";
import { TeamReplica } from "../../../shared/team/index.js";
import { converge } from "./connect.js";
import { teamJson } from "./http.js";
import { saveReplica } from "./sync.js";
import type { SyncTarget } from "./target.js";
import { readTeamConfig, writeTeamConfig, type TeamConfig } from "./teamFile.js";
import { documentHashes, uploadTexts } from "./texts.js";

export interface ShareResult {
  projectId: string;
  name: string;
  server: string;
  member: string;
  documents: number;
}

/**
 * Shares an open project on a team server (admin token): the server gives it an id and makes this
 * member its owner; the project is seeded into the replica, its texts sent once, the doc
 * converged and stored on the server, then team.json (0600, with the owner's token) written.
 */
export async function shareProject(target: SyncTarget, servers: string[], adminToken: string, owner: string, options: { timeoutMs?: number } = {}): Promise<ShareResult> {
  const already = await readTeamConfig(target.dir).catch((error: unknown) => {
    if (error instanceof TandaiError && error.code === "teamCli.errors.notShared") return undefined;
    throw error;
  });
  if (already) throw new TandaiError("teamCli.errors.alreadyShared", { dir: target.dir, projectId: already.projectId });
  const server = servers[0]!;
  const shared = await teamJson<{ projectId: string; token: string; name: string }>({ server, method: "POST", path: "/api/projects", token: adminToken, json: { name: target.state.name, owner } });
  const config: TeamConfig = { format: 1, servers, projectId: shared.projectId, member: shared.name, role: "owner", token: shared.token };
  // team.json first: if anything below fails, the owner's token is not lost, and `team sync` finishes the job.
  await writeTeamConfig(target.dir, config);
  const hashes = await documentHashes(target, target.state, {});
  const replica = new TeamReplica({ state: target.state, actor: owner, contentHashes: hashes });
  const onServer = new Set<string>();
  await saveReplica(target, replica, { hashes, onServer, lastSyncedAt: null });
  await uploadTexts(target, { server, projectId: shared.projectId, token: shared.token }, hashes, onServer);
  await converge(replica.doc, { server, projectId: shared.projectId, token: shared.token, readOnly: false, timeoutMs: options.timeoutMs ?? 60_000 });
  await saveReplica(target, replica, { hashes, onServer, lastSyncedAt: new Date().toISOString() });
  return { projectId: shared.projectId, name: target.state.name, server, member: shared.name, documents: Object.keys(hashes).length };
}
