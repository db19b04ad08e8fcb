/**
 * A path typed into the merge or handoff dialog, checked as the user types (no file system here:
 * the backend checks what exists). On the web transport the browser cannot browse the computer
 * for Tandai, so the path is typed, and a relative one would land wherever the server was started.
 */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export const isAbsolutePath = (path: string) => ABSOLUTE.test(path.trim());

/** The i18n key of what is wrong with a typed path (agreement.paths.*), or null when it can be tried. */
export function typedPathProblem(path: string): "empty" | "relative" | null {
  const trimmed = path.trim();
  if (!trimmed) return "empty";
  return isAbsolutePath(trimmed) ? null : "relative";
}
