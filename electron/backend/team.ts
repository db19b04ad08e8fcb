import { TandaiError, type DocumentId, type Operation, type TeamAppStatus, type TeamInvitation, type TeamMember } from "../../shared/index.js";
import type { TeamConflict, TeamResolution } from "../../shared/team/index.js";
import { invitationLink, inviteMember, listMembers, revokeMember } from "../team/client/members.js";
import { TeamSession } from "../team/client/session.js";
import type { SyncTarget } from "../team/client/target.js";
import { readTeamConfig, type TeamConfig } from "../team/client/teamFile.js";
import type { DiskProjectStore } from "../store/index.js";

/** What the app's team sync needs of the backend: remote changes go through it, in its order of changes. */
export interface TeamHost {
  /** Runs `task` while no other change is being applied (a pull and its apply must see the latest state). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Applies a batch pulled from the server: durable and numbered for the mirror, but not an undo step of this member's. */
  applyRemote(op: Operation): Promise<Operation>;
}

/**
 * A team project open in the app (or `tandai serve`): the live TeamSession (electron/team/client/
 * session.ts) connected while the project is open, and its status as the app shows it. Local work
 * never waits for the server: every change is durable locally first.
 */
export class AppTeam {
  private presentIn: string | null = null;

  private constructor(
    private readonly session: TeamSession,
    private readonly config: TeamConfig,
  ) {}

  /** The team side of a project shared with a team, connected; null for a project that is not. */
  static async open(store: DiskProjectStore, host: TeamHost): Promise<AppTeam | null> {
    let config: TeamConfig;
    try {
      config = await readTeamConfig(store.dir);
    } catch (error) {
      if (error instanceof TandaiError && error.code === "teamCli.errors.notShared") return null;
      throw error;
    }
    // A shared project's state goes to the team only once it has passed its check (a deferred open
    // answers the first screen before): a damaged snapshot must not reach the others.
    await store.checked;
    const target: SyncTarget = {
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
    return new AppTeam(await TeamSession.open(target, config), config);
  }

  /** A local change was applied (and is durable): into the replica, on its way to the others. */
  localApplied(op: Operation): Promise<void> {
    return this.session.localApplied(op);
  }

  status(): Omit<TeamAppStatus, "revision"> {
    const s = this.session.status;
    const state = s.refused ? "refused" : !s.online ? (s.offlineSince ? "offline" : "syncing") : s.waiting > 0 ? "waiting" : "synced";
    return {
      projectId: this.config.projectId,
      server: s.server,
      member: this.config.member,
      role: this.config.role,
      state,
      waiting: s.waiting,
      lastSyncedAt: s.lastSyncedAt,
      offlineSince: s.offlineSince,
      error: s.refused ? { code: "teamCli.errors.tokenRefused", params: { server: s.server } } : null,
      conflicts: s.conflicts,
      online: this.session.presence().map(({ member, role, documentId }) => ({ member, role, documentId: documentId ?? null })),
    };
  }

  /** "Sync now": the session syncs on its own while connected; offline, it tries the server at once. */
  syncNow(): Omit<TeamAppStatus, "revision"> {
    this.session.retryNow();
    return this.status();
  }

  /** The document this member has open, for the others' presence; told again only when it changes. */
  setPresence(documentId: string | null): void {
    if (documentId === this.presentIn) return;
    this.presentIn = documentId;
    this.session.setPresence(documentId as DocumentId | null);
  }

  conflicts(): TeamConflict[] {
    return this.session.conflicts();
  }

  resolve(conflictId: string, choice: TeamResolution): Operation[] {
    return this.session.resolve(conflictId, choice);
  }

  /**
   * The members as the server lists them: the same client calls as `tandai team members|invite|
   * revoke`, with this member's token. The server decides who may (its owner only) and says so.
   */
  async members(): Promise<TeamMember[]> {
    return (await listMembers(this.config)).members as TeamMember[];
  }

  /** An empty name is refused here, naming the field; the server checks the rest (length, taken). */
  async invite(name: string, role: "coder" | "viewer"): Promise<TeamInvitation> {
    const trimmed = name.trim();
    if (!trimmed) throw new TandaiError("teamMembers.errors.emptyName");
    const invited = await inviteMember(this.config, trimmed, role);
    return { name: invited.name, role, token: invited.token, link: invitationLink(this.config) };
  }

  async revoke(name: string): Promise<TeamMember[]> {
    await revokeMember(this.config, name);
    return this.members();
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
