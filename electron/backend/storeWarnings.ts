import { toErrorPayload, type ErrorPayload } from "../../shared/index.js";
import type { DiskProjectStore } from "../store/index.js";

/**
 * The store's warnings from the `from`-th on, as the `warnings` field of an answer (absent when
 * there are none). The store keeps every warning since the project was opened — a fold that failed
 * on a full disk (naming project.json and the space it needs), a backup not taken — and loses
 * nothing by them; the app shows them as a notice that does not block the work, and `tandai serve`'s
 * API returns them in the same answers.
 */
export function storeWarnings(store: DiskProjectStore, from: number): { warnings?: ErrorPayload[] } {
  const fresh = store.warnings.slice(from);
  return fresh.length ? { warnings: fresh.map((w) => toErrorPayload(w)) } : {};
}
