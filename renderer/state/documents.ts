import { useEffect, useState } from "react";
import { toErrorPayload, type DocumentContent, type DocumentId, type ErrorPayload } from "../../shared/index.js";
import { api } from "../api/client.js";
import { useProject } from "./context.js";

export type ContentState = { status: "loading" } | { status: "ready"; content: DocumentContent } | { status: "error"; error: ErrorPayload };

// Document texts never change once imported, so each is fetched once per open project.
const cache = new Map<string, Promise<DocumentContent>>();

export function useDocumentContent(documentId: DocumentId): ContentState {
  const { dir } = useProject();
  const [state, setState] = useState<ContentState>({ status: "loading" });
  useEffect(() => {
    const key = `${dir}\u0000${documentId}`;
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
