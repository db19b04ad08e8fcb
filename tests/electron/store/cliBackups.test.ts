/** `tandai backups` and `tandai restore`, run as the real command (needs `npm run build:node`). */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codedProject, json, SLOW, succeeds, tandai } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

describe("tandai backups and restore", () => {
  it(
    "lists backups newest first, restores the newest after project.json was damaged, and says what it set aside",
    async () => {
      const { home, dir } = await codedProject(await temp());

      // Taken by `new` and by the import's fold; `tandai code` left its one line in the journal
      // (StoreOptions.keepShortJournal), which the restore below replays on the newest backup.
      const listed = await succeeds(["backups", dir], home);
      expect(listed.backups.length).toBeGreaterThanOrEqual(2);
      expect((await readFile(join(dir, "journal.jsonl"), "utf8")).split("\n").filter(Boolean)).toHaveLength(1);
      const dates = listed.backups.map((b: { createdAt: string }) => b.createdAt);
      expect(dates).toEqual([...dates].sort().reverse());
      const human = await tandai(["backups", dir], home);
      expect(human.stdout).toContain(`Backups of ${dir}, newest first:`);
      expect(human.stdout).toContain(`${listed.backups[0].file}   ${dates[0].slice(0, 10)} ${dates[0].slice(11, 19)} UTC`);

      await writeFile(join(dir, "project.json"), '{"format":1,"seq":3,"state":{"trunc');
      const broken = await tandai(["info", dir], home);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain("restore one of the project's backups");

      const restored = await tandai(["restore", dir], home);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`Restored ${dir} from the backup ${listed.backups[0].file}`);
      expect(restored.stdout).toMatch(/Kept the previous project\.json aside, unchanged, as project\.json\.broken-[\dT-]+Z\./);
      expect(restored.stdout).toContain("Tesis now has 1 document, 1 code, 1 coding.");
      const aside = (await readdir(dir)).find((n) => n.startsWith("project.json.broken-"))!;
      expect(await readFile(join(dir, aside), "utf8")).toBe('{"format":1,"seq":3,"state":{"trunc');
      expect(json((await tandai(["info", dir, "--json"], home)).stdout)).toMatchObject({ ok: true, codings: 1 });

      const named = await succeeds(["restore", dir, "--backup", listed.backups.at(-1).file], home);
      expect(named).toMatchObject({ ok: true, backup: listed.backups.at(-1).file, codings: 0, documents: 0 });
      const unknown = await tandai(["restore", dir, "--backup", "project-nope.json"], home);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("There is no backup named “project-nope.json”");
    },
    SLOW,
  );

  it("says so when there is no backup to restore, and lists none", async () => {
    const root = await temp();
    const dir = join(root, "kosong");
    const home = join(root, "home");
    await mkdir(dir);
    await writeFile(join(dir, "project.json"), "{");
    expect((await succeeds(["backups", dir], home)).backups).toEqual([]);
    const restore = await tandai(["restore", dir], home);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(`“${dir}” has no backups to restore`);
  });
});
