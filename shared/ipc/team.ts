import { z } from "zod";
import { lazySchema } from "../model/lazySchema.js";
import type { ErrorPayload } from "../errors.js";
import type { Operation } from "../ops/operation.js";
import type { TeamConflict } from "../team/types.js";

/** Where a team project's sync stands, as the app shows it. */
export type TeamSyncState = "synced" | "waiting" | "syncing" | "offline" | "refused";

export interface TeamAppStatus {
  projectId: string;
  /** The instance last reached (or the first one configured). */
  server: string;
  member: string;
  role: "owner" | "coder" | "viewer";
  state: TeamSyncState;
  /** Local changes not yet on the server (a viewer's never are: 0). */
  waiting: number;
  lastSyncedAt: string | null;
  /** Since when the server has not been reachable; null while it is. */
  offlineSince: string | null;
  /** Why the server refuses this member (a revoked or wrong token), translatable; null otherwise. */
  error: ErrorPayload | null;
  conflicts: number;
  /** The other members online now (one entry per open copy), with the document each has open (null: none). */
  online: { member: string; role: string; documentId: string | null }[];
  /** The backend's change count (Applied.revision): a mirror behind it has remote changes to take in. */
  revision: number;
}

/** A change the backend applied, numbered in the order it applied them (local and remote alike). */
export interface NumberedChange {
  revision: number;
  op: Operation;
}

/**
 * The changes after `after`, for a renderer whose mirror missed some (a remote batch applied by a
 * sync between two of its own operations); `null` when they are no longer kept: reload the project.
 */
export type ChangesSince = { revision: number; changes: NumberedChange[] } | null;

export type { TeamConflict };

export const TeamResolveArgs = lazySchema(() => z.object({ conflictId: z.string().min(1).max(500), choice: z.enum(["keep", "other"]) }).strict());
export const TeamShareArgs = lazySchema(() => z.object({ server: z.string().trim().min(1).max(2000), adminToken: z.string().trim().min(1).max(500) }).strict());
export const TeamJoinArgs = lazySchema(() => z.object({ link: z.string().trim().min(1).max(2000), token: z.string().trim().min(1).max(500), dir: z.string().trim().min(1) }).strict());
export const ChangesArgs = lazySchema(() => z.object({ after: z.number().int().nonnegative() }).strict());

/** A member of a team project as its owner sees them (the server's list; a token is never in it). */
export interface TeamMember {
  name: string;
  role: "owner" | "coder" | "viewer";
  createdAt: string;
  revokedAt: string | null;
}

/** A new member's invitation: what they paste into the Join dialog. The token is shown once, never stored here. */
export interface TeamInvitation {
  name: string;
  role: "coder" | "viewer";
  link: string;
  token: string;
}

// The name is checked by the backend (an empty one gets a message naming the field), not here.
export const TeamInviteArgs = lazySchema(() => z.object({ name: z.string().max(1000), role: z.enum(["coder", "viewer"]) }).strict());
export const TeamRevokeArgs = lazySchema(() => z.object({ name: z.string().min(1).max(1000) }).strict());
/** The document this member has open (null: none), for the others' team dialog (awareness only, never stored). */
export const TeamPresenceArgs = lazySchema(() => z.object({ documentId: z.string().min(1).max(500).nullable() }).strict());
