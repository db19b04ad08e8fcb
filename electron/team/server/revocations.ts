import type { Redis } from "@hocuspocus/extension-redis";
import type { Hocuspocus } from "@hocuspocus/server";
import type { Member, TeamServerStore } from "./store.js";

/**
 * The Redis channel on which an instance tells the others that a member was revoked. Beside the
 * Redis extension's own channels (`tandai:<document>`, `tandai#reply:<instance>`), never one of them.
 */
export const REVOKED_CHANNEL = "tandai#revoked";

/**
 * How often every instance checks its open connections against the members table anyway: Redis
 * pub/sub delivers at most once (a message sent while an instance's subscriber reconnects is lost,
 * and so is one sent while Redis is down), so this is the bound on how long a revoked member can
 * keep a connection in the worst case. One query per open project per minute.
 */
export const SWEEP_MS = 60_000;

export interface Revocations {
  /** A member was revoked in the store: end their connections here and on every other instance. */
  revoked(projectId: string, name: string): Promise<void>;
  close(): Promise<void>;
}

const memberOf = (connection: { context: unknown }) => (connection.context as { member?: Member } | undefined)?.member;

/** Ends this instance's connections of the named members of a project; how many it ended. */
export function closeConnections(instance: Hocuspocus, projectId: string, names: ReadonlySet<string>): number {
  let closed = 0;
  for (const connection of instance.documents.get(projectId)?.getConnections() ?? []) {
    const member = memberOf(connection);
    if (member && names.has(member.name)) {
      connection.close();
      closed++;
    }
  }
  return closed;
}

/**
 * A revoke ends the member's connections on every instance, not only the one that handled it: the
 * handling instance closes its own at once and publishes the revocation on Redis, where every
 * instance (subscribed for the server's lifetime) closes theirs. Because pub/sub can lose a message,
 * each instance also re-checks all its connections against the store after its subscriber
 * reconnects and every `sweepMs` — so "revoked" is certain within that bound even without Redis.
 * (A name is never reused in a project, so checking by name is checking the token.)
 */
export function revocations(instance: () => Hocuspocus, store: TeamServerStore, redis: Redis | undefined, sweepMs = SWEEP_MS): Revocations {
  const subscriber = redis?.pub.duplicate();
  const sweep = async () => {
    for (const projectId of [...instance().documents.keys()]) {
      const members = await store.listMembers(projectId);
      const revoked = new Set(members.filter((member) => member.revokedAt).map((member) => member.name));
      if (revoked.size) closeConnections(instance(), projectId, revoked);
    }
  };
  const sweepQuietly = () => void sweep().catch((error: unknown) => console.error("tandai-team: checking connections against revocations failed:", error));
  const timer = setInterval(sweepQuietly, sweepMs);
  timer.unref();
  if (subscriber) {
    subscriber.on("message", (channel: string, message: string) => {
      if (channel !== REVOKED_CHANNEL) return;
      try {
        const { projectId, name } = JSON.parse(message) as { projectId: string; name: string };
        closeConnections(instance(), projectId, new Set([name]));
      } catch {
        // Not ours: nothing on this channel but the JSON written below.
      }
    });
    // ioredis re-subscribes after a reconnect ("ready" again); whatever was published meanwhile is
    // lost, so look at the store instead. The first "ready" finds nothing to close.
    subscriber.on("ready", sweepQuietly);
    void subscriber.subscribe(REVOKED_CHANNEL).catch((error: unknown) => console.error("tandai-team: subscribing to revocations failed:", error));
  }
  return {
    async revoked(projectId, name) {
      closeConnections(instance(), projectId, new Set([name]));
      try {
        await redis?.pub.publish(REVOKED_CHANNEL, JSON.stringify({ projectId, name }));
      } catch (error) {
        // The revoke is stored; the other instances' sweep ends the connection within SWEEP_MS.
        console.error("tandai-team: telling the other instances of a revocation failed:", error);
      }
    },
    async close() {
      clearInterval(timer);
      subscriber?.disconnect(false);
    },
  };
}
