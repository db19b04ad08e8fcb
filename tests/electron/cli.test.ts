import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, tandai } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

describe("tandai CLI", () => {
  it("creates a project, imports, codes (creating codes), and reports counts", async () => {
    const root = await temp();
    const dir = join(root, "tesis");
    const home = join(root, "home");
    expect(json((await tandai(["new", dir, "--name", "Tesis Padang", "--json"], home)).stdout)).toMatchObject({ ok: true, name: "Tesis Padang" });

    const transcript = join(root, "wawancara-bappeda.txt");
    await writeFile(transcript, "Tujuan kami membuka pasar ekspor.\nTujuan kami membuka pasar ekspor lagi.\n");
    const empty = join(root, "kosong.txt");
    await writeFile(empty, "");
    const imported = await tandai(["import", dir, transcript, empty, "--case", "Padang – Ba Ria-Vung Tau", "--json"], home);
    expect(imported.code).toBe(1);
    const report = json(imported.stdout);
    expect(report).toMatchObject({ ok: false, imported: 1, total: 2, casesCreated: ["Padang – Ba Ria-Vung Tau"] });
    expect(report.outcomes[1]).toMatchObject({ file: "kosong.txt", ok: false, error: { code: "import.errors.empty" } });
    const human = await tandai(["import", dir, empty], home);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain("Could not import kosong.txt: “kosong.txt” is empty");
    expect(human.stdout).toContain("0 of 1 file imported.");

    const coded = await tandai(["code", dir, "--doc", "wawancara-bappeda", "--quote", "membuka pasar ekspor", "--occurrence", "2", "--code", "Motive/Economic motive", "--stance", "contradicts", "--coder", "Rani"], home);
    expect(coded.code).toBe(0);
    expect(coded.stdout).toContain("Created code “Motive”");
    expect(coded.stdout).toContain("Created code “Motive/Economic motive”");
    const again = json((await tandai(["code", dir, "--doc", "wawancara-bappeda", "--quote", "Tujuan kami", "--code", "economic motive", "--json"], home)).stdout);
    expect(again).toMatchObject({ ok: true, code: "Motive/Economic motive", createdCodes: [], start: 0, end: 11, stance: "supports" });

    const info = json((await tandai(["info", dir, "--json"], home)).stdout);
    expect(info).toMatchObject({ ok: true, name: "Tesis Padang", documents: 1, codes: 2, codings: 2, cases: 1 });
  });

  it("fails with one clear line and a non-zero status on bad input", async () => {
    const root = await temp();
    const home = join(root, "home");
    const dir = join(root, "p");
    await tandai(["new", dir], home);
    const cases: [string[], RegExp][] = [
      [["info", join(root, "nowhere")], /not a Tandai project|nowhere/i],
      [["frobnicate"], /Unknown command “frobnicate”/],
      [["code", dir, "--doc", "x", "--quote", "y"], /needs --code/],
      [["code", dir, "--doc", "missing", "--quote", "y", "--code", "c"], /No document titled or with id “missing”/],
      [["code", dir, "--doc", "x", "--quote", "y", "--code", "c", "--stance", "maybe"], /--stance must be supports or contradicts/],
      [["import", dir, join(root, "missing.docx")], /missing\.docx/],
      [["info", dir, "--bogus"], /bogus/],
    ];
    for (const [args, message] of cases) {
      const result = await tandai(args, home);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr, args.join(" ")).toMatch(message);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });

  it("speaks Indonesian with --lang id", async () => {
    const root = await temp();
    const result = await tandai(["frobnicate", "--lang", "id"], join(root, "home"));
    expect(result.stderr).toContain("Perintah “frobnicate” tidak dikenal");
  });
});
