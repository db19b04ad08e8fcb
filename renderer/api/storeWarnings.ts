import type { ErrorPayload } from "../../shared/index.js";

type Listener = (warnings: ErrorPayload[]) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with the store warnings of every answer that carries some; returns the unsubscribe. */
export function onStoreWarnings(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * Picks the store's warnings out of an answer of the backend: OpenProject and Applied carry them
 * as `warnings`, the import reports in their `applied`, the app's start (StartProject) in its `project`. Every answer passes here (client.ts), so no
 * caller of the api has to remember to look.
 */
export function reportStoreWarnings(value: unknown): void {
  if (!value || typeof value !== "object" || !listeners.size) return;
  const answer = value as { warnings?: unknown; applied?: { warnings?: unknown } | null; project?: { warnings?: unknown } | null };
  const inner = (part: { warnings?: unknown } | null | undefined) => (part && typeof part === "object" ? part.warnings : undefined);
  const warnings = [answer.warnings, inner(answer.applied), inner(answer.project)].flatMap((w) => (Array.isArray(w) ? (w as ErrorPayload[]) : []));
  if (warnings.length) for (const listener of listeners) listener(warnings);
}
