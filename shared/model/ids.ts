import { z } from "zod";
import { lazySchema } from "./lazySchema.js";

/**
 * Branded ids and offsets: a CodeId can never be passed where a DocumentId belongs.
 * Each is defined once as a zod schema so runtime validation and the static type agree.
 */
/** What an id may be: also what lets one become a file name (no "../"). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{4,64}$/;
const idString = lazySchema(() => z.string().regex(ID_PATTERN, "not a valid id"));

export const DocumentId = lazySchema(() => idString.brand<"DocumentId">());
export type DocumentId = z.infer<typeof DocumentId>;
export const CodeId = lazySchema(() => idString.brand<"CodeId">());
export type CodeId = z.infer<typeof CodeId>;
export const CodingId = lazySchema(() => idString.brand<"CodingId">());
export type CodingId = z.infer<typeof CodingId>;
export const CaseId = lazySchema(() => idString.brand<"CaseId">());
export type CaseId = z.infer<typeof CaseId>;
export const AttributeId = lazySchema(() => idString.brand<"AttributeId">());
export type AttributeId = z.infer<typeof AttributeId>;
export const ProjectId = lazySchema(() => idString.brand<"ProjectId">());
export const DocumentGroupId = lazySchema(() => idString.brand<"DocumentGroupId">());
export type DocumentGroupId = z.infer<typeof DocumentGroupId>;
export type ProjectId = z.infer<typeof ProjectId>;

/** An offset into a document's stored text, in UTF-16 code units (JavaScript string indices). */
export const TextOffset = lazySchema(() => z.number().int().nonnegative().brand<"TextOffset">());
export type TextOffset = z.infer<typeof TextOffset>;

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Random bytes drawn 4 KiB at a time: one crypto.getRandomValues call costs some 5 µs whatever its
 * size, which made ids the largest cost of importing a 100k-code codebook.
 */
const pool = new Uint8Array(4096);
let poolAt = pool.length;

/** A random 16-character id; crypto.getRandomValues exists in browsers and in Node ≥ 19. */
export function randomId(): string {
  if (poolAt + 16 > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  let id = "";
  for (let i = poolAt; i < poolAt + 16; i++) id += alphabet[pool[i]! % alphabet.length];
  poolAt += 16;
  return id;
}

export const newDocumentId = () => randomId() as DocumentId;
export const newCodeId = () => randomId() as CodeId;
export const newCodingId = () => randomId() as CodingId;
export const newProjectId = () => randomId() as ProjectId;
export const newCaseId = () => randomId() as CaseId;
export const newAttributeId = () => randomId() as AttributeId;
export const offset = (n: number) => n as TextOffset;
export const newDocumentGroupId = () => randomId() as DocumentGroupId;
