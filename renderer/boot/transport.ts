/**
 * The one way a call reaches the backend, as the raw envelope it answers ({ok, value} or {ok,
 * error}): over Electron IPC when the preload is there, else a POST to the local web server with
 * the access token. It imports nothing but types, so the boot script (./start.ts) can send the first screen's
 * requests before the app's bundle has even been parsed; api/client.ts unwraps the envelopes.
 */

import type { MenuCommand } from "../../shared/index.js";

/** What the Electron preload exposes on window.tandai. */
export interface PreloadBridge {
  api: Record<string, (args: unknown) => Promise<unknown>>;
  onMenuCommand(listener: (command: MenuCommand) => void): void;
}

declare global {
  interface Window {
    tandai?: PreloadBridge;
  }
}

/** The access token: in the address the server printed, or moved from there into session storage (api/webClient.ts). */
export function webToken(): string {
  return new URLSearchParams(location.search).get("token") ?? sessionStorage.getItem("tandai-token") ?? "";
}

/** Sends one call; `body` is the arguments as the wire carries them (api/webClient.ts encodes bytes). */
export async function callEnvelope(name: string, args: unknown, body: () => string = () => JSON.stringify(args ?? {})): Promise<unknown> {
  const bridge = window.tandai;
  if (bridge) return bridge.api[name]!(args ?? {});
  const response = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tandai-token": webToken() },
    body: body(),
  });
  return response.json();
}
