import { expect } from "vitest";
import { applyOperation, TandaiError, translate, type Operation, type ProjectState } from "../../shared/index.js";
import { NOW } from "./fixtures.js";

/** Applies op, checks that its inverse restores the state exactly, and re-applies it; returns the state after op. */
export function roundTrip(state: ProjectState, op: Operation): ProjectState {
  const before = structuredClone(state);
  const inverse = applyOperation(state, op, NOW);
  const after = structuredClone(state);
  const redo = applyOperation(state, inverse, NOW);
  expect(state).toEqual(before);
  applyOperation(state, redo, NOW);
  expect(state).toEqual(after);
  return after;
}

/** Applying op throws the TandaiError `key`, leaves the state as it was, and the message reads in both languages. */
export function expectRefused(state: ProjectState, op: Operation, key: string): TandaiError {
  const before = structuredClone(state);
  let caught: unknown;
  try {
    applyOperation(state, op, NOW);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(TandaiError);
  expect((caught as TandaiError).code).toBe(key);
  expect(state).toEqual(before);
  for (const language of ["en", "id"] as const) expect(translate(language, key, (caught as TandaiError).params)).not.toBe(key);
  return caught as TandaiError;
}
