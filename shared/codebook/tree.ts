import type { CodeId } from "../model/ids.js";
import type { Code, ProjectState } from "../model/project.js";

/** Separates the levels of a code path, e.g. "Motive/Economic motive". */
export const PATH_SEPARATOR = "/";

/** The names from the top-level code down to `id`. */
export function codePath(state: ProjectState, id: CodeId): string[] {
  const names: string[] = [];
  for (let code = state.codes[id]; code; code = code.parentId ? state.codes[code.parentId] : undefined) names.unshift(code.name);
  return names;
}

/** Children of `parentId` (null: top level), in their order. */
export function childrenOf(state: ProjectState, parentId: CodeId | null): Code[] {
  return Object.values(state.codes)
    .filter((c) => c.parentId === parentId)
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** The codebook in display order, depth first, with each code's depth. */
export function flattenCodebook(state: ProjectState): { code: Code; depth: number }[] {
  const out: { code: Code; depth: number }[] = [];
  const visit = (parentId: CodeId | null, depth: number) => {
    for (const code of childrenOf(state, parentId)) {
      out.push({ code, depth });
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase().trim();

/**
 * Finds codes by a path ("Motive/Economic motive") or a bare name, case- and accent-insensitively.
 * Returns every match, so callers can report an ambiguous name.
 */
export function findCodes(state: ProjectState, pathOrName: string): Code[] {
  const wanted = pathOrName.split(PATH_SEPARATOR).map(fold).filter(Boolean);
  if (wanted.length === 0) return [];
  return Object.values(state.codes).filter((code) => {
    const path = codePath(state, code.id).map(fold);
    return wanted.length === 1 ? path.at(-1) === wanted[0] : path.join("\u0000") === wanted.join("\u0000");
  });
}

/** The order that puts a code last among the children of `parentId`. */
export function nextOrder(state: ProjectState, parentId: CodeId | null): number {
  return childrenOf(state, parentId).reduce((max, c) => Math.max(max, c.order + 1), 0);
}
