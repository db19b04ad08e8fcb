import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { DatabaseSync as Database } from "node:sqlite";
import { toMember, type MemberRow, type TeamServerStore } from "./store.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS projects (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS members (
  project_id TEXT NOT NULL REFERENCES projects(id), name TEXT NOT NULL, role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT,
  PRIMARY KEY (project_id, name));
CREATE TABLE IF NOT EXISTS document_updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL, stored_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, id);
CREATE TABLE IF NOT EXISTS texts (project_id TEXT NOT NULL, hash TEXT NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY (project_id, hash));
`;


/**
 * The one-machine store: a SQLite file through Node's built-in node:sqlite (no native addon to
 * build). WAL keeps readers off the writer's back; node:sqlite is synchronous, and each call is
 * one short statement, so the event loop waits microseconds.
 */
export async function openSqliteStore(file: string): Promise<TeamServerStore> {
  // node:sqlite says "experimental" once per process on stderr; the server's own lines should be
  // the only ones a person reads, so that one warning is dropped (others still print).
  silenceSqliteWarning();
  const { DatabaseSync } = await import("node:sqlite");
  mkdirSync(dirname(file), { recursive: true });
  const db: Database = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
  db.exec(SCHEMA);
  const transaction = <T>(work: () => T): T => {
    db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      db.exec("COMMIT");
      return result;
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  };
  return {
    async getSetting(key) {
      const row = db.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value: string } | undefined;
      return row?.value;
    },
    async setSetting(key, value) {
      db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
    },
    async createProject(id, name, createdAt) {
      db.prepare("INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)").run(id, name, createdAt);
    },
    async projectExists(id) {
      return db.prepare("SELECT 1 FROM projects WHERE id = ?").get(id) !== undefined;
    },
    async addMember(member, tokenHash) {
      const result = db
        .prepare("INSERT INTO members (project_id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id, name) DO NOTHING")
        .run(member.projectId, member.name, member.role, tokenHash, member.createdAt);
      return Number(result.changes) === 1;
    },
    async memberByToken(projectId, tokenHash) {
      const row = db.prepare("SELECT * FROM members WHERE project_id = ? AND token_hash = ? AND revoked_at IS NULL").get(projectId, tokenHash) as MemberRow | undefined;
      return row && toMember(row);
    },
    async revokeMember(projectId, name, at) {
      const result = db.prepare("UPDATE members SET revoked_at = ? WHERE project_id = ? AND name = ? AND revoked_at IS NULL").run(at, projectId, name);
      return Number(result.changes) === 1;
    },
    async listMembers(projectId) {
      const rows = db.prepare("SELECT * FROM members WHERE project_id = ? ORDER BY created_at, name").all(projectId) as unknown as MemberRow[];
      return rows.map((row) => ({ ...toMember(row), revokedAt: row.revoked_at }));
    },
    async documentUpdates(name) {
      const rows = db.prepare("SELECT id, data FROM document_updates WHERE name = ? ORDER BY id").all(name) as unknown as { id: number; data: Uint8Array }[];
      return { lastId: rows.at(-1)?.id ?? 0, updates: rows.map((row) => new Uint8Array(row.data)) };
    },
    async appendDocumentUpdate(name, update) {
      db.prepare("INSERT INTO document_updates (name, data, stored_at) VALUES (?, ?, ?)").run(name, update, new Date().toISOString());
    },
    async compactDocument(name, upToId, state) {
      transaction(() => {
        db.prepare("DELETE FROM document_updates WHERE name = ? AND id <= ?").run(name, upToId);
        db.prepare("INSERT INTO document_updates (name, data, stored_at) VALUES (?, ?, ?)").run(name, state, new Date().toISOString());
      });
    },
    async putText(projectId, hash, bytes) {
      db.prepare("INSERT INTO texts (project_id, hash, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").run(projectId, hash, bytes);
    },
    async getText(projectId, hash) {
      const row = db.prepare("SELECT bytes FROM texts WHERE project_id = ? AND hash = ?").get(projectId, hash) as { bytes: Uint8Array } | undefined;
      return row ? new Uint8Array(row.bytes) : undefined;
    },
    async close() {
      db.close();
    },
  };
}

let silenced = false;
function silenceSqliteWarning(): void {
  if (silenced) return;
  silenced = true;
  const original = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (original as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}
