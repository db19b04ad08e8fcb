import { resolveIndicatorCode } from "../../shared/codebook/indicatorCode.js";
import { TandaiError } from "../../shared/errors.js";
import type { ProjectState } from "../../shared/model/project.js";
import { AUTOCODE_UNITS, AutocodeRequest, type AutocodeUnit } from "../../shared/search/model.js";
import type { Backend } from "../backend/backend.js";
import { cliBackend } from "./backend.js";
import type { CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir } from "./project.js";
import { oneOf, requireQuery, searchRequestOf } from "./search.js";

/**
 * Opens the project in the app's own backend, waits for its search index, runs `work`, closes:
 * auto-coding applies its batch as the app does. (`tandai search` only reads, and so runs without
 * the backend, from the CLI's first bundle: search.ts.)
 */
async function withSearch<T>(dir: string, work: (backend: Backend, state: ProjectState) => Promise<T>): Promise<T> {
  const backend = await cliBackend();
  await backend.openProject({ dir });
  try {
    return await work(backend, backend.openStore!.state);
  } finally {
    await backend.closeProject();
  }
}

/** `tandai autocode <dir> "<query>" --code "<code>" --unit …`: one batch, or a preview with --dry-run. */
export async function autocodeCommand(ctx: CliContext, [dirArg, queryArg]: string[], values: CliValues) {
  const dir = requireDir("autocode", dirArg);
  const query = requireQuery("autocode", queryArg);
  if (!values.code) throw new TandaiError("cli.errors.missingArgument", { command: "autocode", argument: "--code" });
  const unit: AutocodeUnit = oneOf("--unit", values.unit ?? "word", AUTOCODE_UNITS);
  await withSearch(dir, async (backend, state) => {
    const coder = values.coder ?? backend.settings.preferences.coderName;
    const linked = resolveIndicatorCode(state, values.code!);
    const search = searchRequestOf(state, query, values);
    const request = AutocodeRequest.parse({ search, ...(linked ? { codeId: linked } : { newCode: values.code! }), unit, dryRun: Boolean(values["dry-run"]) });
    const result = await backend.searchService!.autocode(request, coder, (op) => backend.apply({ op }));
    const { applied: _applied, ...report } = result;
    if (ctx.json) return ctx.print(JSON.stringify({ ok: true, ...report }));
    if (result.dryRun) for (const p of result.codings) ctx.print(ctx.t("search.cli.planned", { document: p.document, start: p.start, end: p.end, text: p.text.replace(/\s+/g, " ") }));
    ctx.print(ctx.t(result.dryRun ? "search.cli.wouldCode" : "search.cli.autocoded", { count: result.count, code: result.code, skipped: result.skipped.length }));
  });
}
