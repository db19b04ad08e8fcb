import { TandaiError, type MenuCommand, type TandaiApi } from "../../shared/index.js";
import type { PreloadBridge } from "../boot/transport.js";
import { reportStoreWarnings } from "./storeWarnings.js";
import { createWebApi } from "./webClient.js";

/** Unwraps a transport envelope, turning a carried error back into a TandaiError. */
export function unwrap<T>(envelope: unknown): T {
  const e = envelope as { ok: boolean; value?: T; error?: { code: string; params: Record<string, string | number> } };
  if (e.ok) {
    reportStoreWarnings(e.value);
    return e.value as T;
  }
  throw new TandaiError(e.error?.code ?? "errors.unexpected", e.error?.params ?? {});
}

function createElectronApi(bridge: PreloadBridge): TandaiApi {
  return new Proxy({} as TandaiApi, {
    get: (_target, name: string) => async (args: unknown) => unwrap(await bridge.api[name]!(args ?? {})),
  });
}

/** The backend, over Electron IPC when the preload is there, else over the local web server. */
export const api: TandaiApi = window.tandai ? createElectronApi(window.tandai) : createWebApi(unwrap);

export function onMenuCommand(listener: (command: MenuCommand) => void): void {
  window.tandai?.onMenuCommand(listener);
}
