import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { TandaiError, toErrorPayload, type AppInfo, type ErrorPayload, type OpenProject, type Preferences, type StartProject } from "../shared/index.js";
import { api, onMenuCommand, unwrap } from "./api/client.js";
import { AppContext, type AppActions } from "./state/app.js";
import { ProjectContext } from "./state/context.js";
import { ProjectMirror } from "./state/projectStore.js";
import { seedDocumentContent } from "./state/documents.js";
import { changeLanguage } from "./i18n.js";
import { Welcome } from "./components/Welcome.js";
import { Workspace } from "./components/Workspace.js";
import { ErrorBanner } from "./components/ErrorBanner.js";
import { StoreWarnings } from "./components/recovery/StoreWarnings.js";
import { ExportToast, useExportJob } from "./components/export/index.js";

type Phase = "starting" | "welcome" | "project";

/**
 * `start`: the envelope of `startProject`, asked by the boot script before this code had loaded
 * (boot/start.ts) — the open project's first screen, or the last project's first-screen open.
 */
export function App({ initialPreferences, initialInfo, start }: { initialPreferences: Preferences; initialInfo: AppInfo; start: Promise<unknown> }) {
  const { t } = useTranslation();
  const [preferences, setPreferencesState] = useState(initialPreferences);
  const info = initialInfo;
  const [mirror, setMirror] = useState<ProjectMirror | null>(null);
  const [phase, setPhase] = useState<Phase>("starting");
  const [error, setError] = useState<{ payload: ErrorPayload; dir?: string } | null>(null);
  // Charts are saved from the charts view; their export runs here and shows its progress in a corner.
  const chartExport = useExportJob();

  // A project left (closed, or another opened) loads no more of its codings in the background.
  // Stopped here rather than in an effect's clean-up, which StrictMode runs once on every mount.
  const shown = useRef<ProjectMirror | null>(null);
  const leave = () => {
    shown.current?.stop();
    shown.current = null;
  };

  const show = useCallback((open: OpenProject) => {
    leave();
    // A snapshot found damaged after its first screen: back to the welcome screen with the recovery.
    const refused = (e: unknown) => {
      leave();
      setMirror(null);
      setPhase("welcome");
      setError({ payload: toErrorPayload(e), dir: open.dir });
    };
    shown.current = new ProjectMirror(open, refused);
    setMirror(shown.current);
    setPhase("project");
    setError(null);
  }, []);

  const run = useCallback(
    async (work: () => Promise<OpenProject>, dir?: string) => {
      try {
        show(await work());
      } catch (e) {
        setError({ payload: toErrorPayload(e), ...(dir ? { dir } : {}) });
        setPhase((p) => (p === "starting" ? "welcome" : p));
      }
    },
    [show],
  );

  const actions = useMemo<AppActions>(
    () => ({
      preferences,
      info,
      async setPreferences(patch) {
        const next = await api.setPreferences(patch);
        if (next.language !== preferences.language) await changeLanguage(next.language);
        setPreferencesState(next);
      },
      openProject: (dir) => run(() => api.openProject({ dir, firstScreen: true }), dir),
      createProject: (dir, name) => run(() => api.createProject({ dir, name })),
      openSample: () => run(() => api.openSampleProject({})),
      restoreBackup: (dir, file) => run(() => api.restoreBackup({ dir, file }), dir),
      repairProject: (dir) => run(() => api.repairProject({ dir }), dir),
      joinTeam: (link, token, dir) => run(() => api.teamJoin({ link, token, dir })),
      async closeProject() {
        await api.closeProject({});
        leave();
        setMirror(null);
        setPhase("welcome");
      },
      showError: (e) => setError({ payload: toErrorPayload(e) }),
    }),
    [preferences, info, run],
  );

  // First start opens the sample project; later starts reopen the last project (asked by the boot script).
  useEffect(() => {
    void (async () => {
      const first = unwrap<StartProject>(await start);
      if (first.from === "none") return run(() => api.openSampleProject({}));
      // The last project refused (damaged, locked, gone): the welcome screen with its recovery, as any open.
      if ("error" in first) return run(() => Promise.reject(new TandaiError(first.error.code, first.error.params)), first.dir);
      if (first.firstText) seedDocumentContent(first.project.dir, first.firstText.documentId, first.firstText.content);
      return first.from === "current" ? show(first.project) : run(async () => first.project, first.dir);
    })().catch((e: unknown) => {
      setError({ payload: toErrorPayload(e) });
      setPhase("welcome");
    });
  }, [run, show, start]);

  useEffect(() => {
    onMenuCommand((command) => {
      if (command === "newProject" || command === "openProject" || command === "closeProject") void actions.closeProject();
      else window.dispatchEvent(new CustomEvent("tandai:menu", { detail: command }));
    });
    // The preload keeps listeners for the window's life; register once.
  }, []);

  useEffect(() => {
    document.title = mirror ? `${mirror.current.state.name} – Tandai` : "Tandai";
  }, [mirror, preferences.language]);

  return (
    <AppContext.Provider value={actions}>
      {error && <ErrorBanner error={error.payload} dir={error.dir} onDismiss={() => setError(null)} />}
      <StoreWarnings />
      {phase === "starting" && <div className="splash" aria-busy="true">{t("app.loading")}</div>}
      {phase === "welcome" && <Welcome />}
      <ExportToast status={chartExport.status} onCancel={chartExport.cancel} onDismiss={chartExport.reset} />
      {phase === "project" && mirror && (
        <ProjectContext.Provider value={mirror}>
          <Workspace key={mirror.current.dir} onExport={(request) => void chartExport.start(request)} />
        </ProjectContext.Provider>
      )}
    </AppContext.Provider>
  );
}

