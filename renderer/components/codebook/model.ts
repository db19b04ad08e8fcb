import { childrenOf, descendantIds, flattenCodebook, formatCodePath, MAX_CODE_NAME, parseCodePath, type Code, type CodeId, type ProjectState } from "../../../shared/index.js";

/** The longest code name the model accepts (Code.name). */
export const MAX_NAME_LENGTH = MAX_CODE_NAME;

/** Drag payload type for a code dragged within the codebook. */
export const CODE_DRAG_TYPE = "application/x-tandai-code";

/** Case- and accent-insensitive form of a name, as the codebook compares them. */
export const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase().trim();

/** A message for the user: a catalogue key and its placeholders. */
export interface Problem {
  key: string;
  params: Record<string, string | number>;
}

/**
 * Why `name` cannot be the name of a code under `parentId` (null: top level), or null when it can.
 * Sibling names must differ (ignoring case and accents) so that a code path names one code only;
 * `selfId` is the code being renamed or moved, which does not clash with itself.
 */
export function nameProblem(state: ProjectState, name: string, parentId: CodeId | null, selfId?: CodeId): Problem | null {
  const trimmed = name.trim();
  if (!trimmed) return { key: "codebook.errors.emptyName", params: {} };
  if (trimmed.length > MAX_NAME_LENGTH) return { key: "codebook.errors.tooLong", params: { max: MAX_NAME_LENGTH } };
  const clash = childrenOf(state, parentId).find((c) => c.id !== selfId && fold(c.name) === fold(trimmed));
  if (!clash) return null;
  const parent = parentId ? state.codes[parentId] : undefined;
  return parent
    ? { key: "codebook.errors.duplicateName", params: { name: clash.name, parent: parent.name } }
    : { key: "codebook.errors.duplicateTopLevel", params: { name: clash.name } };
}

/** The code and every code nested under it. */
export function subtreeOf(state: ProjectState, id: CodeId): Set<CodeId> {
  return new Set<CodeId>(state.codes[id] ? [id, ...descendantIds(state, id)] : []);
}

export interface CodeStats {
  /** Codings of this code itself. */
  own: number;
  /** Codings of this code and all codes nested under it. */
  total: number;
  /** Number of codes nested under it, at any depth. */
  nested: number;
  /** Number of direct children. */
  children: number;
}

export interface CodebookView {
  rows: { code: Code; depth: number }[];
  stats: Map<CodeId, CodeStats>;
}

/** The codebook in display order with per-code counts; `countOf` gives a code's own codings; `rows`: flattenCodebook(state), if at hand. */
export function codebookView(state: ProjectState, countOf: (codeId: CodeId) => number, rows = flattenCodebook(state)): CodebookView {
  const stats = new Map<CodeId, CodeStats>();
  for (const { code } of rows) {
    const own = countOf(code.id);
    stats.set(code.id, { own, total: own, nested: 0, children: 0 });
  }
  // Children come after their parent in display order, so walking backwards sums bottom-up.
  for (let i = rows.length - 1; i >= 0; i--) {
    const { code } = rows[i]!;
    const mine = stats.get(code.id)!;
    const parent = code.parentId ? stats.get(code.parentId) : undefined;
    if (!parent) continue;
    parent.total += mine.total;
    parent.nested += mine.nested + 1;
    parent.children += 1;
  }
  return { rows, stats };
}

/** The rows a user sees: those not hidden under a collapsed parent. */
export function visibleRows(view: CodebookView, collapsed: ReadonlySet<CodeId>): { code: Code; depth: number }[] {
  const out: { code: Code; depth: number }[] = [];
  let hideBelow = Infinity;
  for (const row of view.rows) {
    if (row.depth > hideBelow) continue;
    hideBelow = Infinity;
    out.push(row);
    if (collapsed.has(row.code.id) && (view.stats.get(row.code.id)?.children ?? 0) > 0) hideBelow = row.depth;
  }
  return out;
}

/**
 * Where the inline field for a new code goes among the visible rows: at the top for a top-level
 * code, else after its parent's subtree, one level deeper. `at` is -1 when the parent is hidden.
 */
export function newCodeSlot(rows: readonly { code: Code; depth: number }[], parentId: CodeId | null): { at: number; depth: number } {
  if (parentId === null) return { at: 0, depth: 0 };
  const parentIndex = rows.findIndex((row) => row.code.id === parentId);
  if (parentIndex < 0) return { at: -1, depth: 0 };
  const depth = rows[parentIndex]!.depth + 1;
  let at = parentIndex + 1;
  while (at < rows.length && rows[at]!.depth >= depth) at++;
  return { at, depth };
}

/** Ids of the codes above `id`, nearest first. */
export function ancestorsOf(state: ProjectState, id: CodeId): CodeId[] {
  const out: CodeId[] = [];
  for (let parent = state.codes[id]?.parentId ?? null; parent; parent = state.codes[parent]?.parentId ?? null) out.push(parent);
  return out;
}

/** Codings of `id` and its nested codes, and the number of documents they lie in. */
export function codingSpread(state: ProjectState, ids: ReadonlySet<CodeId>): { codings: number; documents: number } {
  let codings = 0;
  const documents = new Set<string>();
  for (const coding of Object.values(state.codings)) {
    if (!ids.has(coding.codeId)) continue;
    codings++;
    documents.add(coding.documentId);
  }
  return { codings, documents: documents.size };
}

/**
 * Why a typed new code cannot be created under `parentId`. Typed text follows the one "/" rule
 * (shared/codebook/tree.ts): "Hambatan/Anggaran" is a path whose missing levels are created, `\/`
 * a slash in a name; so a path is refused only when every level of it exists already.
 */
export function newCodeProblem(state: ProjectState, typed: string, parentId: CodeId | null): Problem | null {
  const names = parseCodePath(typed);
  if (names.length === 0) return { key: "codebook.errors.emptyName", params: {} };
  if (names.some((n) => n.length > MAX_NAME_LENGTH)) return { key: "codebook.errors.tooLong", params: { max: MAX_NAME_LENGTH } };
  if (names.length === 1) return nameProblem(state, names[0]!, parentId);
  let parent = parentId;
  for (const name of names) {
    const found = childrenOf(state, parent).find((c) => fold(c.name) === fold(name));
    if (!found) return null;
    parent = found.id;
  }
  return { key: "documents.errors.pathExists", params: { path: formatCodePath(names) } };
}

/** Why a typed new name for a code cannot be saved: it is one name, so an unescaped "/" is refused. */
export function renameProblem(state: ProjectState, typed: string, parentId: CodeId | null, selfId: CodeId): Problem | null {
  const names = parseCodePath(typed);
  if (names.length > 1) return { key: "documents.errors.pathInRename", params: {} };
  return nameProblem(state, names[0] ?? "", parentId, selfId);
}

/** The one name a rename typed (its `\/` read as a slash). */
export const typedName = (typed: string): string => parseCodePath(typed)[0] ?? typed.trim();
