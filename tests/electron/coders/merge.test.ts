import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fails, SLOW, succeeds, tandai } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";
import { interviewProject } from "./fixtures.js";

const temp = useTempDirs();

describe("tandai handoff and tandai merge", () => {
  it(
    "hands a blind copy to a second coder, merges it back with every coding once, and a second merge changes nothing",
    async () => {
      const root = await temp();
      const { home, dir, code } = await interviewProject(root);
      const copy = join(root, "untuk-budi");
      await code("peluang investasi", "Motif/Ekonomi", "Ayu");

      const handed = await succeeds(["handoff", dir, copy, "--drop-codings"], home);
      expect(handed).toMatchObject({ ok: true, documents: 1, codes: 2, codings: 0 });
      expect(await succeeds(["info", copy], home)).toMatchObject({ documents: 1, codes: 2, codings: 0 });
      expect(await fails(["handoff", dir, copy], home)).toContain("already contains files");

      // Both code on: Budi in his copy (one new code), Ayu in the project.
      await code("Kerja sama ini dimulai", "Motif/Ekonomi", "Budi", copy);
      await code("Pertukaran budaya", "Motif/Budaya", "Budi", copy);
      await code("Anggaran daerah", "Motif/Ekonomi", "Ayu");

      const preview = await succeeds(["merge", dir, copy, "--dry-run"], home);
      expect(preview).toMatchObject({ dryRun: true, changed: false, addedCodings: 2, addedCodes: 1 });
      expect(await succeeds(["info", dir], home)).toMatchObject({ codings: 2 });

      const merged = await succeeds(["merge", dir, copy], home);
      expect(merged).toMatchObject({ changed: true, addedCodings: 2, presentCodings: 0, addedCodes: 1, conflicts: [] });
      expect(merged.addedDocuments).toEqual([]);
      expect(await succeeds(["info", dir], home)).toMatchObject({ documents: 1, codes: 3, codings: 4 });

      const again = await succeeds(["merge", dir, copy], home);
      expect(again).toMatchObject({ changed: false, addedCodings: 0, presentCodings: 2, addedCodes: 0 });
      expect(await succeeds(["info", dir], home)).toMatchObject({ documents: 1, codes: 3, codings: 4 });

      // The merged project now holds both coders' work: agreement runs on it.
      const agreement = await succeeds(["agreement", dir, "--coders", "Ayu,Budi", "--codes", "Motif/Ekonomi"], home);
      expect(agreement.codes[0]).toMatchObject({ code: "Motif/Ekonomi", units: 4, percentAgreement: 0.75 });

      const human = await tandai(["merge", dir, copy], home);
      expect(human.stdout).toContain("0 documents, 0 codes, 0 codings, 0 cases, 0 memos added;");
      expect(await fails(["merge", dir, dir], home)).toContain("is this same project");
      expect(await fails(["merge", dir, copy, "--take", "both"], home)).toBe("tandai: --take must be mine or theirs, not “both”.");
      expect(await fails(["merge", dir, join(root, "tidak-ada")], home)).toContain("is not a Tandai project");
    },
    SLOW,
  );

  it(
    "hands off and merges back through one .tandai package file, and refuses a file that is not one",
    async () => {
      const root = await temp();
      const { home, dir, code } = await interviewProject(root);
      await code("peluang investasi", "Motif/Ekonomi", "Ayu");
      // Lead → package → second coder's folder → codes → package back → lead merges it.
      const out = join(root, "untuk-budi.tandai");
      expect(await succeeds(["handoff", dir, out, "--drop-codings"], home)).toMatchObject({ package: true, documents: 1, codings: 0 });
      expect(await fails(["handoff", dir, out], home)).toContain("already exists");
      const budi = join(root, "budi");
      await succeeds(["handoff", out, budi], home);
      await code("Pertukaran budaya", "Motif/Budaya", "Budi", budi);
      const back = join(root, "dari-budi.tandai");
      await succeeds(["handoff", budi, back], home);
      expect(await succeeds(["merge", dir, back], home)).toMatchObject({ changed: true, addedCodings: 1, addedCodes: 1 });
      expect(await succeeds(["merge", dir, back], home)).toMatchObject({ changed: false, addedCodings: 0 });
      expect(await succeeds(["info", dir], home)).toMatchObject({ documents: 1, codes: 3, codings: 2 });

      const fake = join(root, "palsu.tandai");
      await writeFile(fake, "bukan paket");
      expect(await fails(["merge", dir, fake], home)).toContain("“palsu.tandai” is not a readable Tandai package");
    },
    SLOW,
  );
});
