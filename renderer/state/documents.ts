import { useEffect, useState } from "react";
import { toErrorPayload, type DocumentContent, type DocumentId, type ErrorPayload } from "../../shared/index.js";
import { api } from "../api/client.js";
import { useProject } from "./context.js";

export type ContentState = { status: "loading" } | { status: "ready"; content: DocumentContent } | { status: "error"; error: ErrorPayload };

// Document texts never change once imported, so each is fetched once per open project.
const cache = new Map<string, Promise<DocumentContent>>();
/** Texts that came with the app's start (StartProject's `firstText`): drawn at the first render, without a loading state. */
const early = new Map<string, DocumentContent>();
const keyOf = (dir: string, documentId: string) => `${dir}\u0000${documentId}`;

/** Takes the first document's text the app's start brought (App.tsx) as this cache's fetch of it. */
export function seedDocumentContent(dir: string, documentId: DocumentId, content: DocumentContent): void {
  const key = keyOf(dir, documentId);
  if (cache.has(key)) return;
  cache.set(key, Promise.resolve(content));
  early.set(key, content);
}

export function useDocumentContent(documentId: DocumentId): ContentState {
  const { dir } = useProject();
  const [state, setState] = useState<ContentState>(() => {
    const content = early.get(keyOf(dir, documentId));
    return content ? { status: "ready", content } : { status: "loading" };
  });
  useEffect(() => {
    const key = keyOf(dir, documentId);
    const content = early.get(key);
    if (content) {
      setState((current) => (current.status === "ready" && current.content === content ? current : { status: "ready", content }));
      return;
    }
    let promise = cache.get(key);
    if (!promise) {
      promise = api.documentContent({ documentId });
      cache.set(key, promise);
      promise.catch(() => cache.delete(key));
    }
    let live = true;
    setState({ status: "loading" });
    promise.then(
      (content) => live && setState({ status: "ready", content }),
      (error: unknown) => live && setState({ status: "error", error: toErrorPayload(error) }),
    );
    return () => {
      live = false;
    };
  }, [dir, documentId]);
  return state;
}
