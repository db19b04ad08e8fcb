import * as Y from "yjs";
import { TandaiError } from "../../../shared/errors.js";
import { batch } from "../../../shared/ops/operation.js";
import { TeamReplica } from "../../../shared/team/index.js";
import { ConvergeFailure, converge } from "./connect.js";
import { whoAmI } from "./http.js";
import { readReplica, writeReplica, type ReplicaRecord } from "./replicaFile.js";
import { exclusively, type SyncTarget } from "./target.js";
import type { TeamConfig } from "./teamFile.js";
import { documentHashes, downloadTexts, uploadTexts } from "./texts.js";

export interface SyncReport {
  /** The instance it converged with. */
  server: string;
  /** Local operations since the last sync, now on the server (0 for a viewer: it cannot write). */
  pushed: number;
  /** Operations pulled from the server and applied locally as one batch. */
  pulled: number;
  textsSent: number;
  textsReceived: number;
  conflicts: number;
  lastSyncedAt: string;
}

export interface SyncOptions {
  timeoutMs?: number;
  /** Told each instance as the sync starts talking to it (the app's status line; tests kill it then). */
  onConnecting?: (server: string) => void;
}

/**
 * One instance after another until one converges: an unreachable instance, or one lost mid-sync,
 * passes to the next (the doc keeps what it got, so nothing is sent twice or lost); a refused
 * token ends it at once. The first request is plain HTTP, so an unreachable server or a refused
 * token is known in milliseconds with its exact message.
 */
async function convergeWithAny(
  doc: Y.Doc,
  config: TeamConfig,
  readOnly: boolean,
  { timeoutMs = 60_000, onConnecting }: SyncOptions,
  beforeConnect: (server: string) => Promise<void>,
): Promise<string> {
  let last: Error | undefined;
  for (const server of config.servers) {
    try {
      const me = await whoAmI(server, config.projectId, config.token);
      if (me.role !== config.role) throw new TandaiError("teamCli.errors.roleChanged", { role: config.role, now: me.role });
      await beforeConnect(server);
      onConnecting?.(server);
      await converge(doc, { server, projectId: config.projectId, token: config.token, readOnly, timeoutMs });
      return server;
    } catch (error) {
      last = error as Error;
      const passOn = (error instanceof ConvergeFailure && !error.final) || (error instanceof TandaiError && error.code === "teamCli.errors.unreachable");
      if (!passOn) throw error;
    }
  }
  throw last!;
}

/**
 * Syncs an open project with its team server: local changes into the replica (commitLocal),
 * texts the server lacks sent, converge with a server instance, texts this member lacks fetched
 * and written, the remote changes applied through the store as ONE batch (durable, journalled,
 * validated like any operation), and the replica saved (atomically) for the next time.
 */
export async function syncOpenProject(target: SyncTarget, config: TeamConfig, options: SyncOptions = {}): Promise<SyncReport> {
  const record = await readReplica(target.dir);
  if (!record) throw new TandaiError("teamCli.errors.noReplica", { dir: target.dir });
  const hashes = await documentHashes(target, target.state, record.contentHashes);
  // Built from the last sync's snapshot, the replica commits what changed locally since (commitLocal).
  const replica = new TeamReplica({ state: target.state, actor: config.member, base: record.base, update: record.update, contentHashes: hashes });
  const readOnly = config.role === "viewer";
  const pushed = readOnly ? 0 : target.sequence - record.syncedSequence;
  const onServer = new Set(record.onServer);
  let textsSent = 0;
  const server = await convergeWithAny(replica.doc, config, readOnly, options, async (server) => {
    // Texts first: a member who sees a document in the doc can always fetch its text.
    if (!readOnly) textsSent += await uploadTexts(target, { server, projectId: config.projectId, token: config.token }, hashes, onServer);
  });
  const context = { server, projectId: config.projectId, token: config.token };
  const missing = replica.missingTexts(Object.keys(target.state.documents) as never);
  const textsReceived = await downloadTexts(target, context, missing, onServer);
  for (const { documentId, contentHash } of missing) hashes[documentId] = contentHash;
  // Pulled, applied and saved with no local change in between (the app offers that; the CLI holds
  // the project alone): what is pulled is computed from the state it lands on.
  const lastSyncedAt = new Date().toISOString();
  const pulled = await exclusively(target, async () => {
    const ops = replica.pullRemote(target.state);
    if (ops.length) await target.apply(batch(ops));
    await saveReplica(target, replica, { hashes, onServer, lastSyncedAt });
    return ops.length;
  });
  return { server, pushed, pulled, textsSent, textsReceived, conflicts: replica.conflicts().length, lastSyncedAt };
}

/** Saves the replica's snapshot with the sync's bookkeeping (what status reads offline). */
export async function saveReplica(
  target: SyncTarget,
  replica: TeamReplica,
  bookkeeping: { hashes: ReplicaRecord["contentHashes"]; onServer: Set<string>; lastSyncedAt: string | null; syncedSequence?: number },
): Promise<void> {
  const { update, base } = replica.snapshot();
  const hashes = Object.fromEntries(Object.entries(bookkeeping.hashes).filter(([id]) => id in target.state.documents));
  await writeReplica(target.dir, { update, base, contentHashes: hashes, onServer: [...bookkeeping.onServer], lastSyncedAt: bookkeeping.lastSyncedAt, syncedSequence: bookkeeping.syncedSequence ?? target.sequence });
}
