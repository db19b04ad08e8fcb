import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { startWebServer } from "../web/server.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { cliBackend } from "./backend.js";

/** Serves the app on 127.0.0.1 until interrupted, with `dir` open if one is given. */
export async function serveCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  // dist/cli.js runs exports on the worker bundled beside the app's main process.
  // The app in a browser: a team project syncs in the background, as in the desktop app.
  const backend = await cliBackend(new URL("./electron/exportWorker.mjs", import.meta.url), { teamSync: true });
  if (dirArg) await backend.openProject({ dir: resolve(dirArg) });
  // dist/cli.js serves dist/renderer, built by `npm run build`.
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), "renderer");
  const server = await startWebServer(backend, rendererDir, Number(values.port ?? 0));
  if (ctx.json) ctx.print(JSON.stringify({ ok: true, url: server.url }));
  else ctx.print(ctx.t("cli.serving", { url: server.url }));
  const stop = async () => {
    await backend.closeProject();
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}
