/**
 * The pieces of a zod-free quick check (quickCheck.ts for a project, searchRequestFrom for a search
 * request): each true only of a value its schema would accept and return unchanged.
 */

import { ID_PATTERN } from "./ids.js";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === "string";
export const isId = (v: unknown) => typeof v === "string" && ID_PATTERN.test(v);
export const isOffset = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
export const isInt = (v: unknown, min: number, max: number) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
export const isNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);
/** A `.trim().min(min).max(max)` string that trimming leaves as it is. */
export const isTrimmed = (v: unknown, min: number, max: number) => typeof v === "string" && v.length >= min && v.length <= max && v === v.trim();
export const isIdList = (v: unknown) => Array.isArray(v) && v.every(isId);

/** Every own key of `o` is one the schema knows (zod would strip any other: not plain). */
export function onlyKeys(o: Json, allowed: ReadonlySet<string>): boolean {
  for (const key in o) if (!allowed.has(key)) return false;
  return true;
}
export const keys = (...names: string[]) => new Set(names);
