import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import { useApp } from "../state/app.js";
import type { RecentProject } from "../../shared/index.js";
import { LanguageSwitch } from "./LanguageSwitch.js";
import { JoinDialog } from "./team/index.js";

/** Shown when no project is open: create, open, recent projects, and the sample. */
export function Welcome() {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const [name, setName] = useState("");
  const [folder, setFolder] = useState("");
  const [openPath, setOpenPath] = useState("");
  const [joining, setJoining] = useState(false);
  const base = app.info?.projectsDir ?? "";
  const separator = base.includes("\\") ? "\\" : "/";
  const createDir = folder || (name.trim() ? `${base}${separator}${name.trim().replace(/[\\/:*?"<>|]/g, "-")}` : "");

  useEffect(() => void api.recentProjects({}).then(setRecent), []);

  const create = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && createDir) void app.createProject(createDir, name.trim());
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (openPath.trim()) void app.openProject(openPath.trim());
  };
  const pick = async (set: (dir: string) => void) => {
    const dir = await api.pickFolder({});
    if (dir) set(dir);
  };

  return (
    <div className="welcome" data-testid="welcome">
      <header className="welcome-header">
        <h1>Tandai</h1>
        <p className="muted">{t("app.welcome.tagline")}</p>
        <LanguageSwitch />
      </header>
      <div className="welcome-grid">
        <form className="welcome-card" onSubmit={create}>
          <h2>{t("app.welcome.newProject")}</h2>
          <div className="field">
            <label htmlFor="new-name">{t("app.welcome.projectName")}</label>
            <input id="new-name" type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={t("app.welcome.namePlaceholder")} data-testid="new-project-name" />
          </div>
          <div className="field">
            <label htmlFor="new-folder">{t("app.welcome.folder")}</label>
            <div className="row">
              <input id="new-folder" type="text" value={createDir} onChange={(e) => setFolder(e.target.value)} data-testid="new-project-folder" />
              {app.info?.canPickFolders && <button type="button" onClick={() => void pick(setFolder)}>{t("app.welcome.choose")}</button>}
            </div>
          </div>
          <button className="primary" type="submit" disabled={!name.trim()} data-testid="create-project">
            {t("app.welcome.create")}
          </button>
        </form>
        <form className="welcome-card" onSubmit={open}>
          <h2>{t("app.welcome.openProject")}</h2>
          <div className="field">
            <label htmlFor="open-path">{t("app.welcome.folder")}</label>
            <div className="row">
              <input id="open-path" type="text" value={openPath} onChange={(e) => setOpenPath(e.target.value)} data-testid="open-project-path" />
              {app.info?.canPickFolders && <button type="button" onClick={() => void pick((dir) => void app.openProject(dir))}>{t("app.welcome.choose")}</button>}
            </div>
          </div>
          <button type="submit" disabled={!openPath.trim()}>{t("app.welcome.open")}</button>
          <h3>{t("app.welcome.recent")}</h3>
          {recent.length === 0 && <p className="empty">{t("app.welcome.noRecent")}</p>}
          <ul className="recent">
            {recent.map((r) => (
              <li key={r.dir}>
                <button className="link" onClick={() => void app.openProject(r.dir)} title={r.dir}>
                  <strong>{r.name}</strong>
                  <span className="muted">{new Date(r.openedAt).toLocaleDateString(i18n.language)}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void app.openSample()} data-testid="open-sample">
            {t("app.welcome.openSample")}
          </button>
          <button type="button" onClick={() => setJoining(true)} data-testid="team-join-open">
            {t("teamApp.join.open")}
          </button>
        </form>
      </div>
      {joining && <JoinDialog defaultFolder={base} onClose={() => setJoining(false)} />}
    </div>
  );
}
