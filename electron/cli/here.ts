/**
 * The commands held by the CLI's first bundle, dist/cli-hot.cjs (electron/cli/hot.ts): the
 * ones scripts call most. Every other command runs in the whole CLI, dist/cli.js (ES modules split by
 * command, so an export loads exceljs and `info` does not). Keep it to commands that neither import
 * nor export, and equal to build/bundle.mjs's CLI_HOT_MODULES (their modules): what they reach is
 * compiled into that one file.
 */
export const HERE: ReadonlySet<string> = new Set(["new", "info", "code", "doc"]);

/**
 * The command a call names, for choosing a bundle before anything is parsed: the first word that is
 * not an option. `tandai --lang id info` names "id" and so runs in the whole CLI — correct, only not
 * the quickest way; the parse in main.ts decides what runs.
 */
export const commandWord = (argv: readonly string[]): string | undefined => argv.find((arg) => !arg.startsWith("-"));
