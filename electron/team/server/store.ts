import type { Role } from "./tokens.js";

export interface Member {
  projectId: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** A member as both stores' `members` table holds it. */
export interface MemberRow {
  project_id: string;
  name: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
}

export const toMember = (row: MemberRow): Member => ({ projectId: row.project_id, name: row.name, role: row.role as Role, createdAt: row.created_at });

/**
 * What the team server keeps: projects, members (their tokens only as hashes), the Yjs state of
 * each project and the document texts by content hash. Two implementations: SQLite through
 * Node's built-in node:sqlite (one machine) and PostgreSQL through pg (several instances).
 */
export interface TeamServerStore {
  /** A server setting (the admin token's hash). */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  createProject(id: string, name: string, createdAt: string): Promise<void>;
  projectExists(id: string): Promise<boolean>;
  /** Adds a member; false when a member of that name already exists (revoked or not) in the project. */
  addMember(member: Member, tokenHash: string): Promise<boolean>;
  /** The member holding this token in this project, unless revoked. */
  memberByToken(projectId: string, tokenHash: string): Promise<Member | undefined>;
  /** Revokes a member's token; false when no such (unrevoked) member. */
  revokeMember(projectId: string, name: string, at: string): Promise<boolean>;
  listMembers(projectId: string): Promise<(Member & { revokedAt: string | null })[]>;
  /**
   * A project document's stored Yjs updates, oldest first, and the id of the last one. Applied in
   * any order they give the same state (Yjs updates commute), so two instances appending
   * concurrently, or one appending what the other already had, lose nothing.
   */
  documentUpdates(name: string): Promise<{ lastId: number; updates: Uint8Array[] }>;
  /** Appends an update: only what changed since this instance's last store, so a store is O(change). */
  appendDocumentUpdate(name: string, update: Uint8Array): Promise<void>;
  /** Replaces the updates up to `upToId` by one state that contains them (later appends are kept). */
  compactDocument(name: string, upToId: number, state: Uint8Array): Promise<void>;
  /** Stores a text once; storing the same hash again does nothing. */
  putText(projectId: string, hash: string, bytes: Uint8Array): Promise<void>;
  getText(projectId: string, hash: string): Promise<Uint8Array | undefined>;
  close(): Promise<void>;
}
