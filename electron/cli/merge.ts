import { batch, planMerge, TandaiError, type DocumentContent, type DocumentId, type MergeChoice, type ProjectState } from "../../shared/index.js";
import { textHash } from "../import/batch.js";
import type { DiskProjectStore } from "../store/index.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";

/** Every document's text hash (and, when asked, its content). */
async function readDocuments(store: DiskProjectStore, keep: boolean) {
  const hashes = new Map<DocumentId, string>();
  const contents = new Map<DocumentId, DocumentContent>();
  for (const id of Object.keys(store.state.documents) as DocumentId[]) {
    const content = await store.readDocumentContent(id);
    hashes.set(id, textHash(content.text));
    if (keep) contents.set(id, content);
  }
  return { hashes, contents };
}

/**
 * `tandai merge <dir> <other> [--take mine|theirs] [--dry-run]`: merges another coder's copy into
 * this project as one batch (one undo step). Conflicts keep this project's version unless
 * `--take theirs`; each is listed.
 */
export async function mergeCommand(ctx: CliContext, [dirArg, otherArg]: string[], values: CliValues) {
  const dir = requireDir("merge", dirArg);
  const other = requireDir("merge", otherArg);
  if (dir === other) throw new TandaiError("agreement.errors.sameProject", { other });
  const take = (values.take ?? "mine") as MergeChoice;
  if (take !== "mine" && take !== "theirs") throw new TandaiError("agreement.errors.badChoice", { value: values.take ?? "" });
  // Their project is read whole and closed before ours is opened, so the two locks never wait on each other.
  const theirs = await withProject(other, async (store) => ({ state: structuredClone(store.state) as ProjectState, ...(await readDocuments(store, true)) }));
  await withProject(dir, async (store) => {
    const { hashes } = await readDocuments(store, false);
    const preview = planMerge(store.state, theirs.state, { mine: hashes, theirs: theirs.hashes });
    const choices = Object.fromEntries(preview.conflicts.map((c) => [c.key, take]));
    const plan = planMerge(store.state, theirs.state, { mine: hashes, theirs: theirs.hashes }, choices);
    const dryRun = Boolean(values["dry-run"]);
    if (!dryRun && plan.ops.length) {
      for (const { theirs: from, mine: to } of plan.addedDocuments) await store.writeDocumentContent(to, theirs.contents.get(from)!);
      await store.apply(batch(plan.ops));
    }
    const counts = {
      documents: plan.addedDocuments.length,
      codes: plan.addedCodes.length,
      codings: plan.addedCodings,
      cases: plan.addedCases,
      memos: plan.addedMemos,
      matched: plan.matchedDocuments.length + plan.matchedCodes.length + plan.presentCodings + plan.matchedCases,
      conflicts: plan.conflicts.length,
    };
    if (ctx.json) {
      const { ops: _ops, ...rest } = plan;
      return ctx.print(JSON.stringify({ ok: true, dryRun, changed: !dryRun && plan.ops.length > 0, take, ...rest, addedCodes: plan.addedCodes.length }));
    }
    ctx.print(ctx.t(dryRun ? "agreement.cli.wouldMerge" : "agreement.cli.merged", { other, ...counts }));
    for (const c of plan.conflicts) ctx.print(ctx.t("agreement.cli.conflict", { what: `${c.key}: “${c.mine}” ≠ “${c.theirs}”`, choice: take }));
  });
}
