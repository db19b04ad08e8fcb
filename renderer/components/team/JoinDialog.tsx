import { useState, type ClipboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useApp } from "../../state/app.js";
import { Modal } from "../Modal.js";
import { readInvitation } from "./invitation.js";

/** Joins a shared project into a new folder: a full local copy that then opens like any project. */
export function JoinDialog({ defaultFolder, onClose }: { defaultFolder: string; onClose(): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const [link, setLink] = useState("");
  const [token, setToken] = useState("");
  const [folder, setFolder] = useState(defaultFolder);
  const [busy, setBusy] = useState(false);
  const ready = link.trim() !== "" && token.trim() !== "" && folder.trim() !== "" && !busy;

  // An invitation copied from the owner's team dialog is the link and the token: both fields at once.
  const pasteLink = (e: ClipboardEvent<HTMLInputElement>) => {
    const invitation = readInvitation(e.clipboardData.getData("text/plain"));
    if (!invitation) return;
    e.preventDefault();
    setLink(invitation.link);
    setToken(invitation.token);
  };
  const join = async () => {
    if (!ready) return;
    setBusy(true);
    // The app reports a failure (naming what was wrong) and stays here; success opens the project.
    await app.joinTeam(link.trim(), token.trim(), folder.trim());
    setBusy(false);
  };
  return (
    <Modal title={t("teamApp.join.title")} className="team-join-dialog" testId="team-join-dialog" busy={busy} onSubmit={() => void join()} onClose={onClose}>
      <p className="muted">{t("teamApp.join.hint")}</p>
      <label htmlFor="team-link">{t("teamApp.join.link")}</label>
      <input id="team-link" type="url" value={link} placeholder={t("teamApp.join.linkPlaceholder")} onChange={(e) => setLink(e.target.value)} onPaste={pasteLink} data-testid="team-link" />
      <label htmlFor="team-token">{t("teamApp.join.token")}</label>
      <input id="team-token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="team-token" />
      <label htmlFor="team-folder">{t("teamApp.join.folder")}</label>
      <input id="team-folder" type="text" value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="team-folder" />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t("app.close")}
        </button>
        <button type="submit" className="primary" disabled={!ready} data-testid="team-join">
          {t("teamApp.join.join")}
        </button>
      </div>
    </Modal>
  );
}
