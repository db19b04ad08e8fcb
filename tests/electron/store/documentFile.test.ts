import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentJson } from "../../../electron/store/store.js";
import { createProject, openProject } from "../../../electron/store/index.js";
import { linesToBlocks, newDocumentId, type DocumentContent } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe("a document's file", () => {
  it("is written in pieces that make exactly JSON.stringify of its content", async () => {
    const lines = Array.from({ length: 25_003 }, (_, i) => (i % 7 === 0 ? "" : `b${i} “kutip” \\ ${"é".normalize("NFD")}`)).join("\n");
    const content: DocumentContent = { text: lines, blocks: linesToBlocks(lines).map((b, i) => (i % 3 ? b : { ...b, page: 1 + (i % 5) })) };
    expect(await text(documentJson(content))).toBe(JSON.stringify(content));
    expect(await text(documentJson({ text: "", blocks: [] }))).toBe(JSON.stringify({ text: "", blocks: [] }));
  });

  it("holds every block of a text of many short lines, and reads back the same after reopening", async () => {
    const dir = join(await temp("tandai-docfile-"), "p");
    const store = await createProject(dir, "Baris");
    const id = newDocumentId();
    const body = "a\n".repeat(30_000);
    const content: DocumentContent = { text: body, blocks: linesToBlocks(body) };
    await store.writeDocumentContent(id, content);
    await store.close();
    expect(JSON.parse(await readFile(join(dir, "documents", `${id}.json`), "utf8"))).toEqual(content);
    const reopened = await openProject(dir);
    try {
      expect(await reopened.readDocumentContent(id)).toEqual(content);
    } finally {
      await reopened.close();
    }
  });

  it("still refuses content its schema refuses, naming the file", async () => {
    const store = await createProject(join(await temp("tandai-docfile-"), "p"), "Salah");
    try {
      const id = newDocumentId();
      const bad = { text: "abc", blocks: [{ start: 0, end: 3, kind: "table" }] } as unknown as DocumentContent;
      await expect(store.writeDocumentContent(id, bad)).rejects.toMatchObject({ code: "store.errors.invalidDocument", params: { file: expect.stringContaining(id) } });
    } finally {
      await store.close();
    }
  });
});

describe("an fs failure in a message", () => {
  it("names the error code once, as Node's message already begins with it", async () => {
    const { errorDetail } = await import("../../../electron/store/files.js");
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    expect(errorDetail(enospc)).toBe("ENOSPC: no space left on device, write");
    expect(errorDetail(Object.assign(new Error("disk gone"), { code: "EIO" }))).toBe("EIO: disk gone");
    expect(errorDetail(new Error("plain"))).toBe("plain");
  });
});
