import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { formatOf, parseCodingRows } from "../../shared/codeFrom/parse.js";
import { documentsNamed, planCodings, type RowError } from "../../shared/codeFrom/resolve.js";
import { TandaiError } from "../../shared/errors.js";
import type { DocumentId } from "../../shared/model/ids.js";
import type { CliContext } from "./context.js";
import { cliCoderName } from "./coderName.js";
import type { CliValues } from "./main.js";
import { withProject } from "./project.js";

/** Human output lists this many failed rows; --json lists them all. */
const SHOWN_ERRORS = 20;

/**
 * `tandai code <dir> --from codings.csv|codings.jsonl`: every row of the file as one batch (one
 * durable change, one undo step). A file with any bad row applies nothing, unless --skip-errors,
 * which applies the good rows. Exits 1 whenever a row failed, so a script sees it either way.
 */
export async function codeFromCommand(ctx: CliContext, dir: string, values: CliValues): Promise<number> {
  for (const option of ["doc", "quote", "occurrence", "stance", "code"] as const) {
    if (values[option] !== undefined) throw new TandaiError("codeFrom.errors.notWithFrom", { option: `--${option}` });
  }
  const path = values.from!;
  const file = basename(path);
  const format = formatOf(file);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new TandaiError("codeFrom.errors.unreadable", { file: path, detail: error instanceof Error ? error.message : String(error) });
  }
  const parsed = parseCodingRows(text, format, file);
  const coder = values.coder ?? (await cliCoderName());
  return withProject(dir, async (store) => {
    const texts = new Map<DocumentId, string>();
    for (const id of documentsNamed(store.state, parsed.rows)) texts.set(id, (await store.readDocumentContent(id)).text);
    const plan = planCodings(store.state, parsed.rows, (id) => texts.get(id)!, { coder, now: new Date().toISOString() });
    const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
    const total = parsed.rows.length + parsed.errors.length;
    const apply = errors.length === 0 || Boolean(values["skip-errors"]);
    if (apply && plan.ops.length) await store.apply({ type: "batch", ops: plan.ops });
    const applied = apply ? plan.codings : 0;
    const rowMessage = ({ row, error }: RowError) => ctx.t("codeFrom.rowFailed", { file, row, message: ctx.t(error.code, error.params) });
    if (ctx.json) {
      const listed = errors.map((e) => ({ row: e.row, code: e.error.code, params: e.error.params, message: rowMessage(e) }));
      ctx.print(JSON.stringify({ ok: errors.length === 0, applied, total, failed: errors.length, createdCodes: apply ? plan.created : [], errors: listed }));
    } else {
      for (const error of errors.slice(0, SHOWN_ERRORS)) ctx.printError(rowMessage(error));
      if (errors.length > SHOWN_ERRORS) ctx.printError(ctx.t("codeFrom.moreErrors", { count: errors.length - SHOWN_ERRORS }));
      if (apply) for (const name of plan.created) ctx.print(ctx.t("cli.codeCreated", { code: name }));
      const rows = (count: number) => ctx.t("count.rows", { count });
      if (!apply) ctx.printError(ctx.t("codeFrom.refused", { count: errors.length, rows: rows(total), file }));
      else if (errors.length) ctx.print(ctx.t("codeFrom.skipped", { applied, rows: rows(total), failed: rows(errors.length), file }));
      else ctx.print(ctx.t("codeFrom.coded", { count: applied, file }));
    }
    return errors.length ? 1 : 0;
  });
}
