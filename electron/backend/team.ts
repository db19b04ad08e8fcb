import { TandaiError, toErrorPayload, type Operation, type TeamAppStatus } from "../../shared/index.js";
import { TeamReplica, type TeamConflict, type TeamResolution } from "../../shared/team/index.js";
import { saveReplica, syncOpenProject } from "../team/client/sync.js";
import { readReplica } from "../team/client/replicaFile.js";
import type { SyncTarget } from "../team/client/target.js";
import { readTeamConfig, type TeamConfig } from "../team/client/teamFile.js";
import type { DiskProjectStore } from "../store/index.js";

/** What the session needs of the backend: remote changes go through it, in its order of changes. */
export interface TeamHost {
  /** Runs `task` while no other change is being applied (a sync's pull and apply, which must see the latest state). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Applies a batch pulled from the server: durable and numbered for the mirror, but not an undo step of this member's. */
  applyRemote(op: Operation): Promise<Operation>;
}

export interface TeamTiming {
  /** After a local change, how long to wait for more before sending them together. */
  debounceMs: number;
  /** How often to sync anyway, to receive the others' changes. */
  pollMs: number;
}

/** Soon after a change, and every few seconds: a coding reaches the others in about a second. */
export const DEFAULT_TEAM_TIMING: TeamTiming = { debounceMs: 250, pollMs: 3000 };

/** Errors that mean "not reachable now": the project is offline, and the next sync tries again. */
const OFFLINE = new Set(["teamCli.errors.unreachable", "teamCli.errors.connectionLost", "teamCli.errors.timeout"]);
const REFUSED = new Set(["teamCli.errors.tokenRefused", "teamCli.errors.roleChanged", "teamCli.errors.roleRefused"]);

/**
 * The app's side of a team project: syncs in the background while the project is open — soon
 * after each local change, and every few seconds to receive the others' — and keeps the status
 * the app shows (synced / N changes waiting / offline since …). Local work never waits for it:
 * every change is durable locally first, and a sync that fails only says so.
 */
export class TeamSession {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private state: TeamAppStatus["state"] = "waiting";
  private offlineSince: string | null = null;
  private error: TeamAppStatus["error"] = null;
  private lastSyncedAt: string | null = null;
  private server: string;
  private conflictCount = 0;

  private constructor(
    private readonly store: DiskProjectStore,
    private readonly config: TeamConfig,
    private readonly host: TeamHost,
    private readonly timing: TeamTiming,
  ) {
    this.server = config.servers[0]!;
  }

  /** The session of a project shared with a team, started; null for a project that is not. */
  static async open(store: DiskProjectStore, host: TeamHost, timing: TeamTiming = DEFAULT_TEAM_TIMING): Promise<TeamSession | null> {
    let config: TeamConfig;
    try {
      config = await readTeamConfig(store.dir);
    } catch (error) {
      if (error instanceof TandaiError && error.code === "teamCli.errors.notShared") return null;
      throw error;
    }
    const session = new TeamSession(store, config, host, timing);
    const record = await readReplica(store.dir);
    session.lastSyncedAt = record?.lastSyncedAt ?? null;
    session.schedule(0);
    return session;
  }

  /** A local change was applied: send it soon. */
  localChanged(): void {
    if (this.config.role !== "viewer") this.schedule(this.timing.debounceMs);
  }

  /** Syncs now (after any sync already running) and returns the status it leaves. */
  async syncNow(): Promise<Omit<TeamAppStatus, "revision">> {
    await this.serial(() => this.sync());
    return this.status();
  }

  async status(): Promise<Omit<TeamAppStatus, "revision">> {
    const record = await readReplica(this.store.dir).catch(() => undefined);
    const waiting = this.config.role === "viewer" ? 0 : Math.max(0, this.store.sequence - (record?.syncedSequence ?? 0));
    const state = this.state === "synced" && waiting > 0 ? "waiting" : this.state;
    return {
      projectId: this.config.projectId,
      server: this.server,
      member: this.config.member,
      role: this.config.role,
      state,
      waiting,
      lastSyncedAt: this.lastSyncedAt,
      offlineSince: this.offlineSince,
      error: this.error,
      conflicts: this.conflictCount,
    };
  }

  async conflicts(): Promise<TeamConflict[]> {
    return this.serial(async () => (await this.replica())?.conflicts() ?? []);
  }

  /**
   * Records the member's choice in the replica and returns the operations of that choice, which
   * the backend applies as the member's own (undoable) change; the next sync sends both.
   */
  async resolve(conflictId: string, choice: TeamResolution): Promise<Operation[]> {
    return this.serial(async () => {
      const replica = await this.replica();
      if (!replica) throw new TandaiError("team.errors.unknownConflict", { id: conflictId });
      const ops = replica.resolve(conflictId, choice);
      const record = (await readReplica(this.store.dir))!;
      await saveReplica(this.store, replica, { hashes: record.contentHashes, onServer: new Set(record.onServer), lastSyncedAt: record.lastSyncedAt });
      this.conflictCount = replica.conflicts().length;
      return ops;
    });
  }

  /** Stops syncing (the project is closing); a sync under way finishes first. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.serial(() => this.sync()).finally(() => this.schedule(this.timing.pollMs));
    }, delayMs);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async replica(): Promise<TeamReplica | null> {
    const record = await readReplica(this.store.dir);
    if (!record) return null;
    return new TeamReplica({ state: this.store.state, actor: this.config.member, base: record.base, update: record.update, contentHashes: record.contentHashes });
  }

  private async sync(): Promise<void> {
    if (this.closed) return;
    this.state = "syncing";
    try {
      const report = await syncOpenProject(this.target(), this.config);
      this.server = report.server;
      this.lastSyncedAt = report.lastSyncedAt;
      this.conflictCount = report.conflicts;
      this.offlineSince = null;
      this.error = null;
      this.state = "synced";
    } catch (error) {
      const code = error instanceof TandaiError ? error.code : "";
      this.error = toErrorPayload(error);
      if (OFFLINE.has(code)) {
        this.state = "offline";
        this.offlineSince ??= new Date().toISOString();
      } else this.state = REFUSED.has(code) ? "refused" : "failed";
    }
  }

  /** The store as the sync sees it, with remote batches applied through the backend, in its order. */
  private target(): SyncTarget {
    const store = this.store;
    const host = this.host;
    return {
      get dir() {
        return store.dir;
      },
      get state() {
        return store.state;
      },
      get sequence() {
        return store.sequence;
      },
      exclusive: (task) => host.exclusive(task),
      apply: (op) => host.applyRemote(op),
      readDocumentContent: (id) => store.readDocumentContent(id),
      writeDocumentContent: (id, content) => store.writeDocumentContent(id, content),
    };
  }
}
