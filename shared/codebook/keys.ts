import type { CodeId } from "../model/ids.js";
import type { Code, ProjectState } from "../model/project.js";
import { compareText } from "../text/collation.js";

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
  const rows = codebookOrder(state);
  const position = new Map<CodeId, number>(rows.map((code, i) => [code.id, i]));
  const byCreation = [...rows].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : position.get(a.id)! - position.get(b.id)!));

  const bound = new Map<number, CodeKeyBinding>();
  const keyed = new Set<CodeId>();
  // Two codes claiming one key (only a hand-edited file can do that): the older keeps it.
  for (const code of byCreation) {
    if (code.key === undefined || bound.has(code.key)) continue;
    bound.set(code.key, { key: code.key, code, pinned: true });
    keyed.add(code.id);
  }
  const parents = new Set(rows.flatMap((code) => (code.parentId ? [code.parentId] : [])));
  const free = CODE_KEYS.filter((key) => !bound.has(key));
  for (const code of byCreation) {
    if (free.length === 0) break;
    // A group that cannot be applied (not codable) gets no key, as a parent does not.
    if (keyed.has(code.id) || parents.has(code.id) || code.codable === false) continue;
    const key = free.shift()!;
    bound.set(key, { key, code, pinned: false });
  }
  return [...bound.values()].sort((a, b) => a.key - b.key);
}

/**
 * The codes in codebook display order (the order of flattenCodebook: depth first, siblings by
 * order then name), in one pass over the codes, because this runs after every change: flattenCodebook
 * scans all codes once per code, which costs 0.18 s at 600 codes (docs/PERFORMANCE.md).
 */
function codebookOrder(state: ProjectState): Code[] {
  const children = new Map<CodeId | null, Code[]>();
  for (const code of Object.values(state.codes)) {
    // A code whose parent is gone is not in the codebook's tree either.
    const list = children.get(code.parentId);
    if (list) list.push(code);
    else children.set(code.parentId, [code]);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order || compareText(a.name, b.name));
  const out: Code[] = [];
  const visit = (parentId: CodeId | null) => {
    for (const code of children.get(parentId) ?? []) {
      out.push(code);
      visit(code.id);
    }
  };
  visit(null);
  return out;
}

/** The key of each code that has one. */
export function keyOfCode(bindings: readonly CodeKeyBinding[]): Map<CodeId, number> {
  return new Map(bindings.map((b) => [b.code.id, b.key]));
}
