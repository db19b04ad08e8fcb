import pg from "pg";
import { toMember, type MemberRow, type TeamServerStore } from "./store.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tandai_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tandai_projects (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tandai_members (
  project_id TEXT NOT NULL REFERENCES tandai_projects(id), name TEXT NOT NULL, role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT,
  PRIMARY KEY (project_id, name));
CREATE TABLE IF NOT EXISTS tandai_document_updates (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL, stored_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS tandai_document_updates_name ON tandai_document_updates (name, id);
CREATE TABLE IF NOT EXISTS tandai_texts (project_id TEXT NOT NULL, hash TEXT NOT NULL, bytes BYTEA NOT NULL, PRIMARY KEY (project_id, hash));
`;


/**
 * The store for several server instances: PostgreSQL through pg. Tables are prefixed `tandai_` so
 * the server can share a database with other software. Schema creation is serialised by an
 * advisory lock, since two instances starting together would race on CREATE TABLE IF NOT EXISTS.
 */
export async function openPostgresStore(url: string): Promise<TeamServerStore> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client losing its server (a restart) must not crash the process: the next query
  // gets a fresh client and its own error.
  pool.on("error", () => undefined);
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(724011)");
    await client.query(SCHEMA);
    await client.query("SELECT pg_advisory_unlock(724011)");
  } finally {
    client.release();
  }
  const one = async <T>(sql: string, params: unknown[]): Promise<T | undefined> => (await pool.query(sql, params)).rows[0] as T | undefined;
  return {
    async getSetting(key) {
      return (await one<{ value: string }>("SELECT value FROM tandai_settings WHERE key = $1", [key]))?.value;
    },
    async setSetting(key, value) {
      await pool.query("INSERT INTO tandai_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value]);
    },
    async createProject(id, name, createdAt) {
      await pool.query("INSERT INTO tandai_projects (id, name, created_at) VALUES ($1, $2, $3)", [id, name, createdAt]);
    },
    async projectExists(id) {
      return (await one("SELECT 1 FROM tandai_projects WHERE id = $1", [id])) !== undefined;
    },
    async addMember(member, tokenHash) {
      const result = await pool.query(
        "INSERT INTO tandai_members (project_id, name, role, token_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (project_id, name) DO NOTHING",
        [member.projectId, member.name, member.role, tokenHash, member.createdAt],
      );
      return result.rowCount === 1;
    },
    async memberByToken(projectId, tokenHash) {
      const row = await one<MemberRow>("SELECT * FROM tandai_members WHERE project_id = $1 AND token_hash = $2 AND revoked_at IS NULL", [projectId, tokenHash]);
      return row && toMember(row);
    },
    async revokeMember(projectId, name, at) {
      const result = await pool.query("UPDATE tandai_members SET revoked_at = $1 WHERE project_id = $2 AND name = $3 AND revoked_at IS NULL", [at, projectId, name]);
      return result.rowCount === 1;
    },
    async listMembers(projectId) {
      const { rows } = await pool.query<MemberRow>("SELECT * FROM tandai_members WHERE project_id = $1 ORDER BY created_at, name", [projectId]);
      return rows.map((row) => ({ ...toMember(row), revokedAt: row.revoked_at }));
    },
    async documentUpdates(name) {
      const { rows } = await pool.query<{ id: string; data: Buffer }>("SELECT id, data FROM tandai_document_updates WHERE name = $1 ORDER BY id", [name]);
      return { lastId: Number(rows.at(-1)?.id ?? 0), updates: rows.map((row) => new Uint8Array(row.data)) };
    },
    async appendDocumentUpdate(name, update) {
      await pool.query("INSERT INTO tandai_document_updates (name, data, stored_at) VALUES ($1, $2, $3)", [name, Buffer.from(update), new Date().toISOString()]);
    },
    async compactDocument(name, upToId, state) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("DELETE FROM tandai_document_updates WHERE name = $1 AND id <= $2", [name, upToId]);
        await client.query("INSERT INTO tandai_document_updates (name, data, stored_at) VALUES ($1, $2, $3)", [name, Buffer.from(state), new Date().toISOString()]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async putText(projectId, hash, bytes) {
      await pool.query("INSERT INTO tandai_texts (project_id, hash, bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [projectId, hash, Buffer.from(bytes)]);
    },
    async getText(projectId, hash) {
      const row = await one<{ bytes: Buffer }>("SELECT bytes FROM tandai_texts WHERE project_id = $1 AND hash = $2", [projectId, hash]);
      return row ? new Uint8Array(row.bytes) : undefined;
    },
    async close() {
      await pool.end();
    },
  };
}
