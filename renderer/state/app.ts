import { createContext, useContext } from "react";
import type { AppInfo, Preferences } from "../../shared/index.js";

/** What any view may ask of the app as a whole. */
export interface AppActions {
  preferences: Preferences;
  info: AppInfo | null;
  setPreferences(patch: Partial<Preferences>): Promise<void>;
  openProject(dir: string): Promise<void>;
  createProject(dir: string, name: string): Promise<void>;
  openSample(): Promise<void>;
  restoreBackup(dir: string, file: string): Promise<void>;
  repairProject(dir: string): Promise<void>;
  /** Joins a team project into a new folder and opens it. */
  joinTeam(link: string, token: string, dir: string): Promise<void>;
  closeProject(): Promise<void>;
  showError(error: unknown): void;
}

export const AppContext = createContext<AppActions | null>(null);

export function useApp(): AppActions {
  const app = useContext(AppContext);
  if (!app) throw new Error("useApp outside the app");
  return app;
}
