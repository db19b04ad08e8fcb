import { stat } from "node:fs/promises";
import path from "node:path";
import { isAbsolutePath, TandaiError } from "../../shared/index.js";
import { UNSAFE } from "../export/target.js";

/**
 * A path from the app's merge or handoff dialog must be absolute: typed in a browser, a relative
 * one would be resolved against wherever `tandai serve` was started, not where the user thinks.
 */
export function checkAbsolute(target: string): string {
  if (!isAbsolutePath(target)) throw new TandaiError("agreement.errors.relativePath", { path: target });
  return path.resolve(target);
}

/** Where a handoff may write: an absolute path whose folder exists, checked before anything is read. */
export async function checkHandoffTarget(target: string): Promise<string> {
  const resolved = checkAbsolute(target);
  const parent = path.dirname(resolved);
  const found = await stat(parent).catch(() => null);
  if (!found?.isDirectory()) throw new TandaiError("agreement.errors.noParent", { folder: parent, path: resolved });
  return resolved;
}

/** A project's name as a file name every system accepts. */
export const safeFileName = (name: string) => name.replace(UNSAFE, " ").replace(/\s+/g, " ").trim() || "Tandai";
