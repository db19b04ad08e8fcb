// Direct imports, not the shared/ barrel, which builds schemas (and so loads zod) as it loads.
import { TandaiError } from "../../shared/errors.js";
import { countWords } from "../../shared/i18n/counts.js";
import type { MergeChoice } from "../../shared/merge/plan.js";
import { batch } from "../../shared/ops/operation.js";
import { planCopyMerge, readCopy } from "../merge/copy.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";

/**
 * `tandai merge <dir> <other> [--take mine|theirs] [--dry-run]`: merges another coder's copy into
 * this project as one batch (one undo step). Conflicts keep this project's version unless
 * `--take theirs`; each is listed.
 */
export async function mergeCommand(ctx: CliContext, [dirArg, otherArg]: string[], values: CliValues) {
  const dir = requireDir("merge", dirArg);
  const other = requireDir("merge", otherArg);
  const take = (values.take ?? "mine") as MergeChoice;
  if (take !== "mine" && take !== "theirs") throw new TandaiError("agreement.errors.badChoice", { value: values.take ?? "" });
  const copy = await readCopy(other, dir);
  await withProject(dir, async (store) => {
    const dryRun = Boolean(values["dry-run"]);
    const plan = await planCopyMerge(store, copy, {}, take, !dryRun);
    if (!dryRun && plan.ops.length) await store.apply(batch(plan.ops));
    const counts = countWords(ctx.t, {
      documents: plan.addedDocuments.length,
      codes: plan.addedCodes.length,
      codings: plan.addedCodings,
      cases: plan.addedCases,
      memos: plan.addedMemos,
      conflicts: plan.conflicts.length,
    });
    const matched = plan.matchedDocuments.length + plan.matchedCodes.length + plan.presentCodings + plan.matchedCases;
    if (ctx.json) {
      const { ops: _ops, ...rest } = plan;
      return ctx.print(JSON.stringify({ ok: true, dryRun, changed: !dryRun && plan.ops.length > 0, take, ...rest, addedCodes: plan.addedCodes.length }));
    }
    ctx.print(ctx.t(dryRun ? "agreement.cli.wouldMerge" : "agreement.cli.merged", { other, ...counts, matched }));
    for (const c of plan.conflicts) ctx.print(ctx.t("agreement.cli.conflict", { what: `${c.key}: “${c.mine}” ≠ “${c.theirs}”`, choice: take }));
  });
}
