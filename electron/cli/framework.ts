import { readFile } from "node:fs/promises";
import { basename } from "node:path";
// Direct imports, not the shared/ barrel, which builds schemas (and so loads zod) as it loads.
import { codePath, formatCodePath, PATH_SEPARATOR } from "../../shared/codebook/tree.js";
import { TandaiError } from "../../shared/errors.js";
import { computeIndicators } from "../../shared/frameworks/compute.js";
import { findIndicator, Framework, indicatorName } from "../../shared/frameworks/model.js";
import { addTemplateOps } from "../../shared/frameworks/template.js";
import { TEMPLATE_IDS, templateFramework } from "../../shared/frameworks/templates.js";
import { describeResult, verdictSentence } from "../../shared/frameworks/verdict.js";
import type { ProjectState } from "../../shared/model/project.js";
import type { Operation } from "../../shared/ops/operation.js";
import { addCustomFrameworkOps, sameFramework } from "../../shared/frameworks/custom.js";
import { report, type CliContext } from "./context.js";
import type { CliValues } from "./main.js";
import { requireDir, withProject } from "./project.js";
import { casesByNames, frameworksByIds } from "./resolve.js";

/** `tandai framework add|import …` */
export async function frameworkCommand(ctx: CliContext, [sub, ...rest]: string[]) {
  if (sub === "add") return frameworkAdd(ctx, rest);
  if (sub === "import") return frameworkImport(ctx, rest);
  if (!sub) throw new TandaiError("cli.errors.missingArgument", { command: "framework", argument: "add|import" });
  throw new TandaiError("cli.errors.unknownSubcommand", { command: "framework", subcommand: sub, valid: "add, import" });
}

async function frameworkAdd(ctx: CliContext, [dirArg, frameworkId]: string[]) {
  const dir = requireDir("framework add", dirArg);
  if (!frameworkId) throw new TandaiError("cli.errors.missingArgument", { command: "framework add", argument: "<framework-id>" });
  await withProject(dir, async (store) => {
    if (!store.state.frameworks[frameworkId] && !templateFramework(frameworkId)) {
      throw new TandaiError("cli.errors.unknownFramework", { id: frameworkId, valid: TEMPLATE_IDS.join(", ") });
    }
    const ops = addTemplateOps(store.state, frameworkId, ctx.language, new Date().toISOString());
    await applyAndReport(ctx, store, frameworkId, ops);
  });
}

async function frameworkImport(ctx: CliContext, [dirArg, file]: string[]) {
  const dir = requireDir("framework import", dirArg);
  if (!file) throw new TandaiError("cli.errors.missingArgument", { command: "framework import", argument: "<file.json>" });
  const framework = await readFrameworkFile(file);
  await withProject(dir, async (store) => {
    const existing = store.state.frameworks[framework.id];
    if (existing && !sameFramework(existing, framework)) throw new TandaiError("cli.errors.frameworkExists", { id: framework.id, file: basename(file) });
    const ops = addCustomFrameworkOps(store.state, framework, ctx.language, new Date().toISOString());
    await applyAndReport(ctx, store, framework.id, ops);
  });
}

/** Reads and validates a framework JSON file; every error names the file (and the first bad field). */
export async function readFrameworkFile(path: string): Promise<Framework> {
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new TandaiError("import.errors.notFound", { file: path });
    throw new TandaiError("import.errors.unreadable", { file: path, detail: code ?? String(error) });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new TandaiError("cli.errors.badJson", { file, detail: error instanceof Error ? error.message : String(error) });
  }
  const parsed = Framework.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TandaiError("cli.errors.badFramework", { file, field: fieldPath(issue.path) || "(root)", detail: issue.message });
  }
  return parsed.data;
}

/** ["indicators", 0, "id"] → "indicators[0].id" */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

