import { createContext, useContext, useSyncExternalStore } from "react";
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
