import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLOW, succeeds, tandai } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

const INTERVIEW = [
  "Tujuan utama kerja sama ini adalah membuka pasar ekspor hasil perikanan.",
  "Pemerintah provinsi juga berharap investasi pelabuhan bertambah.",
].join("\n");

describe("tandai framework add with the researcher's own codes", () => {
  it("links “Motif ekonomi”, coded twice before, instead of creating a second one, says so, and the verdict counts it", async () => {
    const root = await temp();
    const home = join(root, "home");
    const dir = join(root, "tesis");
    await succeeds(["new", dir, "--name", "Paradiplomasi Padang"], home);
    const interview = join(root, "wawancara-bappeda.txt");
    await writeFile(interview, INTERVIEW);
    await succeeds(["import", dir, interview], home);
    await succeeds(["code", dir, "--doc", "wawancara-bappeda", "--quote", "membuka pasar ekspor", "--code", "Motif ekonomi"], home);
    await succeeds(["code", dir, "--doc", "wawancara-bappeda", "--quote", "investasi pelabuhan", "--code", "Motif ekonomi"], home);
    await succeeds(["case", "add", dir, "Padang – Ba Ria-Vung Tau", "--doc", "wawancara-bappeda"], home);

    const human = await tandai(["framework", "add", dir, "keating", "--lang", "id"], home);
    expect(human.code).toBe(0);
    // --lang id: code names and messages in Indonesian.
    expect(human.stdout).toContain("Kode Anda “Motif ekonomi” ditautkan ke indikator “Motif ekonomi”.");
    expect(human.stdout).toContain("Kode “Motif paradiplomasi (Keating)/Motif budaya” dibuat.");
    expect(human.stdout).not.toContain("Kode “Motif paradiplomasi (Keating)/Motif ekonomi” dibuat.");

    const result = await succeeds(["indicators", dir, "--framework", "keating"], home);
    const keating = result.cases[0].frameworks[0];
    expect(keating.indicators[0]).toMatchObject({ id: "keating.economic", effective: "met", supporting: 2 });
    expect(keating.verdict.sentence).toBe("economic motive present; no cultural or political motive");
    expect(await succeeds(["info", dir], home)).toMatchObject({ codes: 4 });
  }, SLOW);

  it("reports the links in --json", async () => {
    const root = await temp();
    const home = join(root, "home");
    const dir = join(root, "tesis");
    await succeeds(["new", dir, "--name", "Tesis"], home);
    const notes = join(root, "catatan.txt");
    await writeFile(notes, "Pertukaran budaya antarprovinsi.");
    await succeeds(["import", dir, notes], home);
    await succeeds(["code", dir, "--doc", "catatan", "--quote", "Pertukaran budaya", "--code", "Motif/cultural motive"], home);
    const added = await succeeds(["framework", "add", dir, "keating"], home);
    expect(added.linkedCodes).toEqual([{ code: "Motif/cultural motive", indicatorId: "keating.cultural" }]);
    expect(added.createdCodes).toEqual([
      "Motives of paradiplomacy (Keating)",
      "Motives of paradiplomacy (Keating)/Economic motive",
      "Motives of paradiplomacy (Keating)/Political motive",
    ]);
  }, SLOW);
});
