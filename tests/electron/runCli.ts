import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `tandai` command (bin/tandai.js → dist/cli.js) with its own home folder, in English unless told. */
export function tandai(args: string[], home: string, lang = "en_US.UTF-8"): Promise<CliRun> {
  return new Promise((ok) => {
    execFile(process.execPath, ["bin/tandai.js", ...args], { env: { ...process.env, TANDAI_HOME: home, LANG: lang, LC_ALL: "" } }, (error, stdout, stderr) =>
      ok({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Each CLI run is a fresh Node process; a story of many runs needs more than the default time on a busy machine. */
export const SLOW = 120_000;

/** The last line of a --json run, parsed. */
export const json = (out: string) => JSON.parse(out.trim().split("\n").at(-1)!);

/** Runs a command that must succeed and returns its --json report. */
export async function succeeds(args: string[], home: string) {
  const result = await tandai([...args, "--json"], home);
  expect(result.code, `${args.join(" ")}\n${result.stderr}`).toBe(0);
  return json(result.stdout);
}

/** Runs a command that must fail with one line on stderr, and returns that line. */
export async function fails(args: string[], home: string) {
  const result = await tandai(args, home);
  expect(result.code, args.join(" ")).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines, args.join(" ")).toHaveLength(1);
  return lines[0]!;
}

/** A project "Tesis" in `root`, made with the CLI: one transcript imported and "motif ekonomi" coded "Motive". */
export async function codedProject(root: string): Promise<{ home: string; dir: string }> {
  const home = join(root, "home");
  const dir = join(root, "tesis");
  const transcript = join(root, "wawancara.txt");
  await writeFile(transcript, "Kerja sama ini didorong oleh motif ekonomi.\n");
  await succeeds(["new", dir, "--name", "Tesis"], home);
  await succeeds(["import", dir, transcript], home);
  await succeeds(["code", dir, "--doc", "wawancara", "--quote", "motif ekonomi", "--code", "Motive"], home);
  return { home, dir };
}
