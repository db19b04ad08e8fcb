import { parseArgs } from "node:util";
import { languageFromLocale, LANGUAGES, translate, TandaiError, toErrorPayload, type Language } from "../../shared/index.js";
import { agreementCommand } from "./agreement.js";
import { backupsCommand, restoreCommand } from "./backups.js";
import { caseCommand } from "./cases.js";
import { codeCommand } from "./code.js";
import { codebookCommand } from "./codebook.js";
import { docCommand } from "./doc.js";
import { exportCommand } from "./export.js";
import { frameworkCommand, indicatorsCommand } from "./framework.js";
import { handoffCommand } from "./handoff.js";
import { mergeCommand } from "./merge.js";
import { importCommand, infoCommand, newCommand } from "./project.js";
import { serveCommand } from "./serve.js";
import { autocodeCommand, searchCommand } from "./search.js";
import type { CliContext } from "./context.js";
import { VERSION } from "./version.js";
import { takeWarnings } from "./warnings.js";

const options = {
  json: { type: "boolean" },
  lang: { type: "string" },
  name: { type: "string" },
  case: { type: "string", multiple: true },
  doc: { type: "string", multiple: true },
  framework: { type: "string", multiple: true },
  quote: { type: "string" },
  code: { type: "string" },
  stance: { type: "string" },
  occurrence: { type: "string" },
  coder: { type: "string" },
  port: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  table: { type: "string" },
  chart: { type: "string" },
  unit: { type: "string" },
  quotes: { type: "string" },
  presence: { type: "boolean" },
  memos: { type: "boolean" },
  "no-codebook": { type: "boolean" },
  "no-charts": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  backup: { type: "string" },
  encoding: { type: "string" },
  "allow-duplicate": { type: "boolean" },
  yes: { type: "boolean" },
  group: { type: "string", multiple: true },
  regex: { type: "boolean" },
  "no-stem": { type: "boolean" },
  "match-case": { type: "boolean" },
  within: { type: "string", multiple: true },
  uncoded: { type: "boolean" },
  speaker: { type: "string" },
  sort: { type: "string" },
  limit: { type: "string" },
  "dry-run": { type: "boolean" },
  coders: { type: "string" },
  codes: { type: "string", multiple: true },
  categories: { type: "string" },
  documents: { type: "string", multiple: true },
  "exclude-uncoded": { type: "boolean" },
  "drop-codings": { type: "boolean" },
  take: { type: "string" },
} as const;

export type CliValues = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>["values"];

/** Each command resolves to its exit status (nothing: 0) or throws a TandaiError. */
const commands: Record<string, (ctx: CliContext, positionals: string[], values: CliValues) => Promise<number | void>> = {
  new: newCommand,
  import: importCommand,
  code: codeCommand,
  info: infoCommand,
  framework: frameworkCommand,
  codebook: codebookCommand,
  case: caseCommand,
  indicators: indicatorsCommand,
  export: exportCommand,
  serve: serveCommand,
  backups: backupsCommand,
  restore: restoreCommand,
  doc: docCommand,
  search: searchCommand,
  autocode: autocodeCommand,
  agreement: agreementCommand,
  merge: mergeCommand,
  handoff: handoffCommand,
};

/** Runs the CLI; returns the exit status. Every failure prints one clear, translated line. */
export async function runCli(argv: string[]): Promise<number> {
  let language: Language = languageFromLocale(process.env.LC_ALL || process.env.LANG);
  let json = argv.includes("--json");
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    json = Boolean(values.json);
    if (values.lang !== undefined) {
      if (!(LANGUAGES as readonly string[]).includes(values.lang)) throw new TandaiError("cli.errors.badLanguage", { value: values.lang, valid: LANGUAGES.join(", ") });
      language = values.lang as Language;
    }
    const ctx: CliContext = {
      language,
      json,
      t: (key, params) => translate(language, key, params),
      print: (text) => process.stdout.write(`${text}\n`),
      printError: (text) => process.stderr.write(`tandai: ${text}\n`),
    };
    const [command, ...rest] = positionals;
    if (values.version) return ctx.print(VERSION), 0;
    if (!command || values.help) return ctx.print(ctx.t("cli.usage", { version: VERSION })), 0;
    const run = commands[command];
    if (!run) throw new TandaiError("cli.errors.unknownCommand", { command });
    const status = (await run(ctx, rest, values)) ?? 0;
    for (const warning of takeWarnings()) ctx.printError(ctx.t("recovery.warning", { message: ctx.t(warning.code, warning.params) }));
    return status;
  } catch (error) {
    const payload =
      error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")
        ? { code: "cli.errors.badOption", params: { detail: error.message } }
        : toErrorPayload(error);
    const message = translate(language, payload.code, payload.params);
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: { ...payload, message } })}\n`);
    process.stderr.write(`tandai: ${message}\n`);
    return 1;
  }
}
