import { resolve } from "node:path";
import { TandaiError } from "../../../shared/errors.js";

/** Where the server keeps its state. */
export type StoreConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export interface TeamServerConfig {
  port: number;
  /** The address to listen on: 127.0.0.1 unless told, since TLS belongs to a proxy in front. */
  host: string;
  store: StoreConfig;
  /** Redis shared by every instance serving the same projects (scaling across instances). */
  redis?: string;
  /** From TANDAI_TEAM_ADMIN_TOKEN; otherwise the stored one, or one generated at first start. */
  adminToken?: string;
  /** How often open connections are re-checked against revocations (revocations.ts's SWEEP_MS unless told; tests shorten it). */
  revocationSweepMs?: number;
}

export interface ServeOptions {
  port?: string;
  host?: string;
  sqlite?: string;
  postgres?: string;
  redis?: string;
}

/** The options of `tandai team serve`, checked: each mistake names the option and what is wrong. */
export function serveConfig(options: ServeOptions, env: NodeJS.ProcessEnv): TeamServerConfig {
  if (options.port === undefined) throw new TandaiError("teamCli.errors.missingOption", { option: "--port" });
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) throw new TandaiError("teamCli.errors.badPort", { value: options.port });
  if ((options.sqlite === undefined) === (options.postgres === undefined)) throw new TandaiError("teamCli.errors.oneStore");
  const store: StoreConfig = options.sqlite !== undefined ? { kind: "sqlite", file: resolve(options.sqlite) } : { kind: "postgres", url: checkedUrl("--postgres", options.postgres!, ["postgres:", "postgresql:"]) };
  const redis = options.redis === undefined ? undefined : checkedUrl("--redis", options.redis, ["redis:", "rediss:"]);
  const adminToken = env.TANDAI_TEAM_ADMIN_TOKEN?.trim() || undefined;
  if (adminToken !== undefined && adminToken.length < 16) throw new TandaiError("teamCli.errors.shortAdminToken", { count: adminToken.length });
  return { port, host: options.host?.trim() || "127.0.0.1", store, redis, adminToken };
}

function checkedUrl(option: string, value: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TandaiError("teamCli.errors.badUrl", { option, value: redact(value), expected: protocols.map((protocol) => `${protocol}//`).join(", ") });
  }
  if (!protocols.includes(url.protocol)) throw new TandaiError("teamCli.errors.badUrl", { option, value: redact(value), expected: protocols.map((protocol) => `${protocol}//`).join(", ") });
  return value;
}

/** A URL as it may be printed: without its password. */
export function redact(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = "***";
    return url.toString();
  } catch {
    return value.replace(/:[^:@/]*@/, ":***@");
  }
}
