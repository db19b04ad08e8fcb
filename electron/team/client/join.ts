import { promises as fsp } from "node:fs";
import * as Y from "yjs";
import { TandaiError } from "../../../shared/errors.js";
import { emptyProject } from "../../../shared/model/project.js";
import { batch } from "../../../shared/ops/operation.js";
import { readProjectHeader, TeamReplica } from "../../../shared/team/index.js";
import { createProjectWithState } from "../../store/index.js";
import { converge } from "./connect.js";
import { whoAmI } from "./http.js";
import { saveReplica } from "./sync.js";
import { writeTeamConfig, type TeamConfig } from "./teamFile.js";
import { downloadTexts } from "./texts.js";

export interface JoinResult {
  dir: string;
  projectId: string;
  name: string;
  member: string;
  role: string;
  documents: number;
  operations: number;
}

async function requireEmptyFolder(dir: string): Promise<void> {
  try {
    if ((await fsp.readdir(dir)).length) throw new TandaiError("teamCli.errors.folderNotEmpty", { dir });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * Joins a shared project into a new folder: a full local copy that works offline like any
 * project. The server's doc is fetched first; only then is the folder created (with the project's
 * own id, name and creation date), the texts fetched and verified, everything else applied as one
 * batch, and team.json (0600) and the replica written. A failure before the folder exists leaves
 * nothing behind; one after it removes the folder, so a retry starts clean.
 */
export async function joinProject(servers: string[], projectId: string, token: string, dir: string, options: { timeoutMs?: number } = {}): Promise<JoinResult> {
  await requireEmptyFolder(dir);
  const server = servers[0]!;
  const me = await whoAmI(server, projectId, token);
  const doc = new Y.Doc();
  await converge(doc, { server, projectId, token, readOnly: true, timeoutMs: options.timeoutMs ?? 60_000 });
  const header = readProjectHeader(doc);
  if (!header) throw new TandaiError("teamCli.errors.emptyShare", { server, projectId });
  const empty = emptyProject(header.id, header.name, header.createdAt);
  const existed = await fsp.stat(dir).then(() => true, () => false);
  const store = await createProjectWithState(dir, empty);
  try {
    const replica = new TeamReplica({ state: store.state, actor: me.name, update: Y.encodeStateAsUpdate(doc), contentHashes: {} });
    const missing = replica.missingTexts([]);
    const onServer = new Set<string>();
    await downloadTexts(store, { server, projectId, token }, missing, onServer);
    const hashes = Object.fromEntries(missing.map(({ documentId, contentHash }) => [documentId, contentHash]));
    const ops = replica.pullRemote(store.state);
    if (ops.length) await store.apply(batch(ops));
    const config: TeamConfig = { format: 1, servers, projectId, member: me.name, role: me.role, token };
    await writeTeamConfig(dir, config);
    await saveReplica(store, replica, { hashes, onServer, lastSyncedAt: new Date().toISOString() });
    await store.close();
    return { dir, projectId, name: header.name, member: me.name, role: me.role, documents: missing.length, operations: ops.length };
  } catch (error) {
    await store.close().catch(() => undefined);
    if (existed) for (const entry of await fsp.readdir(dir)) await fsp.rm(`${dir}/${entry}`, { recursive: true, force: true });
    else await fsp.rm(dir, { recursive: true, force: true });
    throw error;
  }
}
