import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeQdpx } from "../../../electron/export/qdpx/write.js";
import { importRefiFile } from "../../../electron/import/qdpx/index.js";
import { createProject } from "../../../electron/store/index.js";
import { qualcoder } from "../../fixtures/refi/tools.js";
import { useTempDirs } from "../tempDirs.js";
import { entryText, zipOf } from "./helpers.js";

const temp = useTempDirs();
const paragraphs = (content: unknown) => (content as { content: { type: string; content?: { text: string }[] }[] }).content.map((n) => [n.type, (n.content ?? []).map((t) => t.text).join("")]);

describe("memos from REFI-QDA notes", () => {
  it("a note of another tool comes in as paragraphs, one per line, blank lines only separating them", async () => {
    const entries = qualcoder();
    entries["project.qde"] = entries["project.qde"]!.replace("<PlainTextContent>Catatan proyek</PlainTextContent>", "<PlainTextContent>Baris satu&#13;&#10;Baris dua\n\nParagraf tiga</PlainTextContent>");
    const store = await createProject(join(await temp(), "p"), "P");
    await importRefiFile(store, "qc.qdpx", await zipOf(entries));
    const memo = store.state.memos["project"]!;
    expect(memo.text).toBe("Baris satu\r\nBaris dua\n\nParagraf tiga");
    expect(paragraphs(memo.content)).toEqual([
      ["paragraph", "Baris satu"],
      ["paragraph", "Baris dua"],
      ["paragraph", "Paragraf tiga"],
    ]);
    await store.close();
  });

  it("a Tandai memo keeps its formatting through a .qdpx, unless another tool changed the note's text", async () => {
    const root = await temp();
    const source = await createProject(join(root, "a"), "A");
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", marks: [{ type: "bold" }], text: "Penting" }, { type: "text", text: ": tindak lanjut" }] }] };
    await source.apply({ type: "setMemo", target: { kind: "project" }, content, text: "Penting: tindak lanjut" });
    const file = join(root, "a.qdpx");
    await writeQdpx(source, file, "Tandai");
    await source.close();
    const qde = await entryText(file, "project.qde");
    const extras = await entryText(file, "tandai.json");

    const same = await createProject(join(root, "b"), "B");
    await importRefiFile(same, "a.qdpx", await zipOf({ "project.qde": qde, "tandai.json": extras }));
    expect(same.state.memos["project"]).toMatchObject({ content, text: "Penting: tindak lanjut" });
    await same.close();

    // Edited in another tool that kept Tandai's extras: the note's new text wins, as paragraphs.
    const edited = await createProject(join(root, "c"), "C");
    await importRefiFile(edited, "a.qdpx", await zipOf({ "project.qde": qde.replace("Penting: tindak lanjut", "Penting: tindak lanjut&#10;Sudah dihubungi"), "tandai.json": extras }));
    const memo = edited.state.memos["project"]!;
    expect(memo.text).toBe("Penting: tindak lanjut\nSudah dihubungi");
    expect(paragraphs(memo.content)).toEqual([
      ["paragraph", "Penting: tindak lanjut"],
      ["paragraph", "Sudah dihubungi"],
    ]);
    await edited.close();
  });
});
