import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleOpener, lockRace } from "./lockRace.js";

const TRIALS = Number(process.env.TANDAI_LOCK_TRIALS ?? 40);

let opener: Awaited<ReturnType<typeof bundleOpener>>;
beforeAll(async () => {
  opener = await bundleOpener();
});
afterAll(async () => {
  await opener.dispose();
});

describe("stale lock takeover", () => {
  it(`lets exactly one of 3 simultaneous openers take over a stale lock at a time, losing no acknowledged coding (${TRIALS} trials)`, async () => {
    const result = await lockRace(opener.file, TRIALS, 3);
    expect(result.failed).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.acknowledged).toBe(TRIALS * 3);
  }, 300_000);
});
