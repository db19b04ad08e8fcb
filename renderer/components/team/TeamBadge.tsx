import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentId, TeamAppStatus, TeamInvitation } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { ShareDialog } from "./ShareDialog.js";
import { TeamDialog } from "./TeamDialog.js";
import { useTeamStatus } from "./useTeamStatus.js";
import "./team.css";

type T = (key: string, params?: Record<string, unknown>) => string;

/** The sync state in words: synced, N changes waiting, offline since …. */
function stateWords(status: TeamAppStatus, t: T, language: string): string {
  const time = status.offlineSince ? new Date(status.offlineSince).toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" }) : "";
  return status.state === "waiting" ? t("teamApp.badge.waiting", { count: status.waiting }) : t(`teamApp.badge.${status.state}`, { time });
}

/** The sync status in words, with the conflicts if any. */
export function statusWords(status: TeamAppStatus, t: T, language: string): string {
  const state = stateWords(status, t, language);
  return status.conflicts ? `${state} · ${t("teamApp.badge.conflicts", { count: status.conflicts })}` : state;
}

/**
 * In the top bar: a team project's sync status (a button opening its dialog), or, for a project
 * not shared yet, the way to share it. `documentId` (the document open in the middle, null for
 * none) goes to the others' presence — told only for a team project, and only when it changes.
 */
export function TeamBadge({ documentId = null }: { documentId?: DocumentId | null }) {
  const { t, i18n } = useTranslation();
  const { status, update } = useTeamStatus();
  const shared = status !== null;
  useEffect(() => {
    if (shared) api.teamPresence({ documentId }).catch(() => undefined); // presence only: the next change tells it again
  }, [shared, documentId]);
  const [open, setOpen] = useState<"team" | "share" | null>(null);
  // Kept here, not in the dialog: its token is shown only once, so closing the dialog before
  // copying it must not lose it. It goes with Done, or with the project.
  const [invitation, setInvitation] = useState<TeamInvitation | null>(null);
  return (
    <>
      {status ? (
        <button type="button" className={`team-badge team-${status.state}`} title={t("teamApp.badge.hint")} onClick={() => setOpen("team")} data-testid="team-badge" data-state={status.state}>
          <span className="team-dot" aria-hidden="true" />
          {/* On a narrow window the dot says the state (the words stay for screen readers); conflicts always show. */}
          <span className="team-words" aria-live="polite">
            {stateWords(status, t, i18n.language)}
          </span>
          {status.conflicts > 0 && <span className="team-conflicts-count">{t("teamApp.badge.conflicts", { count: status.conflicts })}</span>}
        </button>
      ) : (
        <button type="button" title={t("teamApp.badge.shareHint")} aria-label={t("teamApp.badge.share")} onClick={() => setOpen("share")} data-testid="team-share-open">
          <span className="team-share-long">{t("teamApp.badge.share")}</span>
          <span className="team-share-short" aria-hidden="true">
            {t("teamApp.badge.shareShort")}
          </span>
        </button>
      )}
      {open === "team" && status && <TeamDialog status={status} onStatus={update} invitation={invitation} onInvitation={setInvitation} onClose={() => setOpen(null)} />}
      {open === "share" && <ShareDialog onShared={update} onClose={() => setOpen(null)} />}
    </>
  );
}
