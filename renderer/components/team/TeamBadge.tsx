import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamAppStatus } from "../../../shared/index.js";
import { ShareDialog } from "./ShareDialog.js";
import { TeamDialog } from "./TeamDialog.js";
import { useTeamStatus } from "./useTeamStatus.js";
import "./team.css";

/** The sync status in words: synced, N changes waiting, offline since …, and conflicts if any. */
export function statusWords(status: TeamAppStatus, t: (key: string, params?: Record<string, unknown>) => string, language: string): string {
  const time = status.offlineSince ? new Date(status.offlineSince).toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" }) : "";
  const main = status.state === "waiting" ? t("teamApp.badge.waiting", { count: status.waiting }) : t(`teamApp.badge.${status.state}`, { time });
  return status.conflicts ? `${main} · ${t("teamApp.badge.conflicts", { count: status.conflicts })}` : main;
}

/**
 * In the top bar: a team project's sync status (a button opening its dialog), or, for a project
 * not shared yet, the way to share it.
 */
export function TeamBadge() {
  const { t, i18n } = useTranslation();
  const { status, update } = useTeamStatus();
  const [open, setOpen] = useState<"team" | "share" | null>(null);
  return (
    <>
      {status ? (
        <button type="button" className={`team-badge team-${status.state}${status.conflicts ? " team-conflicted" : ""}`} title={t("teamApp.badge.hint")} onClick={() => setOpen("team")} data-testid="team-badge" data-state={status.state}>
          <span className="team-dot" aria-hidden="true" />
          <span aria-live="polite">{statusWords(status, t, i18n.language)}</span>
        </button>
      ) : (
        <button type="button" title={t("teamApp.badge.shareHint")} onClick={() => setOpen("share")} data-testid="team-share-open">
          {t("teamApp.badge.share")}
        </button>
      )}
      {open === "team" && status && <TeamDialog status={status} onStatus={update} onClose={() => setOpen(null)} />}
      {open === "share" && <ShareDialog onShared={update} onClose={() => setOpen(null)} />}
    </>
  );
}
