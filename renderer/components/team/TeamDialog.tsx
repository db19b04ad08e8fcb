import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { toErrorPayload, type ErrorPayload, type TeamAppStatus, type TeamConflict, type TeamInvitation } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useMirror } from "../../state/context.js";
import { Modal } from "../Modal.js";
import { ConflictList } from "./ConflictList.js";
import { MembersSection } from "./MembersSection.js";
import { OnlineMembers } from "./OnlineMembers.js";
import { statusWords } from "./TeamBadge.js";
import { useOneAtATime } from "./useOneAtATime.js";

/** A team project's status (who I am, the server, the last sync), "Sync now", its conflicts to resolve, and its members. */
export function TeamDialog({
  status,
  onStatus,
  invitation,
  onInvitation,
  onClose,
}: {
  status: TeamAppStatus;
  onStatus(status: TeamAppStatus): void;
  /** The invitation last made and not yet dismissed (kept by the caller across the dialog's closing). */
  invitation: TeamInvitation | null;
  onInvitation(invitation: TeamInvitation | null): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const mirror = useMirror();
  const [conflicts, setConflicts] = useState<TeamConflict[] | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  const load = async () => setConflicts(await api.teamConflicts({}));
  useEffect(() => {
    load().catch((e: unknown) => setError(toErrorPayload(e)));
    // Loaded when the dialog opens and after each sync or resolution, not on every status poll.
  }, []);

  const { busy, run } = useOneAtATime();
  const act = (work: () => Promise<void>) => {
    setError(null);
    return run(
      async () => {
        await work();
        await load();
      },
      (e) => setError(toErrorPayload(e)),
    );
  };
  const syncNow = () => act(async () => onStatus(await api.teamSync({})));
  const resolve = (conflictId: string, choice: "keep" | "other") =>
    act(async () => {
      mirror.receive(await api.teamResolve({ conflictId, choice }));
    });

  const time = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Modal title={t("teamApp.dialog.title")} className="team-dialog" testId="team-dialog" busy={busy} initialFocus='[data-testid="team-close"]' onSubmit={() => void syncNow()} onClose={onClose}>
      <p data-testid="team-member">{t("teamApp.dialog.member", { member: status.member, role: t(`teamApp.roles.${status.role}`) })}</p>
      <p className="muted">{t("teamApp.dialog.server", { server: status.server })}</p>
      {/* Who is online is known only while connected: offline or refused, "nobody else" would be a guess. */}
      {(status.state === "synced" || status.state === "waiting") && <OnlineMembers online={status.online} />}
      <p role="status" data-testid="team-dialog-status">
        {statusWords(status, t, i18n.language)} — {status.lastSyncedAt ? t("teamApp.dialog.lastSynced", { time: time(status.lastSyncedAt) }) : t("teamApp.dialog.never")}
      </p>
      {(status.state === "offline" || status.state === "refused") && (
        <p className={status.state === "refused" ? undefined : "muted"} data-testid="team-offline-note">
          {status.error && `${t(status.error.code, status.error.params)} `}
          {/* Refused is not offline: the changes will not go until the owner invites this member again. */}
          {t(status.state === "refused" ? "teamMembers.refusedNote" : "teamApp.dialog.offlineNote")}
        </p>
      )}
      <h3>{t("teamApp.dialog.conflicts")}</h3>
      {conflicts && <ConflictList conflicts={conflicts} disabled={busy || status.role === "viewer"} onResolve={(id, choice) => void resolve(id, choice)} />}
      {/* A refused member is told once, in the sync status above: the members section would only refuse again. */}
      {status.state !== "refused" && <MembersSection status={status} invitation={invitation} onInvitation={onInvitation} />}
      {error && (
        <p className="error" role="alert" data-testid="team-error">
          {t(error.code, error.params)}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose} data-testid="team-close">
          {t("app.close")}
        </button>
        <button type="submit" className="primary" data-testid="team-sync-now">
          {t("teamApp.dialog.syncNow")}
        </button>
      </div>
    </Modal>
  );
}
