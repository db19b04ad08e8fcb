import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamInvitation } from "../../../shared/index.js";
import { invitationText } from "./invitation.js";

/**
 * A new member's invitation, shown once: the join link and the token (the server keeps only its
 * hash, this app keeps nothing), each selectable, and Copy putting both on the clipboard.
 */
export function InvitationBox({ invitation, onDismiss }: { invitation: TeamInvitation; onDismiss(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => copyButton.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitationText(invitation));
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  const select = (e: { currentTarget: HTMLInputElement }) => e.currentTarget.select();
  return (
    <div className="team-invitation" data-testid="team-invitation">
      <p role="status">{t("teamMembers.invite.done", { name: invitation.name, role: t(`teamMembers.roles.${invitation.role}`) })}</p>
      <label htmlFor="team-invitation-link">{t("teamMembers.invite.link")}</label>
      <input id="team-invitation-link" type="text" readOnly value={invitation.link} onFocus={select} data-testid="team-invitation-link" />
      <label htmlFor="team-invitation-token">{t("teamMembers.invite.token")}</label>
      <input id="team-invitation-token" type="text" readOnly value={invitation.token} onFocus={select} data-testid="team-invitation-token" />
      <p className="team-invitation-once" data-testid="team-invitation-once">
        {t("teamMembers.invite.onceNote", { name: invitation.name })}
      </p>
      <div className="team-invitation-actions">
        <button type="button" className="primary" ref={copyButton} onClick={() => void copy()} data-testid="team-invitation-copy">
          {copied === "yes" ? t("teamMembers.invite.copied") : t("teamMembers.invite.copy")}
        </button>
        <button type="button" onClick={onDismiss} data-testid="team-invitation-dismiss">
          {t("teamMembers.invite.dismiss")}
        </button>
      </div>
      {copied === "failed" && (
        <p className="error" role="alert">
          {t("teamMembers.invite.copyFailed")}
        </p>
      )}
    </div>
  );
}
