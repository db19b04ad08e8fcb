import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { TandaiError } from "../../../shared/errors.js";
import type { Coding, ProjectState } from "../../../shared/index.js";

const made: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tandai-store-"));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A seeded PRNG, so a failing random run can be replayed. */
export { seededRandom as prng } from "../../../shared/random.js";

/** The TandaiError `promise` rejects with (anything else fails the test). */
export async function errorOf(promise: Promise<unknown>): Promise<TandaiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TandaiError) return error;
    throw error;
  }
  throw new Error("expected a TandaiError");
}

/** project.json as Tandai wrote it before checksums: the same, without the last field. */
export const withoutChecksum = (text: string) => text.replace(/,"crc":"[0-9a-f]{8}"\}\n$/, "}\n");

/**
 * project.json's text as the one JSON document of file format 1 (written before the by-document
 * layout, electron/store/codingLines.ts) and without its checksum: what an edit by hand starts from.
 */
export function onePiece(text: string): { format: number; seq: number; state: ProjectState } {
  const json = JSON.parse(withoutChecksum(text)) as { format: number; seq: number; state: ProjectState; codings?: Coding[][] };
  if (json.format !== 2) return json;
  const codings = Object.fromEntries((json.codings ?? []).flat().map((c) => [c.id, c])) as ProjectState["codings"];
  return { format: 1, seq: json.seq, state: { ...json.state, codings } };
}
