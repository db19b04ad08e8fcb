import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { EventEmitter } from "node:events";
import type { DocumentId } from "../../../shared/model/ids.js";
import { batch, type Operation } from "../../../shared/ops/operation.js";
import { TeamReplica, type TeamConflict, type TeamResolution } from "../../../shared/team/index.js";
import { FLUSH_DONE, FLUSH_REQUEST } from "../server/durable.js";
import { readReplica } from "./replicaFile.js";
import { saveReplica } from "./sync.js";
import { exclusively, type SyncTarget } from "./target.js";
import type { TeamConfig } from "./teamFile.js";
import { documentHashes, downloadTexts, uploadTexts } from "./texts.js";

export interface SessionStatus {
  online: boolean;
  /** The instance connected to, or the one being tried. */
  server: string;
  /** Local operations not yet confirmed stored by the server. */
  waiting: number;
  lastSyncedAt: string | null;
  /** When the connection was lost (null while online, or before the first connection). */
  offlineSince: string | null;
  conflicts: number;
  /** Set when the server refused the token: the session stops trying. */
  refused: boolean;
}

const RETRY_MS = [200, 500, 1000, 2000, 5000];

/** Who else is online in the project, and in which document (Yjs awareness; not stored anywhere). */
export interface Presence {
  member: string;
  role: string;
  documentId: DocumentId | null;
}

/**
 * A member's project kept in sync continuously while it is open (the app's side; `team sync` is the
 * one-shot form): the replica's doc stays connected, each local operation is committed as it is
 * applied, remote changes are pulled and applied through the target as one batch each, and the
 * server's flush confirmations move "synced". A lost instance passes to the next, forever, with
 * back-off; a refused token stops it. Events: "status" (SessionStatus), "applied" (the batch pulled).
 */
export class TeamSession extends EventEmitter {
  private provider?: HocuspocusProvider;
  private socket?: HocuspocusProviderWebsocket;
  private serverIndex = 0;
  private attempts = 0;
  private closed = false;
  private pulling: Promise<void> = Promise.resolve();
  private pullAgain = false;
  private flushTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private flushingAt?: number;
  private state: SessionStatus;
  private documentId: DocumentId | null = null;

