import { TandaiError } from "../errors.js";
import type { CodeId } from "../model/ids.js";
import { newCodeId } from "../model/ids.js";
import { nextCodeColor } from "../model/colors.js";
import type { ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { findCodes, nextOrder, PATH_SEPARATOR } from "./tree.js";

/**
 * Resolves a code path to a code id, planning `addCode` operations for the levels that do not
 * exist yet (so "Obstacle/Budget" creates both when neither exists).
 */
export function resolveCodePath(state: ProjectState, path: string, now: string): { codeId: CodeId; create: Operation[]; created: string[] } {
  const found = findCodes(state, path);
  if (found.length > 1) throw new TandaiError("cli.errors.ambiguousCode", { code: path, count: found.length });
  if (found.length === 1) return { codeId: found[0]!.id, create: [], created: [] };
  const names = path.split(PATH_SEPARATOR).map((n) => n.trim()).filter(Boolean);
  let parentId: CodeId | null = null;
  const create: Operation[] = [];
  const created: string[] = [];
  let colorIndex = Object.keys(state.codes).length;
  for (let depth = 0; depth < names.length; depth++) {
    const prefix = names.slice(0, depth + 1).join(PATH_SEPARATOR);
    const existing: CodeId | undefined = findCodes(state, prefix).find((c) => c.parentId === parentId)?.id;
    if (existing) {
      parentId = existing;
      continue;
    }
    const id = newCodeId();
    create.push({
      type: "addCode",
      code: {
        id,
        name: names[depth]!,
        color: nextCodeColor(colorIndex++),
        parentId,
        order: parentId === null && create.length === 0 ? nextOrder(state, null) : 0,
        description: { definition: "", whenToUse: "", whenNotToUse: "" },
        createdAt: now,
      },
    });
    created.push(prefix);
    parentId = id;
  }
  return { codeId: parentId!, create, created };
}

