import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";

/** A member connected and staying connected (as the app would be): its doc, and how to wait on it. */
export interface LiveMember {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once `check(doc)` holds (checked on every update), or rejects after `ms`. */
  until(check: (doc: Y.Doc) => boolean, ms?: number): Promise<void>;
  close(): void;
}

export async function connectLive(url: string, projectId: string, token: string, doc = new Y.Doc()): Promise<LiveMember> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: globalThis.WebSocket, autoConnect: false, delay: 100, minDelay: 50, maxDelay: 500 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: projectId, document: doc, token });
  provider.attach();
  void socket.connect();
  const until = (check: (doc: Y.Doc) => boolean, ms = 10_000) =>
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
    const timer = setTimeout(() => reject(new Error("not synced within 10 s")), 10_000);
    provider.on("synced", () => (clearTimeout(timer), resolve()));
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => (clearTimeout(timer), reject(new Error(`authentication failed: ${reason}`))));
  });
  return {
    doc,
    provider,
    until,
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}
