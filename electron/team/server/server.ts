import { Redis } from "@hocuspocus/extension-redis";
import { Server, type Extension, type onAuthenticatePayload } from "@hocuspocus/server";
import { TandaiError } from "../../../shared/errors.js";
import { teamRoutes } from "./api.js";
import { canWrite, ensureAdminToken, memberFor } from "./auth.js";
import type { TeamServerConfig } from "./config.js";
import { redact } from "./config.js";
import { durableFlush } from "./durable.js";
import { openStore } from "./openStore.js";
import { TeamPersistence } from "./persistence.js";
import { stampPresence } from "./presence.js";
import { revocations as revocationsOf, type Revocations } from "./revocations.js";
import type { Member, TeamServerStore } from "./store.js";

export interface RunningTeamServer {
  /** ws://host:port — what members put in `--server`. */
  url: string;
  port: number;
  /** Set only at the first start without TANDAI_TEAM_ADMIN_TOKEN: print it, it is not kept. */
  generatedAdminToken?: string;
  server: Server;
  store: TeamServerStore;
  close(): Promise<void>;
}

/** The reason a refused connection carries to the provider (its onAuthenticationFailed). */
export const TOKEN_REFUSED = "tandai:token-refused";

function redisExtension(url: string): Redis {
  const parsed = new URL(url);
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    prefix: "tandai",
    options: {
      username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
      password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
      db: Number(parsed.pathname.slice(1) || 0),
      tls: parsed.protocol === "rediss:" ? {} : undefined,
      // A server whose Redis is gone must say so, not queue commands forever.
      maxRetriesPerRequest: 3,
    },
  });
}

async function reachable(redis: Redis, url: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.pub.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer in 5 s")), 5000);
      }),
    ]);
  } catch (error) {
    throw new TandaiError("teamCli.errors.redisUnreachable", { url: redact(url), detail: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tandai's configuration of Hocuspocus: one Yjs document per shared project (named by its
 * server-side id), every connection authenticated by a member token (a viewer's connection is
 * read-only, so the server drops their updates), persisted through the Database extension into
 * the store (appended, never overwritten), optionally fanned out to other instances through Redis;
 * and the HTTP routes (sharing, members, texts) on the same port.
 */
export async function startTeamServer(config: TeamServerConfig): Promise<RunningTeamServer> {
  const store = await openStore(config.store);
  const redis = config.redis ? redisExtension(config.redis) : undefined;
  let revocations: Revocations | undefined;
  try {
    if (redis) await reachable(redis, config.redis!);
    const generatedAdminToken = await ensureAdminToken(store, config.adminToken);
    const persistence = new TeamPersistence(store);
    const extensions: Extension[] = [persistence, durableFlush(persistence)];
    if (redis) extensions.unshift(redis);
    // eslint-disable-next-line prefer-const -- the revocations need the instance, made after them
    let server: Server;
    revocations = revocationsOf(() => server.hocuspocus, store, redis, config.revocationSweepMs);
    const routes = teamRoutes(store, revocations);
    server = new Server({
      name: "tandai-team",
      port: config.port,
      address: config.host,
      quiet: true,
      stopOnSignals: false,
      debounce: 1000,
      maxDebounce: 5000,
      extensions,
      async onAuthenticate({ documentName, token, connectionConfig }: onAuthenticatePayload) {
        const member = await memberFor(store, documentName, token);
        // No message: Hocuspocus logs a hook's error message, and a wrong token is no server fault.
        if (!member) throw Object.assign(new Error(), { reason: TOKEN_REFUSED });
        // Enforced by Hocuspocus itself: a read-only connection's sync steps and updates are not applied.
        connectionConfig.readOnly = !canWrite(member.role);
        return { member };
      },
      async beforeHandleAwareness({ context, states }) {
        stampPresence(states, (context as { member?: Member } | undefined)?.member);
      },
      async onRequest({ request, response }) {
        // A handled request rejects with nothing: Hocuspocus then skips its default answer.
        if (await routes(request, response)) throw null;
      },
    });
    await server.listen();
    const port = server.address.port;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host;
    return {
      url: `ws://${host}:${port}`,
      port,
      generatedAdminToken,
      server,
      store,
      async close() {
        await revocations?.close();
        await server.destroy();
        await store.close();
      },
    };
  } catch (error) {
    await revocations?.close();
    await redis?.onDestroy().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}
