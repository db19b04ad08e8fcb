import { encodeWire, type TandaiApi } from "../../shared/index.js";
import { callEnvelope } from "../boot/transport.js";

/**
 * The web transport: each call is a POST to /api/<channel> carrying the access token the server
 * printed in the app's URL. The token is moved out of the address bar into session storage.
 */
export function createWebApi(unwrap: <T>(envelope: unknown) => T): TandaiApi {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get("token");
  if (fromUrl) {
    sessionStorage.setItem("tandai-token", fromUrl);
    params.delete("token");
    history.replaceState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}${location.hash}`);
  }
  return new Proxy({} as TandaiApi, {
    get: (_target, name: string) => async (args: unknown) => unwrap(await callEnvelope(name, args, () => encodeWire(args ?? {}))),
  });
}

/**
 * Where the web server hands out a file of the open project's `exports` folder (GET, with the
 * access token in the address, as a link cannot carry a header).
 */
export function exportDownloadUrl(fileName: string): string {
  return `/exports/${encodeURIComponent(fileName)}?token=${encodeURIComponent(sessionStorage.getItem("tandai-token") ?? "")}`;
}
