import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { atlas } from "../../fixtures/refi/tools.js";
import { fails, SLOW, succeeds } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";
import { entryText, xmllint, zipOf } from "./helpers.js";

const temp = useTempDirs();

describe("tandai import/export with REFI-QDA projects", () => {
  it(
    "previews with --dry-run --json writing nothing, imports a .qdpx, exports schema-valid .qdpx and .qdc, refuses a web page naming it",
    async () => {
      const root = await temp();
      const home = join(root, "home");
      const dir = join(root, "tesis");
      const file = join(root, "atlas.qdpx");
      await writeFile(file, await zipOf(atlas()));
      await succeeds(["new", dir, "--name", "Tesis"], home);

      const dry = await succeeds(["import", dir, file, "--dry-run"], home);
      expect(dry).toMatchObject({ ok: true, dryRun: true, changed: false, preview: { add: { sources: 1, codes: 2, codings: 1 }, reading: { reading: "codePoints" } } });
      expect(dry.messages.join("\n")).toContain("Not imported: 1 PDF source without text, 1 PDF area selection, 1 picture.");
      expect(await succeeds(["info", dir], home)).toMatchObject({ documents: 0, codes: 0 });

      expect(await succeeds(["import", dir, file], home)).toMatchObject({ ok: true, dryRun: false, changed: true });
      expect(await succeeds(["info", dir], home)).toMatchObject({ documents: 1, codes: 2, codings: 1, cases: 1 });

      const qdpx = await succeeds(["export", dir, "--format", "qdpx", "--out", join(root, "keluar")], home);
      expect(qdpx).toMatchObject({ ok: true, format: "qdpx", path: join(root, "keluar.qdpx"), sources: 1, codings: 1 });
      await writeFile(join(root, "project.qde"), await entryText(qdpx.path, "project.qde"));
      expect(await xmllint(join(root, "project.qde"), "Project.xsd")).toBe("");
      const qdc = await succeeds(["export", dir, "--format", "qdc", "--out", join(root, "kode.qdc")], home);
      expect(await xmllint(qdc.path, "Codebook.xsd")).toBe("");
      // The .qdc reads back, saying which namespace it was read in; its codes merge into the same ones.
      expect(await succeeds(["codebook", "import", dir, qdc.path], home)).toMatchObject({ namespace: "urn:QDA-XML:codebook:1.0", created: 0, merged: 2 });

      // Into a folder that is not a project yet: a dry run creates nothing, the import creates the project.
      const fresh = join(root, "baru");
      expect(await succeeds(["import", fresh, file, "--dry-run"], home)).toMatchObject({ dryRun: true, preview: { add: { sources: 1 } } });
      expect(await fails(["info", fresh], home)).toContain(fresh);
      expect(await succeeds(["import", fresh, file], home)).toMatchObject({ changed: true });
      expect(await succeeds(["info", fresh], home)).toMatchObject({ name: "Tesis Saya", documents: 1, codings: 1 });

      // A project among other files is not "an unsupported type": it is imported on its own.
      await writeFile(join(root, "catatan.txt"), "Catatan lapangan.");
      expect(await fails(["import", dir, join(root, "catatan.txt"), file], home)).toContain("“atlas.qdpx” is a whole REFI-QDA project: import it on its own");

      await writeFile(join(root, "unduhan.qdpx"), "<!DOCTYPE html><html><body>Masuk</body></html>");
      expect(await fails(["import", dir, join(root, "unduhan.qdpx")], home)).toContain("“unduhan.qdpx” is not a REFI-QDA project: an HTML page");
    },
    SLOW,
  );
});
