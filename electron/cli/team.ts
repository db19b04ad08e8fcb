import { resolve } from "node:path";
import { TandaiError, toErrorPayload } from "../../shared/errors.js";
import { countWords } from "../../shared/i18n/counts.js";
import { joinLink, parseJoinLink, serverAddresses } from "../team/client/address.js";
import { joinProject } from "../team/client/join.js";
import { invitationLink, inviteMember, listMembers, revokeMember } from "../team/client/members.js";
import { shareProject } from "../team/client/share.js";
import { teamStatus } from "../team/client/status.js";
import { syncOpenProject } from "../team/client/sync.js";
import { readTeamConfig } from "../team/client/teamFile.js";
import { cliCoderName } from "./coderName.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { withProject } from "./project.js";

type Sub = (ctx: CliContext, positionals: string[], values: CliValues) => Promise<number | void>;

const need = (command: string, argument: string, value: string | undefined): string => {
  if (!value) throw new TandaiError("teamCli.errors.missingArgument", { command, argument });
  return value;
};
const option = (name: string, value: string | undefined): string => {
  if (!value?.trim()) throw new TandaiError("teamCli.errors.missingOption", { option: name });
  return value.trim();
};
function timeoutMs(values: CliValues): number | undefined {
  if (values.timeout === undefined) return undefined;
  const seconds = Number(values.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new TandaiError("teamCli.errors.badTimeout", { value: values.timeout });
  return seconds * 1000;
}

/** Exit statuses of sync that a script can act on: the server is away (retry later), or the token is refused. */
const SYNC_EXIT: Record<string, number> = { "teamCli.errors.unreachable": 2, "teamCli.errors.connectionLost": 2, "teamCli.errors.timeout": 2, "teamCli.errors.tokenRefused": 3 };

const share: Sub = async (ctx, [dirArg], values) => {
  const dir = resolve(need("share", "<dir>", dirArg));
  const servers = serverAddresses(option("--server", values.server), "--server");
  const adminToken = option("--admin-token", values["admin-token"]);
  const owner = values.name?.trim() || (await cliCoderName());
  const result = await withProject(dir, (store) => shareProject(store, servers, adminToken, owner, { timeoutMs: timeoutMs(values) }));
  report(ctx, { dir, ...result, link: joinLink(result.server, result.projectId) }, ctx.t("teamCli.shared", { ...result, count: result.documents }));
};

const invite: Sub = async (ctx, [dirArg], values) => {
  const dir = resolve(need("invite", "<dir>", dirArg));
  const name = option("--name", values.name);
  const role = option("--role", values.role);
  if (role !== "coder" && role !== "viewer") throw new TandaiError("teamCli.errors.badRole");
  const config = await readTeamConfig(dir);
  const invited = await inviteMember(config, name, role);
  const link = invitationLink(config);
  report(ctx, { ...invited, link, projectId: config.projectId }, ctx.t("teamCli.invited", { ...invited, link }));
};

const revoke: Sub = async (ctx, [dirArg], values) => {
  const dir = resolve(need("revoke", "<dir>", dirArg));
  const name = option("--name", values.name);
  const result = await revokeMember(await readTeamConfig(dir), name);
  report(ctx, result, ctx.t("teamCli.revoked", { name: result.revoked }));
};

const members: Sub = async (ctx, [dirArg]) => {
  const dir = resolve(need("members", "<dir>", dirArg));
  const { members: list } = await listMembers(await readTeamConfig(dir));
  if (ctx.json) {
    ctx.print(JSON.stringify({ ok: true, members: list }));
    return;
  }
  for (const one of list) ctx.print(ctx.t(one.revokedAt ? "teamCli.memberRevoked" : "teamCli.member", { ...one, revokedAt: one.revokedAt ?? "" }));
};

const join: Sub = async (ctx, [link, dirArg], values) => {
  const { servers, projectId } = parseJoinLink(need("join", "<link>", link));
  const dir = resolve(need("join", "<dir>", dirArg));
  const result = await joinProject(servers, projectId, option("--token", values.token), dir, { timeoutMs: timeoutMs(values) });
  report(ctx, result, ctx.t("teamCli.joined", { ...result, count: result.documents }));
};

const sync: Sub = async (ctx, [dirArg], values) => {
  const dir = resolve(need("sync", "<dir>", dirArg));
  const config = await readTeamConfig(dir);
  try {
    const result = await withProject(dir, (store) => syncOpenProject(store, config, { timeoutMs: timeoutMs(values) }));
    report(ctx, result, ctx.t("teamCli.synced", { ...result, ...countWords(ctx.t, { pushed: result.pushed, pulled: result.pulled, textsSent: result.textsSent }) }));
    if (!ctx.json && result.conflicts) ctx.print(ctx.t("teamCli.conflicts", { count: result.conflicts }));
  } catch (error) {
    const status = error instanceof TandaiError ? SYNC_EXIT[error.code] : undefined;
    if (status === undefined) throw error;
    const payload = toErrorPayload(error);
    const message = ctx.t(payload.code, payload.params);
    if (ctx.json) ctx.print(JSON.stringify({ ok: false, error: { ...payload, message } }));
    ctx.printError(message);
    return status;
  }
};

const status: Sub = async (ctx, [dirArg]) => {
  const dir = resolve(need("status", "<dir>", dirArg));
  const result = await withProject(dir, (store) => teamStatus(store));
  const at = result.lastSyncedAt ?? ctx.t("teamCli.status.never");
  const params = { at, server: result.servers.join(", "), member: result.member, role: result.role, count: result.waiting };
  report(ctx, result, ctx.t(result.synced ? "teamCli.status.synced" : "teamCli.status.waiting", params));
};

const subcommands: Record<string, Sub> = {
  serve: async (ctx, positionals, values) => (await import("./teamServe.js")).teamServeCommand(ctx, positionals, values),
  share,
  invite,
  revoke,
  members,
  join,
  sync,
  status,
};

/** `tandai team <subcommand> …`: the team server and a member's side of a shared project. */
export async function teamCommand(ctx: CliContext, [sub, ...rest]: string[], values: CliValues) {
  if (!sub) {
    ctx.print(ctx.t("teamCli.usage"));
    return 0;
  }
  const run = subcommands[sub];
  if (!run) throw new TandaiError("teamCli.errors.unknownSubcommand", { command: sub });
  return run(ctx, rest, values);
}
