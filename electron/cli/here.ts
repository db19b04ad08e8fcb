/**
 * The CLI's first bundles, each ONE CommonJS file built from electron/cli/hot.ts (build/bundle.mjs):
 * main.ts and the modules of the commands listed, run with a code cache of every function that ran
 * (codeCache.ts). Every other command runs in the whole CLI, dist/cli.js (ES modules split by
 * command, so an export loads exceljs and `info` does not). Keep them to commands that neither import
 * nor export, and each list equal to build/bundle.mjs's FIRST_BUNDLE_MODULES (their modules): what
 * they reach is compiled into that file. `search` has a file of its own: its index, stemmers and
 * regular-expression runner inside dist/cli-hot.cjs made every `tandai info` ≈ 3.5 ms slower.
 */
export const FIRST_BUNDLES: Readonly<Record<string, ReadonlySet<string>>> = {
  "cli-hot.cjs": new Set(["new", "info", "code", "doc"]),
  "cli-search.cjs": new Set(["search"]),
};

/** The first bundle that runs `command` (dist/cli-hot.cjs for a call naming none: the usage), if any. */
export function firstBundleOf(command: string | undefined): string | undefined {
  if (command === undefined) return "cli-hot.cjs";
  return Object.keys(FIRST_BUNDLES).find((file) => FIRST_BUNDLES[file]!.has(command));
}

/**
 * The command a call names, for choosing a bundle before anything is parsed: the first word that is
 * not an option. `tandai --lang id info` names "id" and so runs in the whole CLI — correct, only not
 * the quickest way; the parse in main.ts decides what runs.
 */
export const commandWord = (argv: readonly string[]): string | undefined => argv.find((arg) => !arg.startsWith("-"));
