import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toErrorPayload, type ErrorPayload, type TeamAppStatus } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { Modal } from "../Modal.js";

/** Shares the open project on a team server with the server's admin token; this member becomes its owner. */
export function ShareDialog({ onShared, onClose }: { onShared(status: TeamAppStatus): void; onClose(): void }) {
  const { t } = useTranslation();
  const [server, setServer] = useState("");
  const [adminToken, setAdminToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [shared, setShared] = useState<TeamAppStatus | null>(null);
  const ready = server.trim() !== "" && adminToken.trim() !== "" && !busy && !shared;
  const close = useRef<HTMLButtonElement>(null);
  // The Share button is disabled once it has done its work: the focus goes to Close, not to the page.
  useEffect(() => {
    if (shared) close.current?.focus();
  }, [shared]);

  const share = async () => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const status = await api.teamShare({ server: server.trim(), adminToken: adminToken.trim() });
      setShared(status);
      onShared(status);
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t("teamApp.share.title")} className="team-share-dialog" testId="team-share-dialog" busy={busy} onSubmit={() => void share()} onClose={onClose}>
      <p className="muted">{t("teamApp.share.hint")}</p>
      <label htmlFor="team-server">{t("teamApp.share.server")}</label>
      <input id="team-server" type="url" value={server} placeholder={t("teamApp.share.serverPlaceholder")} onChange={(e) => setServer(e.target.value)} data-testid="team-server" />
      <label htmlFor="team-admin-token">{t("teamApp.share.adminToken")}</label>
      <input id="team-admin-token" type="password" autoComplete="off" value={adminToken} onChange={(e) => setAdminToken(e.target.value)} data-testid="team-admin-token" />
      {error && (
        <p className="error" role="alert" data-testid="team-share-error">
          {t(error.code, error.params)}
        </p>
      )}
      {shared && (
        <p role="status" data-testid="team-shared">
          {t("teamApp.share.done", { projectId: shared.projectId })}
        </p>
      )}
      <div className="actions">
        <button type="button" ref={close} onClick={onClose} data-testid="team-share-close">
          {t("app.close")}
        </button>
        <button type="submit" className="primary" disabled={!ready} data-testid="team-share">
          {t("teamApp.share.share")}
        </button>
      </div>
    </Modal>
  );
}
