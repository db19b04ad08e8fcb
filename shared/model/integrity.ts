import { memoKey, type Coding, type ProjectState } from "./project.js";
import { runSteps, STEP, type Steps } from "./steps.js";

/**
 * One way a project's state contradicts itself: `where` is the path in project.json (e.g.
 * `codings.k1.documentId`), `found` the value there and, where it helps, what bounds it
 * (`9999 > 500`, `A → B → A`). Both are language-neutral: the translated message
 * (store.errors.integrity) says what kinds of contradiction these are.
 */
export interface IntegrityIssue {
  where: string;
  found: string;
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
export function checkIntegrity(state: ProjectState, checkedCodings?: readonly IntegrityIssue[]): IntegrityIssue[] {
  return runSteps(integritySteps(state, checkedCodings));
}

/**
 * What integrity says of the coding kept under `key`: its key, its document and code, its range.
 * The codings' part of integritySteps, also run by the store as it reads a by-document
 * project.json a line at a time (then handed to integritySteps as `checkedCodings`).
 */
export function codingIssues(state: ProjectState, key: string, coding: Coding, add: (where: string, found: string) => void): void {
  if (coding.id !== key) add(`codings.${key}.id`, `“${coding.id}”`);
  const doc = state.documents[coding.documentId];
  if (!doc) add(`codings.${key}.documentId`, `“${coding.documentId}”`);
  if (!state.codes[coding.codeId]) add(`codings.${key}.codeId`, `“${coding.codeId}”`);
  if (coding.start >= coding.end) add(`codings.${key}.start`, `${coding.start} ≥ ${coding.end}`);
  else if (doc && coding.end > doc.length) add(`codings.${key}.end`, `${coding.end} > ${doc.length}`);
}

/** An `add` for integrity issues that keeps the first MAX_ISSUES. */
export function issueList(): { issues: IntegrityIssue[]; add: (where: string, found: string) => void } {
  const issues: IntegrityIssue[] = [];
  return { issues, add: (where, found) => void (issues.length < MAX_ISSUES && issues.push({ where, found })) };
}

/**
 * checkIntegrity in slices (see steps.ts): the same issues, yielding every STEP codings and memos,
 * so the backend can check a large snapshot in the background without holding its event loop.
 */
export function* integritySteps(state: ProjectState, checkedCodings?: readonly IntegrityIssue[]): Steps<IntegrityIssue[]> {
  const { issues, add } = issueList();
  const keyed = (area: string, key: string, id: string) => {
    if (id !== key) add(`${area}.${key}.id`, `“${id}”`);
  };
  for (const area of ["documents", "codes", "cases", "attributes", "frameworks"] as const) {
    for (const [key, record] of Object.entries(state[area] as Record<string, { id: string }>)) keyed(area, key, record.id);
  }
  if (checkedCodings) {
    // The codings were checked as they were read (`codingIssues`, by the store): not a second pass over a million of them.
    for (const issue of checkedCodings) add(issue.where, issue.found);
  } else {
    // The codings are most of a project: one pass for their key, references and range — over the
    // keys, not Object.entries, which builds a [key, value] pair per coding (2.5× slower at 1M).
    const codings = state.codings;
    const codingKeys = Object.keys(codings);
    for (let i = 0; i < codingKeys.length; i++) {
      if (i && i % STEP === 0) yield;
      const key = codingKeys[i]!;
      codingIssues(state, key, codings[key as keyof typeof codings]!, add);
    }
  }
  checkCodeTree(state, add);
  for (const [key, kase] of Object.entries(state.cases)) {
    for (const id of kase.documentIds) if (!state.documents[id]) add(`cases.${key}.documentIds`, `“${id}”`);
  }
  let memos = 0;
  for (const [key, memo] of Object.entries(state.memos)) {
    if (++memos % STEP === 0) yield;
    if (memoKey(memo.target) !== key) add(`memos.${key}.target`, `“${memoKey(memo.target)}”`);
    const target = memo.target;
    const exists =
      target.kind === "project" ||
      (target.kind === "document" && state.documents[target.id]) ||
      (target.kind === "code" && state.codes[target.id]) ||
      (target.kind === "coding" && state.codings[target.id]);
    if (!exists) add(`memos.${key}.target`, `“${memoKey(target)}”`);
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
      if (node.parentId !== null && !state.codes[node.parentId]) add(`codes.${id}.parentId`, `“${node.parentId}”`);
      id = node.parentId;
    }
    if (id !== null && mark.get(id) === 1) add(`codes.${id}.parentId`, [...path.slice(path.indexOf(id)), id].join(" → "));
    for (const done of path) mark.set(done, 2);
  }
}

/**
 * The params of store.errors.integrity for `file`: how many places (a number, which picks the plural
 * form; `more` is "+" when the check stopped counting, so it reads "50+") and the first few.
 */
export function integrityParams(file: string, issues: readonly IntegrityIssue[], shown = 3): { file: string; count: number; more: string; detail: string } {
  const first = issues.slice(0, shown).map((i) => `${i.where} = ${i.found}`).join("; ");
  return { file, count: issues.length, more: issues.length >= MAX_ISSUES ? "+" : "", detail: issues.length > shown ? `${first}; …` : first };
}
