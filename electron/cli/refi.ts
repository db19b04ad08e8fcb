import { basename, extname, resolve } from "node:path";
import { countWords, emptyProject, newProjectId, planRefiImport, refiPreviewLines, type RefiPlan } from "../../shared/index.js";
import { createProject, isProject } from "../store/index.js";
import { readImportFile } from "../import/index.js";
import { importRefiFile, planRefiFile, type RefiReader } from "../import/qdpx/index.js";
import { ProjectImporter } from "../import/batch.js";
import { report, type CliContext } from "./context.js";
import { tandaiVersion } from "./version.js";
import { checkTarget } from "../export/target.js";
import { writeRefiExport } from "../export/qdpx/write.js";
import type { CliValues } from "./main.js";
import { withProject } from "./project.js";

/**
 * `tandai import <dir> <file.qdpx|.qde|.zip> [--dry-run] [--json]`: a REFI-QDA project, read and
 * checked whole before the project is touched, then imported as one batch (one undo step).
 * With --dry-run only the preview is printed, and nothing is written.
 */
export async function refiImportCommand(ctx: CliContext, dir: string, path: string, values: CliValues): Promise<number> {
  const file = await readImportFile(path);
  const dryRun = Boolean(values["dry-run"]);
  // Read on the import worker (its heap ceiling and time limit), once: a hostile file fails alone.
  const importer = new ProjectImporter(new URL("./electron/importWorker.mjs", import.meta.url));
  let read: ReturnType<RefiReader> | undefined;
  const readOnce: RefiReader = (name, data) => (read ??= importer.readRefi(name, data));
  // A folder that is not a project yet becomes one, named after the REFI-QDA project — once the file
  // has been read whole, so a bad file leaves no empty project behind (and a dry run creates nothing).
  if (!(await isProject(dir))) {
    const project = await readOnce(file.name, file.data);
    if (dryRun) {
      const plan = planRefiImport(emptyProject(newProjectId(), project.name || "Tandai", new Date().toISOString()), project, file.name, new Date().toISOString(), ctx.language);
      return printPlan(ctx, file.name, plan, true);
    }
    await (await createProject(dir, project.name.trim() || basename(dir))).close();
  }
  return withProject(dir, async (store) => {
    const plan = dryRun ? await planRefiFile(store, file.name, file.data, readOnce, ctx.language) : (await importRefiFile(store, file.name, file.data, undefined, readOnce, ctx.language)).plan;
    return printPlan(ctx, file.name, plan, dryRun);
  });
}

/** Prints the preview (and, after an import, that it was imported), as lines or as --json. */
function printPlan(ctx: CliContext, file: string, plan: RefiPlan, dryRun: boolean): number {
  const lines = [
    ctx.t("refi.preview.title", { name: plan.preview.name }),
    ...refiPreviewLines(plan.preview, ctx.t),
    ctx.t(dryRun ? "refi.preview.dryRun" : "refi.preview.imported", { file }),
  ];
  if (ctx.json) ctx.print(JSON.stringify({ ok: true, file, dryRun, preview: plan.preview, changed: !dryRun && plan.ops.length > 0, messages: lines }));
  else for (const line of lines) ctx.print(line);
  return 0;
}

/**
 * `tandai export <dir> --format qdpx|qdc --out <path>`: the project as a REFI-QDA project, or its
 * codebook as a REFI-QDA codebook, valid against the official schemas, written whole or not at all.
 */
export async function refiExportCommand(ctx: CliContext, dir: string, format: "qdpx" | "qdc", out: string): Promise<void> {
  const path = extname(out).toLowerCase() === `.${format}` ? resolve(out) : `${resolve(out)}.${format}`;
  await checkTarget(path);
  await withProject(dir, async (store) => {
    const { bytes, counts } = await writeRefiExport(store, format, path, `Tandai ${tandaiVersion()}`);
    report(ctx, { path, format, bytes, ...counts }, ctx.t("refi.exported", { path, ...countWords(ctx.t, counts) }));
  });
}
