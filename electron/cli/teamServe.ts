import { redact, serveConfig } from "../team/server/config.js";
import { startTeamServer } from "../team/server/server.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";

/** `tandai team serve`: runs the team server until SIGINT/SIGTERM, then stores every open project and stops. */
export async function teamServeCommand(ctx: CliContext, _positionals: string[], values: CliValues) {
  const config = serveConfig({ port: values.port, host: values.host, sqlite: values.sqlite, postgres: values.postgres, redis: values.redis }, process.env);
  const running = await startTeamServer(config);
  const store = config.store.kind === "sqlite" ? `SQLite ${config.store.file}` : `PostgreSQL ${redact(config.store.url)}`;
  if (ctx.json) ctx.print(JSON.stringify({ ok: true, url: running.url, port: running.port, adminToken: running.generatedAdminToken }));
  else {
    const redis = config.redis ? ctx.t("teamCli.redisNote", { url: redact(config.redis) }) : "";
    ctx.print(ctx.t("teamCli.serving", { url: running.url, store, redis }));
    if (running.generatedAdminToken) ctx.print(ctx.t("teamCli.adminTokenGenerated", { token: running.generatedAdminToken }));
  }
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}
