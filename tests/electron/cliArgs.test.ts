import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { parseCommandLine, quickParse } from "../../electron/cli/args.js";
import { options } from "../../electron/cli/main.js";

/** What util.parseArgs gives for a command line (strict, positionals allowed, as the CLI asks), or its error's code and message. */
function nodeParse(args: string[]) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code, message: (error as Error).message };
  }
}

function ours(args: string[]) {
  try {
    return parseCommandLine(args, options);
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code, message: (error as Error).message };
  }
}

const USUAL = 11; // the first lines of LINES, which the CLI reads without parseArgs
const LINES: string[][] = [
  [],
  ["--version"],
  ["info", "/tmp/tesis"],
  ["info", "/tmp/tesis", "--json", "--lang", "id"],
  ["code", "tesis", "--doc", "wawancara", "--quote", "ASEAN", "--code", "Regionalisme/Ekonomi", "--stance", "contradicts", "--coder", "Ayu"],
  ["code", "tesis", "--doc=wawancara", "--quote=a=b", "--code=", "--occurrence", "2"],
  ["doc", "list", "tesis", "--doc", "a", "--doc", "b", "--group", "g"],
  ["export", "tesis", "--format", "csv", "--table", "codings", "--out", "-"],
  ["search", "tesis", "-", "--no-stem", "--match-case"],
  ["new", "tesis", "--name", "Tesis S2"],
  ["code", "tesis", "--quote=-kata", "--doc", "-"],
  // parseArgs' own from here: short options, the terminator, unknown options, bad values.
  ["-h"],
  ["-v", "info"],
  ["info", "--", "--json"],
  ["info", "--nope"],
  ["info", "--json=yes"],
  ["code", "tesis", "--doc"],
  ["code", "tesis", "--quote", "-kata"],
  ["--=x"],
  ["info", "-x"],
  ["info", "--toString"],
  ["info", "--__proto__", "x"],
];

describe("the CLI's command line (electron/cli/args.ts)", () => {
  it("reads every command line as util.parseArgs does, values, positionals and errors alike", () => {
    for (const line of LINES) expect(ours(line), line.join(" ")).toStrictEqual(nodeParse(line));
    // Errors are among them (so they are compared, not only what parses).
    expect(LINES.filter((line) => "code" in nodeParse(line)).length).toBeGreaterThanOrEqual(6);
    // The usual lines are read without parseArgs, the rest are left to it.
    expect(LINES.map((line) => quickParse(line, options) !== undefined)).toEqual(LINES.map((_line, index) => index < USUAL));
  });

  it("gives values without a prototype, as parseArgs does (an option named like an Object method is no option)", () => {
    const { values } = parseCommandLine(["info", "--json"], options);
    expect(Object.getPrototypeOf(values)).toBeNull();
    expect(values.json).toBe(true);
  });
});
