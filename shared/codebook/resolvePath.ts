import { TandaiError } from "../errors.js";
import type { CodeId } from "../model/ids.js";
import type { ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { findCodes, parseCodePath, planCodePath } from "./tree.js";

/**
 * Resolves a code path to a code id: an existing code by path or bare name, else the codes the
 * path names, planned by the one "/" rule (shared/codebook/tree.ts), so "Obstacle/Budget" creates
 * both when neither exists and "Pro\/Contra" is one code with a slash in its name. The CLI's
 * `--code` and auto-coding with a new code both plan through it.
 */
export function resolveCodePath(state: ProjectState, path: string, now: string): { codeId: CodeId; create: Operation[]; created: string[] } {
  const found = findCodes(state, path);
  if (found.length > 1) throw new TandaiError("cli.errors.ambiguousCode", { code: path, count: found.length });
  if (found.length === 1) return { codeId: found[0]!.id, create: [], created: [] };
  return planCodePath(state, parseCodePath(path), null, now);
}
