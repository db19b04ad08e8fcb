import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type * as Y from "yjs";
import { TandaiError } from "../../../shared/errors.js";
import { FLUSH_DONE, FLUSH_FAILED, FLUSH_REQUEST } from "../server/durable.js";

export interface ConvergeOptions {
  server: string;
  projectId: string;
  token: string;
  /** A viewer cannot write: it only waits for the server's state, and asks for no flush. */
  readOnly: boolean;
  timeoutMs: number;
}

/** Why one attempt ended without converging; `final` when another instance would say the same. */
export class ConvergeFailure extends TandaiError {
  constructor(
    code: string,
    params: Record<string, string | number>,
    readonly final: boolean,
  ) {
    super(code, params);
  }
}

/**
 * Connects `doc` to one server instance and resolves once both sides hold the same state and the
 * server has written it to its database: the server's state received (synced), every local update
 * acknowledged (unsyncedChanges 0), then a flush asked and answered. Rejects on a refused token,
 * a connection lost before that, or the time limit. The provider is destroyed either way; the doc
 * keeps what it received, so a retry on another instance sends only what is still missing.
 */
export function converge(doc: Y.Doc, options: ConvergeOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const socket = new HocuspocusProviderWebsocket({
      url: options.server,
      WebSocketPolyfill: globalThis.WebSocket,
      // One attempt per call: failing over to another instance is the caller's choice.
      maxAttempts: 1,
      autoConnect: false,
      onMaxAttemptsFailed: () => finish(new ConvergeFailure("teamCli.errors.connectionLost", { server: options.server }, false)),
    });
    let flushing = false;
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      provider.destroy();
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new ConvergeFailure("teamCli.errors.timeout", { server: options.server, seconds: Math.round(options.timeoutMs / 1000) }, false)), options.timeoutMs);
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: options.projectId,
      document: doc,
      token: options.token,
      onAuthenticationFailed: () => finish(new ConvergeFailure("teamCli.errors.tokenRefused", { server: options.server }, true)),
      onClose: () => finish(new ConvergeFailure("teamCli.errors.connectionLost", { server: options.server }, false)),
      onStateless: ({ payload }) => {
        if (payload === FLUSH_DONE) finish();
        else if (payload === FLUSH_FAILED) finish(new ConvergeFailure("teamCli.errors.serverStoreFailed", { server: options.server }, false));
      },
    });
    const check = () => {
      if (done || flushing || !provider.isAuthenticated || !provider.synced) return;
      if (options.readOnly) return finish();
      if (provider.unsyncedChanges > 0) return;
      flushing = true;
      provider.sendStateless(FLUSH_REQUEST);
    };
    provider.on("synced", check);
    provider.on("unsyncedChanges", check);
    provider.on("authenticated", check);
    // With its own socket, a provider starts only once attached (which connects the socket).
    provider.attach();
    void socket.connect();
  });
}
