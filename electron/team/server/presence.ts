import type { Member } from "./store.js";

/** The longest document id a presence may carry (ids are UUID-sized; anything longer is not one). */
const MAX_DOCUMENT_ID = 200;

/**
 * Awareness is written by the clients, so a presence's who is the server's to say: each `tandai`
 * field a connection sends is stamped with the name and role its token authenticated (a coder cannot
 * show as the supervisor), and keeps only a plausible document id. Updates relayed from another
 * instance (no connection context) were stamped where they came in. Mutates `states` in place, as
 * Hocuspocus's beforeHandleAwareness expects.
 */
export function stampPresence(states: Map<number, Record<string, unknown>>, member: Member | undefined): void {
  if (!member) return;
  for (const state of states.values()) {
    const claimed = state.tandai as { documentId?: unknown } | undefined;
    if (claimed === undefined) continue;
    const documentId = typeof claimed?.documentId === "string" && claimed.documentId.length <= MAX_DOCUMENT_ID ? claimed.documentId : null;
    state.tandai = { member: member.name, role: member.role, documentId };
  }
}
