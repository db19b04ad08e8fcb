import { userInfo } from "node:os";
import { Backend } from "../backend/backend.js";
import { defaultLocations, type BackendContext } from "../backend/context.js";
import { tandaiVersion } from "./version.js";

/**
 * The same backend the app uses, with the CLI user's home folder and preferences. `tandai serve`
 * is the app (a search index built in the background, a team project kept in sync); a one-shot
 * command asks for neither.
 */
export async function cliBackend(exportWorker?: URL, options: Pick<BackendContext, "indexInBackground" | "teamSync"> = {}): Promise<Backend> {
  // dist/cli.js parses imports on the worker bundled beside the app's main process (when run from
  // the source tree there is none, and imports run in-process).
  const importWorker = new URL("./electron/importWorker.mjs", import.meta.url);
  return new Backend({ ...defaultLocations(), version: tandaiVersion(), transport: "web", systemLocale: process.env.LC_ALL || process.env.LANG, userName: userInfo().username, exportWorker, importWorker, ...options }).init();
}
