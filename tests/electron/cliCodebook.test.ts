import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLOW, succeeds, tandai } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

// A codebook as another QDA program exports it (own fixture), with a namespace prefix.
const QDC = `<?xml version="1.0" encoding="utf-8"?>
<qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:1.0" origin="NVivo">
  <qdc:Codes>
    <qdc:Code guid="10000000-0000-4000-8000-000000000001" name="Motives" isCodable="false" color="#0072B2">
      <qdc:Code guid="10000000-0000-4000-8000-000000000002" name="Economic motive" isCodable="true">
        <qdc:Description>Trade, investment and tourism as the reason to cooperate.</qdc:Description>
      </qdc:Code>
      <qdc:Code guid="10000000-0000-4000-8000-000000000003" name="MOTIF BUDAYA" isCodable="true"/>
      <qdc:Code guid="10000000-0000-4000-8000-000000000004" name="Prestige" isCodable="true"/>
    </qdc:Code>
  </qdc:Codes>
</qdc:CodeBook>`;

describe("tandai codebook import", () => {
  it(
    "imports a REFI-QDA codebook, links codes named like Keating's indicators, merges on a second import",
    async () => {
      const root = await temp();
      const home = join(root, "home");
      const dir = join(root, "tesis");
      const file = join(root, "kodebuku.qdc");
      await writeFile(file, QDC);
      await succeeds(["new", dir, "--name", "Tesis"], home);
      await succeeds(["framework", "add", dir, "keating"], home);

      const imported = await succeeds(["codebook", "import", dir, file], home);
      expect(imported).toMatchObject({ ok: true, file: "kodebuku.qdc", changed: true, created: 4, merged: 0 });
      expect(imported.linked).toEqual([
        { code: "Motives/Economic motive", indicatorId: "keating.economic", indicator: { en: "Economic motive", id: "Motif ekonomi" } },
        { code: "Motives/MOTIF BUDAYA", indicatorId: "keating.cultural", indicator: { en: "Cultural motive", id: "Motif budaya" } },
      ]);
      // The template's four codes (another group) plus the four imported ones.
      const info = await succeeds(["info", dir], home);
      expect(info.codes).toBe(4 + 4);

      // Imported again (in Indonesian): every code merges into its own path, nothing changes.
      const again = await tandai(["codebook", "import", dir, file], home, "id_ID.UTF-8");
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain("Buku kode kodebuku.qdc diimpor: 0 kode dibuat, 4 digabung ke kode yang sudah ada, 0 ditautkan ke indikator.");

      const human = await tandai(["codebook", "import", join(root, "lain"), file], home);
      expect(human.code).toBe(1);

      const notXml = join(root, "catatan.qdc");
      await writeFile(notXml, "Motif ekonomi; Motif budaya");
      const bad = await tandai(["codebook", "import", dir, notXml], home);
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim().split("\n")).toHaveLength(1);
      expect(bad.stderr).toContain("“catatan.qdc” is not a readable XML file");
    },
    SLOW,
  );
});
