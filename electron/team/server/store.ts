import type { Role } from "./tokens.js";

export interface Member {
  projectId: string;
  name: string;
  role: Role;
  createdAt: string;
}

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
  /** The stored Yjs state of a project's document, or null before its first store. */
  fetchDocument(name: string): Promise<Uint8Array | null>;
  /**
   * Merges a Yjs update into the stored state (never replaces it): two instances storing the same
   * document in any order, or one storing a state older than the other's, lose nothing.
   */
  mergeDocument(name: string, update: Uint8Array): Promise<void>;
  /** Stores a text once; storing the same hash again does nothing. */
  putText(projectId: string, hash: string, bytes: Uint8Array): Promise<void>;
  getText(projectId: string, hash: string): Promise<Uint8Array | undefined>;
  close(): Promise<void>;
}
