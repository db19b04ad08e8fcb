import type { TandaiError } from "../../shared/index.js";

/**
 * Warnings of a command that succeeded: the project's store saved every change but could not do
 * something that loses nothing (fold the journal into project.json on a full disk, take a backup).
 * The command still exits 0 — a script that retried would duplicate the change — and runCli prints
 * each one, translated, on stderr after the command's own output.
 */
const pending: TandaiError[] = [];

export function warn(warnings: readonly TandaiError[]): void {
  pending.push(...warnings);
}

export function takeWarnings(): TandaiError[] {
  return pending.splice(0);
}
