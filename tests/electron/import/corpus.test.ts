import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProjectImporter } from "../../../electron/import/batch.js";
import { createProject } from "../../../electron/store/index.js";
import { translate } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";
import { malformedCorpus } from "./hostile.js";

const temp = useTempDirs();

describe("a corpus of malformed files", () => {
  it("imports each file or refuses it with a message naming it; nothing throws, nothing falls over", async () => {
    const corpus = await malformedCorpus(120);
    expect(new Set(corpus.map((f) => f.name)).size).toBe(120);
    const store = await createProject(join(await temp(), "proyek"), "Fuzz");
    try {
      const { outcomes } = await new ProjectImporter().importFiles(store, corpus);
      expect(outcomes).toHaveLength(corpus.length);
      for (const [i, outcome] of outcomes.entries()) {
        expect(outcome.file).toBe(corpus[i]!.name);
        if (outcome.ok) continue;
        expect(outcome.error.code, `${outcome.file}: ${JSON.stringify(outcome.error)}`).toMatch(/^import\.errors\./);
        expect(translate("en", outcome.error.code, outcome.error.params)).toContain(`“${outcome.file}”`);
      }
      // Every kind of damage is in there: some files import (harmless flips, duplicates allowed or not), most do not.
      expect(outcomes.filter((o) => !o.ok).length).toBeGreaterThan(60);
    } finally {
      await store.close();
    }
  }, 120_000);
});
