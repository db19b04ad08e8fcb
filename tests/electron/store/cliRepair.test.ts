/** `tandai repair`, run as the real command (needs `npm run build:node`). */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openProject } from "../../../electron/store/index.js";
import { codedProject, json, SLOW, succeeds, tandai } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";
import type { CodingId, DocumentId } from "../../../shared/index.js";
import { onePiece } from "./helpers.js";

const temp = useTempDirs();

describe("tandai repair", () => {
  it(
    "says what it would change (--dry-run, changing nothing), repairs, keeps the damaged file, and the project opens",
    async () => {
      const { home, dir } = await codedProject(await temp());
      await succeeds(["code", dir, "--doc", "wawancara", "--quote", "Kerja sama", "--code", "Motive"], home);
      // The commands left their short journal unfolded (StoreOptions.keepShortJournal); an open
      // without that option folds it, so the codings are in project.json for the edit below.
      await (await openProject(dir)).close();

      // An edit by hand, without the checksum: one coding points to a document that is not there.
      const file = join(dir, "project.json");
      const state = onePiece(await readFile(file, "utf8"));
      const codingId = Object.keys(state.state.codings)[0]!;
      state.state.codings[codingId as CodingId]!.documentId = "dGone1234" as DocumentId;
      const damaged = JSON.stringify(state);
      await writeFile(file, damaged);
      const refused = await tandai(["info", dir], home);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("tandai repair");

      const planned = await tandai(["repair", dir, "--dry-run"], home);
      expect(planned.code, planned.stderr).toBe(0);
      expect(planned.stdout).toContain(`Repairing ${dir} would make 1 change:`);
      expect(planned.stdout).toContain(`codings.${codingId}.documentId = “dGone1234”: the coding is removed`);
      expect(planned.stdout).toContain("Nothing was changed (--dry-run)");
      expect(await readFile(file, "utf8")).toBe(damaged);
      expect(json((await tandai(["repair", dir, "--dry-run", "--json"], home)).stdout)).toMatchObject({ ok: true, dryRun: true, count: 1, changes: [{ kind: "dropCoding", where: `codings.${codingId}.documentId` }] });

      const indonesian = await tandai(["repair", dir, "--dry-run"], home, "id_ID.UTF-8");
      expect(indonesian.stdout).toContain(`Memperbaiki ${dir} akan membuat 1 perubahan:`);

      const repaired = await tandai(["repair", dir], home);
      expect(repaired.code, repaired.stderr).toBe(0);
      expect(repaired.stdout).toContain(`Repaired ${dir}: 1 change.`);
      const kept = (await readdir(dir)).find((n) => n.startsWith("project.json.broken-"))!;
      expect(repaired.stdout).toContain(`The damaged file was kept unchanged as ${kept}.`);
      expect(await readFile(join(dir, kept), "utf8")).toBe(damaged);
      expect(json((await tandai(["info", dir, "--json"], home)).stdout)).toMatchObject({ ok: true, codings: 1, documents: 1 });
      expect(await succeeds(["repair", dir], home)).toMatchObject({ ok: true, count: 0, changes: [], kept: null });
    },
    SLOW,
  );
});
