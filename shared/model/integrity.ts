import { memoKey, type ProjectState } from "./project.js";

/**
 * One way a project's state contradicts itself: `where` is the path in project.json (e.g.
 * `codings.k1.documentId`), `problem` says what is wrong in plain words (English, as in the
 * detail of other file errors: it names a value, not a sentence for translation).
 */
export interface IntegrityIssue {
  where: string;
  problem: string;
}

const MAX_ISSUES = 50;

/**
 * The references and ranges a valid state holds, which the schema cannot check: every record is
 * kept under its own id; a coding's document and code exist and its range lies inside the
 * document; a code's parent exists and parents never loop; a case's documents exist; a memo is
 * kept under its target's key and its target exists. Operations keep all of these true, so a state
 * that breaks one was damaged outside Tandai (a hand edit, a bad copy, a flipped bit in a file
 * without a checksum) and must not be opened as if it were whole: an export or the indicators
 * would count codings that point nowhere, or crash later on them.
 *
 * One pass over the state, O(project). Stops after MAX_ISSUES (a damaged file can have thousands).
 */
export function checkIntegrity(state: ProjectState): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const add = (where: string, problem: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ where, problem });
  };
  const keyed = (area: string, key: string, id: string) => {
    if (id !== key) add(`${area}.${key}.id`, `the record is kept under “${key}” but its id is “${id}”`);
  };
  for (const area of ["documents", "codes", "cases", "attributes", "frameworks"] as const) {
    for (const [key, record] of Object.entries(state[area] as Record<string, { id: string }>)) keyed(area, key, record.id);
  }
  // The codings are most of a project: one pass for their key, references and range.
  for (const [key, coding] of Object.entries(state.codings)) {
    keyed("codings", key, coding.id);
    const doc = state.documents[coding.documentId];
    if (!doc) add(`codings.${key}.documentId`, `no document “${coding.documentId}”`);
    if (!state.codes[coding.codeId]) add(`codings.${key}.codeId`, `no code “${coding.codeId}”`);
    if (coding.start >= coding.end) add(`codings.${key}`, `the range ${coding.start}–${coding.end} is empty or reversed`);
    else if (doc && coding.end > doc.length) add(`codings.${key}.end`, `${coding.end} is past the end of “${doc.title}” (${doc.length} characters)`);
  }
  checkCodeTree(state, add);
  for (const [key, kase] of Object.entries(state.cases)) {
    for (const id of kase.documentIds) if (!state.documents[id]) add(`cases.${key}.documentIds`, `no document “${id}”`);
  }
  for (const [key, memo] of Object.entries(state.memos)) {
    if (memoKey(memo.target) !== key) add(`memos.${key}`, `the memo is kept under “${key}” but belongs to “${memoKey(memo.target)}”`);
    const target = memo.target;
    const exists =
      target.kind === "project" ||
      (target.kind === "document" && state.documents[target.id]) ||
      (target.kind === "code" && state.codes[target.id]) ||
      (target.kind === "coding" && state.codings[target.id]);
    if (!exists) add(`memos.${key}.target`, `no ${target.kind} “${"id" in target ? target.id : ""}”`);
  }
  return issues;
}

/** Parents exist, and following parents from any code ends at a root (colouring: 1 on the path, 2 done). */
function checkCodeTree(state: ProjectState, add: (where: string, problem: string) => void) {
  const mark = new Map<string, 1 | 2>();
  for (const start of Object.keys(state.codes)) {
    const path: string[] = [];
    let id: string | null = start;
    while (id !== null && !mark.has(id)) {
      const node: ProjectState["codes"][keyof ProjectState["codes"]] | undefined = state.codes[id as keyof ProjectState["codes"]];
      if (!node) break;
      mark.set(id, 1);
      path.push(id);
      if (node.parentId !== null && !state.codes[node.parentId]) add(`codes.${id}.parentId`, `no code “${node.parentId}”`);
      id = node.parentId;
    }
    if (id !== null && mark.get(id) === 1) add(`codes.${id}.parentId`, `the code is its own ancestor (a parent cycle through ${path.slice(path.indexOf(id)).join(" → ")})`);
    for (const done of path) mark.set(done, 2);
  }
}

/** The params of store.errors.integrity for `file`: how many places ("50+" when the check stopped counting) and the first few. */
export function integrityParams(file: string, issues: readonly IntegrityIssue[], shown = 3): { file: string; count: string; detail: string } {
  const first = issues.slice(0, shown).map((i) => `${i.where}: ${i.problem}`).join("; ");
  return { file, count: issues.length >= MAX_ISSUES ? `${MAX_ISSUES}+` : String(issues.length), detail: issues.length > shown ? `${first}; …` : first };
}
