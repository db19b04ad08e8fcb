import { TandaiError } from "../errors.js";
import { nextCodeColor } from "../model/colors.js";
import { newCodeId, type CodeId } from "../model/ids.js";
import type { Code, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { compareText } from "../text/collation.js";

/** Separates the levels of a code path, e.g. "Motive/Economic motive". */
export const PATH_SEPARATOR = "/";

/** A slash that is part of a name, not a level: typed and shown as `\/` ("Pro\/Kontra"). */
export const ESCAPED_SEPARATOR = "\\/";

/** The longest code name the model accepts (Code.name). */
export const MAX_CODE_NAME = 200;

/**
 * The one rule for "/" in a code name a person types (the app's new-code field and palette, the
 * CLI's `--code`): it separates levels, so "Hambatan/Anggaran" is the code "Anggaran" under
 * "Hambatan". A slash that belongs to a name is typed `\/`. Levels are trimmed, runs of spaces
 * become one, and empty levels ("Hambatan//Anggaran", a trailing "/") are dropped.
 */
export function parseCodePath(typed: string): string[] {
  const names: string[] = [];
  let current = "";
  for (let i = 0; i < typed.length; i++) {
    const ch = typed[i]!;
    if (ch === "\\" && typed[i + 1] === PATH_SEPARATOR) {
      current += PATH_SEPARATOR;
      i++;
    } else if (ch === PATH_SEPARATOR) {
      names.push(current);
      current = "";
    } else current += ch;
  }
  names.push(current);
  return names.map((n) => n.replace(/\s+/g, " ").trim()).filter(Boolean);
}

/** A name as a person types it back: its own slashes escaped, so it cannot be read as a path. */
export function escapeCodeName(name: string): string {
  return name.replaceAll(PATH_SEPARATOR, ESCAPED_SEPARATOR);
}

/**
 * A path as shown everywhere ("Hambatan / Anggaran"): levels joined by the separator, slashes that
 * are part of a name (a .qdc import, an older project) escaped, so the two never look the same.
 */
export function formatCodePath(names: readonly string[], separator = ` ${PATH_SEPARATOR} `): string {
  return names.map(escapeCodeName).join(separator);
}

/** The code's path from the top level, as shown. */
export function codePathLabel(state: ProjectState, id: CodeId): string {
  return formatCodePath(codePath(state, id));
}

/** Refuses a typed path with no name in it or a level longer than a code name may be. */
export function checkCodePath(typed: string, names: readonly string[]): void {
  if (names.length === 0) throw new TandaiError("documents.errors.emptyPath", { path: typed });
  const long = names.find((n) => n.length > MAX_CODE_NAME);
  if (long) throw new TandaiError("documents.errors.levelTooLong", { name: `${long.slice(0, 40)}…`, max: MAX_CODE_NAME });
}

/**
 * The code at `names` below `parentId` (null: the top level), with the `addCode` operations for
 * the levels that do not exist yet: existing levels are reused (case- and accent-insensitively),
 * so "Hambatan/Anggaran" beside an existing "Hambatan" adds only "Anggaran" under it. `created`
 * names each added code by its path, levels joined by a bare "/" as the CLI prints them.
 */
export function planCodePath(
  state: ProjectState,
  names: readonly string[],
  parentId: CodeId | null,
  now: string,
): { codeId: CodeId; create: Operation[]; created: string[] } {
  checkCodePath(names.join(PATH_SEPARATOR), names);
  let parent = parentId;
  const create: Operation[] = [];
  const created: string[] = [];
  let colorIndex = Object.keys(state.codes).length;
  for (const [depth, name] of names.entries()) {
    const existing = create.length === 0 ? childrenOf(state, parent).find((c) => fold(c.name) === fold(name)) : undefined;
    if (existing) {
      parent = existing.id;
      continue;
    }
    const id = newCodeId();
    create.push({
      type: "addCode",
      code: {
        id,
        name,
        color: nextCodeColor(colorIndex++),
        parentId: parent,
        order: create.length === 0 ? nextOrder(state, parent) : 0,
        description: { definition: "", whenToUse: "", whenNotToUse: "" },
        createdAt: now,
      },
    });
    parent = id;
    created.push(formatCodePath([...(parentId ? codePath(state, parentId) : []), ...names.slice(0, depth + 1)], PATH_SEPARATOR));
  }
  return { codeId: parent!, create, created };
}

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
    .sort((a, b) => a.order - b.order || compareText(a.name, b.name));
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
  const wanted = parseCodePath(pathOrName).map(fold).filter(Boolean);
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
