import type { CodeId } from "../model/ids.js";
import type { Code, ProjectState } from "../model/project.js";
import { flattenCodebook } from "./tree.js";

/** One coding shortcut: the digit, its code, and whether the researcher pinned it there. */
export interface CodeKeyBinding {
  key: number;
  code: Code;
  pinned: boolean;
}

export const CODE_KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * Which code each of the keys 1–9 applies. A key the researcher pinned (`Code.key`) stays with its
 * code until changed. The other keys go to codes that can be applied — leaf codes, not the groups
 * that hold them — in the order they were created, so adding, moving or merging a code does not
 * renumber the keys of the others (a new code takes a free key at the end). Codes created in the
 * same moment (a framework's) keep their codebook order among themselves.
 */
export function codeKeys(state: ProjectState): CodeKeyBinding[] {
  const rows = flattenCodebook(state);
  const position = new Map<CodeId, number>(rows.map((row, i) => [row.code.id, i]));
  const byCreation = rows
    .map((row) => row.code)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : position.get(a.id)! - position.get(b.id)!));

  const bound = new Map<number, CodeKeyBinding>();
  const keyed = new Set<CodeId>();
  // Two codes claiming one key (only a hand-edited file can do that): the older keeps it.
  for (const code of byCreation) {
    if (code.key === undefined || bound.has(code.key)) continue;
    bound.set(code.key, { key: code.key, code, pinned: true });
    keyed.add(code.id);
  }
  const parents = new Set(rows.flatMap((row) => (row.code.parentId ? [row.code.parentId] : [])));
  const free = CODE_KEYS.filter((key) => !bound.has(key));
  for (const code of byCreation) {
    if (free.length === 0) break;
    if (keyed.has(code.id) || parents.has(code.id)) continue;
    const key = free.shift()!;
    bound.set(key, { key, code, pinned: false });
  }
  return [...bound.values()].sort((a, b) => a.key - b.key);
}

/** The key of each code that has one. */
export function keyOfCode(bindings: readonly CodeKeyBinding[]): Map<CodeId, number> {
  return new Map(bindings.map((b) => [b.code.id, b.key]));
}