async function applyAndReport(
  ctx: CliContext,
  store: { state: ProjectState; apply: (op: Operation) => Promise<Operation> },
  frameworkId: string,
  ops: Operation[],
) {
  if (ops.length) await store.apply({ type: "batch", ops });
  const state = store.state;
  const framework = state.frameworks[frameworkId]!;
  const name = framework.name[ctx.language];
  const frameworkAdded = ops.some((op) => op.type === "addFramework");
  const createdCodes = ops.flatMap((op) => (op.type === "addCode" ? [formatCodePath(codePath(state, op.code.id), PATH_SEPARATOR)] : []));
  // The researcher's own codes that were named like an indicator, now its evidence.
  const linkedCodes = ops.flatMap((op) =>
    op.type === "linkCode" && op.indicatorId ? [{ code: formatCodePath(codePath(state, op.codeId), PATH_SEPARATOR), indicatorId: op.indicatorId }] : [],
  );
  const codes = framework.indicators.map((indicator) => {
    const linked = Object.values(state.codes).filter((c) => c.indicatorId === indicator.id);
    return { indicatorId: indicator.id, codes: linked.map((c) => ({ id: c.id, path: formatCodePath(codePath(state, c.id), PATH_SEPARATOR) })) };
  });
  if (!ctx.json) {
    if (ops.length === 0) ctx.print(ctx.t("cli.frameworkUnchanged", { name, id: frameworkId }));
    else {
      ctx.print(ctx.t(frameworkAdded ? "cli.frameworkAdded" : "cli.frameworkCompleted", { name, id: frameworkId }));
      for (const { code, indicatorId } of linkedCodes) {
        ctx.print(ctx.t("cli.frameworkLinked", { code, indicator: indicatorName(state.frameworks, indicatorId, ctx.language) }));
      }
      for (const code of createdCodes) ctx.print(ctx.t("cli.frameworkCode", { code }));
    }
    return;
  }
  report(ctx, { frameworkId, name: framework.name, kind: framework.kind, changed: ops.length > 0, frameworkAdded, createdCodes, linkedCodes, indicators: codes }, "");
}

/** `tandai indicators <dir> [--framework ID]... [--case NAME]...`: every indicator's status and each verdict, per case × framework. */
export async function indicatorsCommand(ctx: CliContext, [dirArg]: string[], values: CliValues) {
  const dir = requireDir("indicators", dirArg);
  await withProject(dir, async ({ state }) => {
    const frameworks = frameworksByIds(state, values.framework);
    const wanted = casesByNames(state, values.case);
    const language = ctx.language;
    const results = computeIndicators(state, [...new Set(frameworks)]).filter((r) => !wanted || wanted.includes(r.caseId));
    if (wanted) results.sort((a, b) => wanted.indexOf(a.caseId) - wanted.indexOf(b.caseId));
    const cases = results.map((result) => {
      const found = state.cases[result.caseId]!;
      return {
        caseId: found.id,
        name: found.name,
        documents: new Set(found.documentIds).size,
        frameworks: result.frameworks.map(({ frameworkId, indicators, verdict }) => {
          const framework = state.frameworks[frameworkId]!;
          return {
            frameworkId,
            name: framework.name,
            kind: framework.kind,
            thresholds: framework.thresholds,
            indicators: indicators.map((r) => ({
              id: r.indicatorId,
              name: findIndicator(state.frameworks, r.indicatorId)!.name,
              computed: r.computed,
              effective: r.effective,
              supporting: r.supporting,
              contradicting: r.contradicting,
              documents: r.documents,
              hasContradicting: r.hasContradicting,
              override: r.override ? { status: r.override.status, justification: r.override.justification, at: r.override.at } : null,
              description: describeResult(language, r),
            })),
            verdict: { ...verdict, sentence: verdictSentence(language, framework, verdict) },
          };
        }),
      };
    });
    if (ctx.json) return ctx.print(JSON.stringify({ ok: true, language, cases }));
    if (frameworks.length === 0) return ctx.print(ctx.t("cli.noFrameworks"));
    if (cases.length === 0) return ctx.print(ctx.t("cli.noCases"));
    const blocks = cases.flatMap((c) =>
      c.frameworks.map((f) => {
        const rows = f.indicators.map((i) => [i.id, i.name[language], i.description]);
        const width = (col: number) => Math.max(...rows.map((r) => r[col]!.length));
        return [
          ctx.t("cli.indicatorsHeading", { case: c.name, framework: f.name[language], documents: c.documents }),
          ...rows.map((r) => `  ${r[0]!.padEnd(width(0))}  ${r[1]!.padEnd(width(1))}  ${r[2]}`),
          `  ${ctx.t("cli.verdict", { sentence: f.verdict.sentence })}`,
        ].join("\n");
      }),
    );
    ctx.print(blocks.join("\n\n"));
  });
}
