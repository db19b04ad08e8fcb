import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { succeeds } from "../runCli.js";

// Four paragraphs of an interview (own fixture).
export const INTERVIEW = [
  "Kerja sama ini dimulai karena peluang investasi dan perdagangan.",
  "Pertukaran budaya juga penting bagi kedua kota.",
  "Anggaran daerah terbatas sehingga program berjalan lambat.",
  "Kami berharap kunjungan pejabat berlanjut tahun depan.",
].join("\n");

/**
 * The coders CLI tests' project, made as a user makes it: `tandai new` "Tesis" in `root`, the
 * interview imported as "Wawancara". `code` codes a quote as a coder, in this project or another
 * (a coder's copy).
 */
export async function interviewProject(root: string) {
  const home = join(root, "home");
  const dir = join(root, "tesis");
  const file = join(root, "Wawancara.txt");
  await writeFile(file, INTERVIEW);
  await succeeds(["new", dir, "--name", "Tesis"], home);
  await succeeds(["import", dir, file], home);
  const code = (quote: string, codePath: string, coder: string, project = dir) =>
    succeeds(["code", project, "--doc", "Wawancara", "--quote", quote, "--code", codePath, "--coder", coder], home);
  return { home, dir, code };
}
