import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translate, TandaiError } from "../../../shared/index.js";
import { importRefiFile } from "../../../electron/import/qdpx/index.js";
import { createProject } from "../../../electron/store/index.js";
import { nvivo, qualcoder } from "../../fixtures/refi/tools.js";
import { useTempDirs } from "../tempDirs.js";
import { zipOf } from "./helpers.js";

const temp = useTempDirs();

/** Imports a broken file into a project that already holds another import, and checks it is refused with a message and changes nothing. */
async function refused(file: string, data: Uint8Array): Promise<string> {
  const store = await createProject(join(await temp(), "p"), "P");
  await importRefiFile(store, "qc.qdpx", await zipOf(qualcoder()));
  const before = structuredClone(store.state);
  const error = await importRefiFile(store, file, data).then(
    () => null,
    (e: unknown) => e,
  );
  expect(store.state).toEqual(before);
  await store.close();
  expect(error).toBeInstanceOf(TandaiError);
  const { code, params } = error as TandaiError;
  const message = translate("en", code, params as Record<string, string>);
  expect(message).toContain(file);
  expect(translate("id", code, params as Record<string, string>)).not.toBe(message);
  return message;
}

describe("broken and hostile REFI-QDA files are refused whole, naming the file and what is wrong", () => {
  it("a .qdpx that is really an HTML page", async () => {
    expect(await refused("unduhan.qdpx", new TextEncoder().encode("<!DOCTYPE html><html><body>Login</body></html>"))).toMatch(/web page|HTML/);
  });

  it("a sources folder that is empty while the XML points into it", async () => {
    const entries = nvivo();
    delete entries["sources/{CCCCCCCC-0000-4000-8000-000000000001}.txt"];
    expect(await refused("kosong.qdpx", await zipOf(entries))).toContain("internal://{CCCCCCCC-0000-4000-8000-000000000001}.txt");
  });

  it("an NVivo re-export whose texts are a single newline", async () => {
    const entries = nvivo();
    entries["sources/{CCCCCCCC-0000-4000-8000-000000000001}.txt"] = "\n";
    expect(await refused("ulang.qdpx", await zipOf(entries))).toContain("“Wawancara 1” is empty");
  });

  it("a zip-slip path", async () => {
    // yazl refuses to write such a name, so the name is patched into the archive, as a hostile tool would write it.
    const zip = Buffer.from(await zipOf({ ...qualcoder(), "aa/aa/evil.txt": "x" }));
    for (let i = zip.indexOf("aa/aa/"); i >= 0; i = zip.indexOf("aa/aa/", i)) zip.write("../../", i);
    expect(await refused("slip.qdpx", zip)).toContain("../../evil.txt");
  });

  it("a zip bomb (a part that would inflate more than 200 times)", async () => {
    expect(await refused("bom.qdpx", await zipOf({ ...qualcoder(), "sources/big.txt": "a".repeat(8 * 1024 * 1024) }))).toMatch(/decompression bomb/);
  });

  it("XML external entities and entity expansion (billion laughs)", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>`;
    expect(await refused("tawa.qde", new TextEncoder().encode(laughs))).toContain("DOCTYPE");
    const xxe = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>`;
    expect(await refused("xxe.qdpx", await zipOf({ "project.qde": xxe }))).toContain("DOCTYPE");
  });

  it("absurd nesting", async () => {
    const deep = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="d"><CodeBook><Codes>${'<Code guid="99999999-0000-4000-8000-000000000001" name="a" isCodable="true">'.repeat(150)}${"</Code>".repeat(150)}</Codes></CodeBook></Project>`;
    expect(await refused("dalam.qde", new TextEncoder().encode(deep))).toContain("more than 100 deep");
  });

  it("a truncated archive, and an archive without a project file", async () => {
    const whole = await zipOf(qualcoder());
    expect(await refused("potong.qdpx", whole.subarray(0, whole.length - 40))).toContain("zip");
    expect(await refused("tanpa.qdpx", await zipOf({ "sources/w1.txt": "teks" }))).toContain("no project file");
  });
});
