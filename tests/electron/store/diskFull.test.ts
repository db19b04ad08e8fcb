/**
 * A nearly full disk, for real: a 4 MB tmpfs mounted for the test (root only; elsewhere the test
 * is skipped, saying so). The commands are the real `tandai` (run `npm run build:node` first).
 */
import { rm, writeFile } from "node:fs/promises";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { smallDisk } from "../smallDisk.js";
import { createProjectWithState, openProject } from "../../../electron/store/index.js";
import { applyOperation, type CodingId, type TextOffset } from "../../../shared/index.js";
import { code, documentMeta, project } from "../../shared/fixtures.js";
import { json, SLOW, tandai } from "../runCli.js";

const disk = smallDisk("full");
const { mountPoint, mounted, filler: FILLER } = disk;
afterAll(() => disk.unmount());

afterEach(() => disk.clear());
const fillDisk = (leave: number) => disk.fill(leave);

const TEXT = "Kerja sama sister city Padang dan Ba Ria-Vung Tau dimulai karena motif ekonomi. ".repeat(10);

/** A project on the tmpfs whose project.json is ~600 KB (3000 codings), so rewriting it needs room a journal line does not. */
async function bigProject() {
  const dir = path.join(mountPoint, "tesis");
  const state = project();
  const doc = documentMeta("Wawancara Bappeda", TEXT.length);
  const c = code("Motive");
  applyOperation(state, { type: "addDocument", document: doc });
  applyOperation(state, { type: "addCode", code: c });
  for (let i = 0; i < 3000; i++) {
    const coding = { id: `coding${String(i).padStart(6, "0")}` as CodingId, documentId: doc.id, codeId: c.id, start: (i % 50) as TextOffset, end: (i % 50 + 20) as TextOffset, coder: "Rani", stance: "supports" as const, createdAt: state.createdAt };
    applyOperation(state, { type: "addCoding", coding });
  }
  const store = await createProjectWithState(dir, state);
  await store.writeDocumentContent(doc.id, { text: TEXT, blocks: [] });
  await store.close();
  return dir;
}

describe.skipIf(!mounted)("on a nearly full disk", () => {
  it(
    "a saved coding, import and codebook import are reported as saved (exit 0); a fold that fails (the import's) is a warning naming project.json and the space needed",
    async () => {
      const home = mkdtempSync(path.join(os.tmpdir(), "tandai-full-home-"));
      try {
        const dir = await bigProject();
        await fillDisk(64 * 1024);

        // A one-shot command leaves its short journal unfolded (StoreOptions.keepShortJournal): its
        // line is on disk and nothing needs the room a fold would, so there is nothing to warn about.
        const coded = await tandai(["code", dir, "--doc", "Wawancara Bappeda", "--quote", "motif ekonomi", "--code", "Motive"], home);
        expect(coded.stdout).toContain("Coded “motif ekonomi”");
        expect(coded.stderr).toBe("");
        expect(coded.code).toBe(0);

        const transcript = path.join(home, "wawancara-2.txt");
        await writeFile(transcript, "Motif budaya juga penting.\n");
        const imported = await tandai(["import", dir, transcript, "--json"], home);
        expect(json(imported.stdout)).toMatchObject({ ok: true, imported: 1 });
        // The import runs the app's backend, which folds at open and close: that fold fails.
        expect(imported.stderr).toContain(`warning: Your changes are saved in “${path.join(dir, "journal.jsonl")}”, but Tandai could not fold them into “${path.join(dir, "project.json")}” (ENOSPC`);
        expect(imported.stderr).toMatch(/That needs about \d+ KB of free disk space; \d+ KB is free/);
        expect(imported.code).toBe(0);

        const qdc = path.join(home, "kodebuku.qdc");
        await writeFile(qdc, `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="10000000-0000-4000-8000-000000000001" name="Prestige" isCodable="true"/></Codes></CodeBook>`);
        const codebook = await tandai(["codebook", "import", dir, qdc], home);
        expect(codebook.stderr).not.toContain("not saved");
        expect(codebook.code).toBe(0);

        // Nothing was lost, and with room again the journal is folded.
        await rm(FILLER);
        const info = await tandai(["info", dir, "--json"], home);
        expect(info.stderr).toBe("");
        expect(json(info.stdout)).toMatchObject({ ok: true, documents: 2, codes: 2, codings: 3001 });
        const store = await openProject(dir);
        expect(Object.values(store.state.codings).filter((c) => c.start === TEXT.indexOf("motif ekonomi"))).toHaveLength(1);
        await store.close();
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    "info on a full disk names the file it could not write, and leaves no empty lock behind",
    async () => {
      const home = mkdtempSync(path.join(os.tmpdir(), "tandai-full-home-"));
      try {
        const dir = await bigProject();
        await fillDisk(0);
        const info = await tandai(["info", dir], home);
        expect(info.code).toBe(1);
        expect(info.stderr).toContain(`could not write its lock file “${path.join(dir, ".tandai.lock")}” (ENOSPC`);
        expect(info.stderr).not.toContain("Something went wrong");
        await rm(FILLER);
        const again = await tandai(["info", dir, "--json"], home);
        expect(json(again.stdout)).toMatchObject({ ok: true, codings: 3000 });
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
