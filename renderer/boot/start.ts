import { callEnvelope } from "./transport.js";

/**
 * The first screen's requests, sent once per page by the boot script (boot/index.ts, loaded by its
 * own small script tag ahead of the app's bundle, see vite.config.ts), so the backend reads the
 * project while the browser downloads, parses and runs the ~1.2 MB of the app's code instead of
 * after (docs/ARCHITECTURE.md, "The cold start"). The project is one request (`startProject`: the
 * open one, else the last one, first-screen): a second request sent on the first one's answer
 * would wait for the main thread, busy running the bundle. Each answer stays an envelope,
 * unwrapped by the app (errors, store warnings) as any answer is.
 */
export interface FirstScreenAnswers {
  preferences: Promise<unknown>;
  appInfo: Promise<unknown>;
  /** The envelope of `startProject` (shared/ipc/contract.ts, StartProject: with the first document's text). */
  project: Promise<unknown>;
}

export function askFirstScreen(): FirstScreenAnswers {
  return { project: callEnvelope("startProject", {}), preferences: callEnvelope("getPreferences", {}), appInfo: callEnvelope("appInfo", {}) };
}
