import type { Extension, onStatelessPayload } from "@hocuspocus/server";
import type { TeamPersistence } from "./persistence.js";

/** A client asks "is everything I sent in the database?" with this stateless message… */
export const FLUSH_REQUEST = "tandai:flush";
/** …and the server answers this (plus the stored state vector's size) only once it is. */
export const FLUSH_DONE = "tandai:stored";
export const FLUSH_FAILED = "tandai:store-failed";

/**
 * Hocuspocus acknowledges an update once it is in the server's memory; its database store runs
 * later (debounced). `tandai team sync` must not say "synced" about changes a crash of the server
 * could still lose, so before it ends it asks for a flush: the document's whole state merged into
 * the database now (what this instance has not stored yet), then an answer on the same connection.
 */
export function durableFlush(persistence: TeamPersistence): Extension {
  return {
    extensionName: "TandaiDurableFlush",
    async onStateless({ payload, document, connection }: onStatelessPayload) {
      if (payload !== FLUSH_REQUEST) return;
      try {
        await persistence.flush(document);
        connection.sendStateless(FLUSH_DONE);
      } catch (error) {
        console.error(error);
        connection.sendStateless(FLUSH_FAILED);
      }
    },
  };
}
