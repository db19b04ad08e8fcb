import { countWords } from "../../shared/i18n/counts.js";
import { handOff, unpackPackage } from "../merge/handoff.js";
import { isPackage } from "../merge/package.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";

/**
 * `tandai handoff <dir> <new-dir | file.tandai> [--drop-codings]`: writes the copy for a second
 * coder into a new folder or one package file; `tandai handoff <file.tandai> <new-dir>` unpacks one.
 */
export async function handoffCommand(ctx: CliContext, [dirArg, targetArg]: string[], values: CliValues) {
  const dir = requireDir("handoff", dirArg);
  const target = requireDir("handoff", targetArg);
  const result = isPackage(dir) ? await unpackPackage(dir, target) : await withProject(dir, (store) => handOff(store, target, Boolean(values["drop-codings"])));
  const { package: packaged, ...counts } = result;
  report(ctx, packaged ? result : counts, ctx.t("agreement.cli.handedOff", { path: target, ...countWords(ctx.t, { documents: counts.documents, codes: counts.codes, codings: counts.codings }) }));
}
