// Direct imports, not the shared/ barrel, which builds schemas (and so loads zod) as it loads.
import { TandaiError } from "../../shared/errors.js";
import { countWords } from "../../shared/i18n/counts.js";
import { listBackups, restoreBackup } from "../store/index.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir } from "./project.js";
import { warn } from "./warnings.js";

/** "2026-12-01 16:20:05 UTC": a backup's time as a person reads it (the same in both languages). */
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** `tandai backups <dir>`: the project's backups, newest first, with their dates. */
export async function backupsCommand(ctx: CliContext, [dirArg]: string[]) {
  const dir = requireDir("backups", dirArg);
  const backups = await listBackups(dir);
  if (ctx.json) ctx.print(JSON.stringify({ ok: true, dir, backups }));
  else if (!backups.length) ctx.print(ctx.t("recovery.noBackups", { dir }));
  else {
    ctx.print(ctx.t("recovery.backupsHeading", { dir }));
    for (const b of backups) ctx.print(ctx.t("recovery.backupLine", { file: b.file, date: when(b.createdAt) }));
  }
}

/**
 * `tandai restore <dir> [--backup NAME]`: makes the newest (or the named) backup the project,
 * replays the journal on top as far as it is intact, and says what was restored and what was set aside.
 */
export async function restoreCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("restore", dirArg);
  const name = values.backup ?? (await listBackups(dir))[0]?.file;
  if (!name) throw new TandaiError("store.errors.noBackups", { dir });
  const store = await restoreBackup(dir, name);
  const report = store.restored!;
  const { state } = store;
  const counts = { documents: Object.keys(state.documents).length, codes: Object.keys(state.codes).length, codings: Object.keys(state.codings).length };
  await store.close();
  warn(store.warnings);
  if (ctx.json) {
    ctx.print(JSON.stringify({ ok: true, dir, ...report, name: state.name, ...counts }));
    return;
  }
  ctx.print(ctx.t("recovery.restored", { dir, file: report.backup, date: when(report.createdAt) }));
  if (report.replayed) ctx.print(ctx.t("recovery.replayed", { count: report.replayed }));
  for (const { file, aside } of report.setAside) ctx.print(ctx.t("recovery.setAside", { file, aside }));
  if (report.damaged) ctx.print(ctx.t("recovery.dropped", { count: report.damaged.lines, line: report.damaged.line }));
  if (report.notFollowing) ctx.print(ctx.t("recovery.notFollowing"));
  ctx.print(ctx.t("recovery.summary", { name: state.name, ...countWords(ctx.t, counts) }));
}
