import { planProjectRepair, repairProject, type RepairReport } from "../store/index.js";
import type { RepairChange } from "../../shared/index.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir } from "./project.js";
import { warn } from "./warnings.js";

/** One change in the user's language: its kind's sentence with the language-neutral place and values. */
export const changeText = (ctx: CliContext, change: RepairChange) => ctx.t(`repair.changes.${change.kind}`, { where: change.where, found: change.found, becomes: change.becomes ?? "" });

/**
 * `tandai repair <dir> [--dry-run] [--json]`: what repairing a project file that contradicts itself
 * changes (each change named), and with no --dry-run the repair itself (the damaged file kept
 * first). A project that needs none is opened and closed as usual, changing nothing.
 */
export async function repairCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("repair", dirArg);
  if (values["dry-run"]) {
    const changes = await planProjectRepair(dir);
    if (ctx.json) ctx.print(JSON.stringify({ ok: true, dir, dryRun: true, count: changes.length, changes }));
    else if (!changes.length) ctx.print(ctx.t("repair.nothing", { dir }));
    else {
      ctx.print(ctx.t("repair.planHeading", { dir, count: changes.length }));
      for (const change of changes) ctx.print(ctx.t("repair.line", { change: changeText(ctx, change) }));
      ctx.print(ctx.t("repair.dryRun"));
    }
    return;
  }
  const { store, report } = await repairProject(dir);
  await store.close();
  warn(store.warnings);
  if (ctx.json) ctx.print(JSON.stringify({ ok: true, dir, dryRun: false, count: report.changes.length, changes: report.changes, kept: report.kept }));
  else if (!report.changes.length) ctx.print(ctx.t("repair.nothing", { dir }));
  else reportDone(ctx, dir, report);
}

function reportDone(ctx: CliContext, dir: string, report: RepairReport) {
  ctx.print(ctx.t("repair.doneHeading", { dir, count: report.changes.length }));
  for (const change of report.changes) ctx.print(ctx.t("repair.line", { change: changeText(ctx, change) }));
  if (report.kept) ctx.print(ctx.t("repair.kept", { kept: report.kept }));
}