  private constructor(
    private readonly target: SyncTarget,
    private readonly config: TeamConfig,
    private readonly replica: TeamReplica,
    private readonly hashes: Record<DocumentId, string>,
    private readonly onServer: Set<string>,
    private syncedSequence: number,
    lastSyncedAt: string | null,
  ) {
    super();
    this.state = { online: false, server: config.servers[0]!, waiting: this.waitingNow(), lastSyncedAt, offlineSince: null, conflicts: replica.conflicts().length, refused: false };
    replica.doc.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin !== replica.origin) this.schedulePull();
    });
  }

  static async open(target: SyncTarget, config: TeamConfig): Promise<TeamSession> {
    const record = await readReplica(target.dir);
    const hashes = await documentHashes(target, target.state, record?.contentHashes ?? {});
    const replica = new TeamReplica({ state: target.state, actor: config.member, base: record?.base, update: record?.update, contentHashes: hashes });
    const session = new TeamSession(target, config, replica, hashes, new Set(record?.onServer ?? []), record?.syncedSequence ?? 0, record?.lastSyncedAt ?? null);
    session.connect();
    return session;
  }

  get status(): SessionStatus {
    return { ...this.state };
  }

  private readonly readOnly = () => this.config.role === "viewer";
  private waitingNow = () => (this.readOnly() ? 0 : Math.max(0, this.target.sequence - this.syncedSequence));

  private update(changes: Partial<SessionStatus>): void {
    this.state = { ...this.state, ...changes, waiting: this.waitingNow(), conflicts: this.replica.conflicts().length };
    this.emit("status", this.status);
  }

  private connect(): void {
    if (this.closed) return;
    const server = this.config.servers[this.serverIndex % this.config.servers.length]!;
    this.update({ server });
    const socket = new HocuspocusProviderWebsocket({ url: server, WebSocketPolyfill: globalThis.WebSocket, maxAttempts: 1, autoConnect: false });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: this.config.projectId,
      document: this.replica.doc,
      token: this.config.token,
      onAuthenticationFailed: () => {
        this.update({ refused: true, online: false });
        this.drop();
      },
      onSynced: () => {
        this.attempts = 0;
        this.update({ online: true, offlineSince: null });
        void this.uploadPending().then(() => this.scheduleFlush());
        this.schedulePull();
      },
      onClose: () => this.lost(),
      onUnsyncedChanges: ({ number }) => number === 0 && this.scheduleFlush(),
      onStateless: ({ payload }) => {
        if (payload !== FLUSH_DONE || this.flushingAt === undefined) return;
        this.syncedSequence = this.flushingAt;
        this.flushingAt = undefined;
        this.update({ lastSyncedAt: new Date().toISOString() });
        void this.save();
      },
    });
    socket.on("maxAttemptsFailed", () => this.lost());
    provider.on("awarenessChange", () => this.emit("presence", this.presence()));
    this.provider = provider;
    this.announce();
    this.socket = socket;
    provider.attach();
    void socket.connect();
  }

  private drop(): void {
    this.provider?.destroy();
    this.socket?.destroy();
    this.provider = undefined;
    this.socket = undefined;
  }

  /** The connection is gone (or never came): try the next instance after a back-off. */
  private lost(): void {
    if (this.closed || this.state.refused || !this.provider) return;
    this.drop();
    this.flushingAt = undefined;
    this.update({ online: false, offlineSince: this.state.offlineSince ?? new Date().toISOString() });
    this.serverIndex++;
    const delay = RETRY_MS[Math.min(this.attempts++, RETRY_MS.length - 1)]!;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  /** The conflicts the merge surfaced, oldest first. */
  conflicts(): TeamConflict[] {
    return this.replica.conflicts();
  }

  /** Records the member's choice in the doc; returns its operations, to apply as this member's own change. */
  resolve(conflictId: string, choice: TeamResolution): Operation[] {
    const ops = this.replica.resolve(conflictId, choice);
    this.update({});
    return ops;
  }

  /** Offline: try the server now rather than after the back-off (a refused token stays refused). */
  retryNow(): void {
    if (this.closed || this.state.refused || this.state.online) return;
    clearTimeout(this.retryTimer);
    this.drop();
    this.connect();
  }

  /** Tells the others which document this member has open (null: none). */
  setPresence(documentId: DocumentId | null): void {
    this.documentId = documentId;
    this.announce();
  }

  private announce(): void {
    this.provider?.setAwarenessField("tandai", { member: this.config.member, role: this.config.role, documentId: this.documentId } satisfies Presence);
  }

  /** The other members online now (one entry per open copy). */
  presence(): Presence[] {
    const awareness = this.provider?.awareness;
    if (!awareness) return [];
    const others: Presence[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const presence = (state as { tandai?: Presence }).tandai;
      if (clientId !== awareness.clientID && presence) others.push(presence);
    }
    return others;
  }

  /** A local operation was applied and is durable: into the replica (and its text to the server). */
  async localApplied(op: Operation): Promise<void> {
    if (this.readOnly()) return this.update({});
    Object.assign(this.hashes, await documentHashes(this.target, this.target.state, this.hashes));
    if (this.state.online) await this.uploadPending();
    this.replica.commitLocal(this.target.state, this.hashes, op);
    this.update({});
  }

  private async uploadPending(): Promise<void> {
    if (this.readOnly()) return;
    try {
      await uploadTexts(this.target, { server: this.state.server, projectId: this.config.projectId, token: this.config.token }, this.hashes, this.onServer);
    } catch {
      // Offline or refused: tried again at the next connection.
    }
  }

  private scheduleFlush(): void {
    if (this.readOnly() || !this.provider || this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      if (!this.provider || !this.state.online || this.provider.unsyncedChanges > 0) return;
      this.flushingAt = this.target.sequence;
      this.provider.sendStateless(FLUSH_REQUEST);
    }, 300);
  }

  /** Pulls are serialised; one arriving during a pull runs once after it. */
  private schedulePull(): void {
    if (this.pullAgain) return;
    this.pullAgain = true;
    this.pulling = this.pulling.then(async () => {
      this.pullAgain = false;
      if (this.closed) return;
      try {
        const missing = this.replica.missingTexts(Object.keys(this.target.state.documents) as DocumentId[]);
        await downloadTexts(this.target, { server: this.state.server, projectId: this.config.projectId, token: this.config.token }, missing, this.onServer);
        for (const { documentId, contentHash } of missing) this.hashes[documentId] = contentHash;
        // Pulled and applied with no local change in between (the app's backend offers that):
        // the operations are computed from the state they land on.
        const op = await exclusively(this.target, async () => {
          const ops = this.replica.pullRemote(this.target.state);
          if (!ops.length) return null;
          const pulled = batch(ops);
          const before = this.target.sequence;
          await this.target.apply(pulled);
          // The pulled batch is no local change waiting to be sent.
          this.syncedSequence += this.target.sequence - before;
          return pulled;
        });
        if (op) this.emit("applied", op);
        this.update({});
      } catch (error) {
        // A text not on the server yet (its sender still uploading), or the server away: later.
        this.emit("pullFailed", error);
        setTimeout(() => this.schedulePull(), 1000).unref();
      }
    });
  }

  private save(): Promise<void> {
    // What was sent but not confirmed stays "waiting": syncedSequence moves only on a flush answer.
    return saveReplica(this.target, this.replica, { hashes: this.hashes, onServer: this.onServer, lastSyncedAt: this.state.lastSyncedAt, syncedSequence: this.syncedSequence });
  }

  /** Stops syncing and saves the replica (the next session, or `team sync`, continues from it). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.flushTimer);
    clearTimeout(this.retryTimer);
    this.drop();
    await this.pulling;
    await this.save();
  }
}
