import { createHash, randomBytes } from "node:crypto";

/** Roles of a team project's members. Only the owner invites and revokes; a viewer never writes. */
export const ROLES = ["owner", "coder", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles an owner may invite (there is one owner per project: the member who shared it). */
export const INVITABLE_ROLES = ["coder", "viewer"] as const satisfies readonly Role[];

/**
 * A new secret token: 32 random bytes. A prefix tells a Tandai token from other secrets in a
 * password manager or a leaked log.
 */
export function newToken(): string {
  return `tandai_${randomBytes(32).toString("base64url")}`;
}

/**
 * What the server stores of a token. Tokens are 256 random bits, not passwords a person chose, so a
 * plain SHA-256 is enough (no dictionary to guess from) and lets the server find a member by it.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The content address of a document text: SHA-256 of its bytes, lowercase hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export const isContentHash = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
