import { createContext, useContext, useSyncExternalStore } from "react";
import type { CodingsLoading } from "./partialCodings.js";
import type { ProjectMirror, ProjectSnapshot } from "./projectStore.js";

export const ProjectContext = createContext<ProjectMirror | null>(null);

export function useMirror(): ProjectMirror {
  const mirror = useContext(ProjectContext);
  if (!mirror) throw new Error("useMirror outside a project");
  return mirror;
}

/** The open project; re-renders whenever an operation is applied. */
export function useProject(): ProjectSnapshot {
  const mirror = useMirror();
  return useSyncExternalStore(mirror.subscribe, mirror.getSnapshot);
}

/**
 * How far the background load of the codings is, as it moves on: told every few hundred ms while
 * the project's version stays put (the line that shows the percentage re-renders, not the views).
 */
export function useCodingsProgress(): CodingsLoading | null {
  const mirror = useMirror();
  return useSyncExternalStore(mirror.subscribeProgress, mirror.getProgress);
}
