import { TeamReplica } from "../../../shared/team/index.js";
import { readReplica } from "./replicaFile.js";
import type { SyncTarget } from "./target.js";
import { readTeamConfig } from "./teamFile.js";

export interface TeamStatus {
  dir: string;
  projectId: string;
  servers: string[];
  member: string;
  role: string;
  /** True when no local change is waiting to be sent. */
  synced: boolean;
  /** Local operations since the last sync (a viewer's are never sent: 0). */
  waiting: number;
  lastSyncedAt: string | null;
  conflicts: number;
}

/** A shared project's sync status, read offline from team.json, the replica and the journal's count. */
export async function teamStatus(target: SyncTarget): Promise<TeamStatus> {
  const config = await readTeamConfig(target.dir);
  const record = await readReplica(target.dir);
  const waiting = config.role === "viewer" ? 0 : target.sequence - (record?.syncedSequence ?? 0);
  const conflicts = record ? new TeamReplica({ state: target.state, actor: config.member, base: record.base, update: record.update, contentHashes: record.contentHashes }).conflicts().length : 0;
  return {
    dir: target.dir,
    projectId: config.projectId,
    servers: config.servers,
    member: config.member,
    role: config.role,
    synced: waiting === 0 && Boolean(record?.lastSyncedAt),
    waiting,
    lastSyncedAt: record?.lastSyncedAt ?? null,
    conflicts,
  };
}
