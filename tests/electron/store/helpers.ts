import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { TandaiError } from "../../../shared/errors.js";

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

export { onePiece, withoutChecksum } from "../projectFile.js";
