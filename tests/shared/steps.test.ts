import { describe, expect, it } from "vitest";
import { integritySteps } from "../../shared/model/integrity.js";
import { PROJECT_FORMAT } from "../../shared/model/project.js";
import { plainProjectStateSteps } from "../../shared/model/quickCheck.js";
import { STEP, type Steps } from "../../shared/model/steps.js";
import { stateWithCodings } from "./fixtures.js";

const CODINGS = 2 * STEP + 345;

/** The answer of a stepped computation and how many times it gave the thread back on the way. */
function drive<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, yields };
    yields++;
  }
}

describe("the checks of a snapshot in slices (what a deferred open runs in the background)", () => {
  it("the quick check yields between slices of the codings and still answers for all of them", () => {
    const state = stateWithCodings(CODINGS);
    expect(drive(plainProjectStateSteps(state, PROJECT_FORMAT))).toEqual({ value: true, yields: 2 });
    // Damage in the last slice, after both yields: still found.
    const last = Object.values(state.codings).at(-1)!;
    (last as { stance: string }).stance = "perhaps";
    expect(drive(plainProjectStateSteps(state, PROJECT_FORMAT))).toEqual({ value: false, yields: 2 });
  });

  it("the integrity check yields between slices of the codings and names damage in the last one", () => {
    const state = stateWithCodings(CODINGS);
    expect(drive(integritySteps(state))).toEqual({ value: [], yields: 2 });
    const last = Object.values(state.codings).at(-1)!;
    last.documentId = "dGone1234" as never;
    const { value, yields } = drive(integritySteps(state));
    expect(yields).toBe(2);
    expect(value).toEqual([{ where: `codings.${last.id}.documentId`, found: "“dGone1234”" }]);
  });
});
