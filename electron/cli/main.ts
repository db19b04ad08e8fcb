import type { parseArgs } from "node:util";
// Only what every command needs is imported here (not the shared/ barrel, which pulls every schema):
// the commands themselves load on demand, see `commands` below.
import { TandaiError, toErrorPayload } from "../../shared/errors.js";
import { languageFromLocale, LANGUAGES, type Language } from "../../shared/i18n/catalogues.js";
import { translate } from "../../shared/i18n/translate.js";
import type { CliContext } from "./context.js";
import { parseCommandLine } from "./args.js";
import { writeOut } from "./output.js";
import { tandaiVersion } from "./version.js";
import { takeWarnings } from "./warnings.js";

export const options = {
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
  from: { type: "string" },
  "skip-errors": { type: "boolean" },
  coders: { type: "string" },
  codes: { type: "string", multiple: true },
  categories: { type: "string" },
  documents: { type: "string", multiple: true },
  "exclude-uncoded": { type: "boolean" },
  "drop-codings": { type: "boolean" },
  take: { type: "string" },
  // tandai team …
  server: { type: "string" },
  "admin-token": { type: "string" },
  token: { type: "string" },
  role: { type: "string" },
  sqlite: { type: "string" },
  postgres: { type: "string" },
  redis: { type: "string" },
  host: { type: "string" },
  timeout: { type: "string" },
} as const;

export type CliValues = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>["values"];

type Command = (ctx: CliContext, positionals: string[], values: CliValues) => Promise<number | void>;

/**
 * Each command's module, imported only when it runs: the bundle splits them into chunks, so `tandai
 * info` never loads exceljs, docx or mammoth (start-up was 85–90 % module loading).
 */
const lazy =
  <M>(load: () => Promise<M>, pick: (module: M) => Command): Command =>
  async (ctx, positionals, values) =>
    pick(await load())(ctx, positionals, values);

/** Each command resolves to its exit status (nothing: 0) or throws a TandaiError. */
const commands: Record<string, Command> = {
  new: lazy(() => import("./project.js"), (m) => m.newCommand),
  import: lazy(() => import("./importFiles.js"), (m) => m.importCommand),
  code: lazy(() => import("./code.js"), (m) => m.codeCommand),
  info: lazy(() => import("./project.js"), (m) => m.infoCommand),
  framework: lazy(() => import("./framework.js"), (m) => m.frameworkCommand),
  codebook: lazy(() => import("./codebook.js"), (m) => m.codebookCommand),
  case: lazy(() => import("./cases.js"), (m) => m.caseCommand),
  indicators: lazy(() => import("./framework.js"), (m) => m.indicatorsCommand),
  export: lazy(() => import("./export.js"), (m) => m.exportCommand),
  serve: lazy(() => import("./serve.js"), (m) => m.serveCommand),
  backups: lazy(() => import("./backups.js"), (m) => m.backupsCommand),
  restore: lazy(() => import("./backups.js"), (m) => m.restoreCommand),
  repair: lazy(() => import("./repair.js"), (m) => m.repairCommand),
  doc: lazy(() => import("./doc.js"), (m) => m.docCommand),
  search: lazy(() => import("./search.js"), (m) => m.searchCommand),
  autocode: lazy(() => import("./autocode.js"), (m) => m.autocodeCommand),
  agreement: lazy(() => import("./agreement.js"), (m) => m.agreementCommand),
  merge: lazy(() => import("./merge.js"), (m) => m.mergeCommand),
  handoff: lazy(() => import("./handoff.js"), (m) => m.handoffCommand),
  team: lazy(() => import("./team.js"), (m) => m.teamCommand),
};

/**
 * The commands a build holds, and where it sends the others: dist/cli-start.cjs, the CLI's first
 * file, holds the few that scripts call most and hands every other to the whole CLI (electron/cli/bin.ts).
 */
export interface CommandsHere {
  here: ReadonlySet<string>;
  elsewhere: (argv: string[]) => Promise<number>;
}

/** Runs the CLI; returns the exit status. Every failure prints one clear, translated line. */
export async function runCli(argv: string[], split?: CommandsHere): Promise<number> {
  let language: Language = languageFromLocale(process.env.LC_ALL || process.env.LANG);
  let json = argv.includes("--json");
  try {
    const { values, positionals } = parseCommandLine(argv, options);
    json = Boolean(values.json);
    if (values.lang !== undefined) {
      if (!(LANGUAGES as readonly string[]).includes(values.lang)) throw new TandaiError("cli.errors.badLanguage", { value: values.lang, valid: LANGUAGES.join(", ") });
      language = values.lang as Language;
    }
    const ctx: CliContext = {
      language,
      json,
      t: (key, params) => translate(language, key, params),
      print: (text) => writeOut(1, `${text}\n`),
      printError: (text) => writeOut(2, `tandai: ${text}\n`),
    };
    const [command, ...rest] = positionals;
    if (values.version) return ctx.print(tandaiVersion()), 0;
    if (!command || values.help) return ctx.print(ctx.t("cli.usage", { version: tandaiVersion() })), 0;
    const run = commands[command];
    if (!run) throw new TandaiError("cli.errors.unknownCommand", { command });
    // Before anything is read or written: the whole CLI starts afresh, warnings and all.
    if (split && !split.here.has(command)) return await split.elsewhere(argv);
    const status = (await run(ctx, rest, values)) ?? 0;
    for (const warning of takeWarnings()) ctx.printError(ctx.t("recovery.warning", { message: ctx.t(warning.code, warning.params) }));
    return status;
  } catch (error) {
    const payload =
      error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")
        ? { code: "cli.errors.badOption", params: { detail: error.message } }
        : toErrorPayload(error);
    const message = translate(language, payload.code, payload.params);
    if (json) writeOut(1, `${JSON.stringify({ ok: false, error: { ...payload, message } })}\n`);
    writeOut(2, `tandai: ${message}\n`);
    return 1;
  }
}
