import { randomUUID } from "node:crypto";
import type { Member, TeamServerStore } from "./store.js";
import { hashToken, newToken, type Role } from "./tokens.js";

const ADMIN_TOKEN_HASH = "admin_token_sha256";

/**
 * The admin token (it shares projects): from TANDAI_TEAM_ADMIN_TOKEN when set (its hash replaces
 * the stored one, so rotating it is setting the variable), else the stored hash, else a new one
 * generated now and returned so the server prints it — once; the server keeps only its hash.
 */
export async function ensureAdminToken(store: TeamServerStore, fromEnv: string | undefined): Promise<string | undefined> {
  if (fromEnv) {
    await store.setSetting(ADMIN_TOKEN_HASH, hashToken(fromEnv));
    return undefined;
  }
  if (await store.getSetting(ADMIN_TOKEN_HASH)) return undefined;
  const token = newToken();
  await store.setSetting(ADMIN_TOKEN_HASH, hashToken(token));
  return token;
}

export async function isAdmin(store: TeamServerStore, token: string | undefined): Promise<boolean> {
  return Boolean(token) && (await store.getSetting(ADMIN_TOKEN_HASH)) === hashToken(token!);
}

/** The member this token belongs to in this project, or undefined (unknown, revoked, other project). */
export async function memberFor(store: TeamServerStore, projectId: string, token: string | undefined): Promise<Member | undefined> {
  if (!token) return undefined;
  return store.memberByToken(projectId, hashToken(token));
}

/** Shares a new project: its server-side id and its owner, whose token is returned (the only time it is seen). */
export async function shareProject(store: TeamServerStore, name: string, owner: string): Promise<{ projectId: string; token: string; member: Member }> {
  const projectId = randomUUID();
  const createdAt = new Date().toISOString();
  await store.createProject(projectId, name, createdAt);
  const token = newToken();
  const member: Member = { projectId, name: owner, role: "owner", createdAt };
  await store.addMember(member, hashToken(token));
  return { projectId, token, member };
}

/** Invites a member; undefined when the name is taken in that project. */
export async function inviteMember(store: TeamServerStore, projectId: string, name: string, role: Role): Promise<{ token: string; member: Member } | undefined> {
  const token = newToken();
  const member: Member = { projectId, name, role, createdAt: new Date().toISOString() };
  return (await store.addMember(member, hashToken(token))) ? { token, member } : undefined;
}

/** Who may write the project's Yjs state and upload texts. */
export const canWrite = (role: Role): boolean => role !== "viewer";
