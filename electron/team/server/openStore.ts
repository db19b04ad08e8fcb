import { TandaiError } from "../../../shared/errors.js";
import { redact, type StoreConfig } from "./config.js";
import type { TeamServerStore } from "./store.js";

const detail = (error: unknown) => (error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error));

/** Opens the configured store (each loaded only when used: pg is not needed for SQLite). */
export async function openStore(config: StoreConfig): Promise<TeamServerStore> {
  if (config.kind === "sqlite") {
    const { openSqliteStore } = await import("./sqliteStore.js");
    try {
      return await openSqliteStore(config.file);
    } catch (error) {
      throw new TandaiError("teamCli.errors.sqliteOpen", { file: config.file, detail: detail(error) });
    }
  }
  const { openPostgresStore } = await import("./postgresStore.js");
  try {
    return await openPostgresStore(config.url);
  } catch (error) {
    throw new TandaiError("teamCli.errors.postgresOpen", { url: redact(config.url), detail: detail(error) });
  }
}
