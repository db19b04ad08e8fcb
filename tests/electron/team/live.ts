import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";

/** A member connected and staying connected (as the app would be): its doc, and how to wait on it. */
export interface LiveMember {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once `check(doc)` holds (checked on every update), or rejects after `ms`. */
  until(check: (doc: Y.Doc) => boolean, ms?: number): Promise<void>;
  /** Resolves once the server has closed this member's connection to the document, or rejects after `ms`. */
  ended(ms?: number): Promise<void>;
  close(): void;
}

export async function connectLive(url: string, projectId: string, token: string, doc = new Y.Doc()): Promise<LiveMember> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: globalThis.WebSocket, autoConnect: false, delay: 100, minDelay: 50, maxDelay: 500 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: projectId, document: doc, token });
  provider.attach();
  void socket.connect();
  // Generous limits: the machine running the tests may be loaded; a pass never waits for them.
  const until = (check: (doc: Y.Doc) => boolean, ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      if (check(doc)) return resolve();
      const timer = setTimeout(() => (doc.off("update", onUpdate), reject(new Error(`condition not met within ${ms} ms`))), ms);
      const onUpdate = () => {
        if (!check(doc)) return;
        clearTimeout(timer);
        doc.off("update", onUpdate);
        resolve();
      };
      doc.on("update", onUpdate);
    });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("not synced within 30 s")), 30_000);
    provider.on("synced", () => (clearTimeout(timer), resolve()));
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => (clearTimeout(timer), reject(new Error(`authentication failed: ${reason}`))));
  });
  // Hocuspocus's connection.close() closes the document's channel, not the shared socket: the provider says "close".
  let closed = false;
  const closedOnce = new Promise<void>((resolve) => provider.on("close", () => ((closed = true), resolve())));
  const ended = (ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      if (closed) return resolve();
      const timer = setTimeout(() => reject(new Error(`the server did not end the connection within ${ms} ms`)), ms);
      void closedOnce.then(() => (clearTimeout(timer), resolve()));
    });
  return {
    doc,
    provider,
    until,
    ended,
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}
