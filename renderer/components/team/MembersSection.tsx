import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { toErrorPayload, type ErrorPayload, type TeamAppStatus, type TeamInvitation, type TeamMember } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { InvitationBox } from "./InvitationBox.js";
import { useOneAtATime } from "./useOneAtATime.js";

/** The server's refusals said for the members section (the CLI's words speak of its flags and of syncing). */
const OWN_WORDS = new Set(["unreachable", "tokenRefused", "nameTaken", "noSuchMember", "badMemberName"]);
const words = (error: ErrorPayload): ErrorPayload => {
  const reason = error.code.startsWith("teamCli.errors.") ? error.code.slice("teamCli.errors.".length) : "";
  return OWN_WORDS.has(reason) ? { code: `teamMembers.errors.${reason}`, params: error.params } : error;
};

/**
 * The team dialog's members: who they are, their role, since when, revoked or not; for the owner
 * an invitation form (its token shown once) and Revoke with a confirmation. The server decides
 * who may see the list (its owner only): anyone else gets its refusal, said plainly.
 */
export function MembersSection({
  status,
  invitation,
  onInvitation: setInvitation,
}: {
  status: TeamAppStatus;
  invitation: TeamInvitation | null;
  onInvitation(invitation: TeamInvitation | null): void;
}) {
  const { t, i18n } = useTranslation();
  const owner = status.role === "owner";
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [ownerOnly, setOwnerOnly] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [role, setRole] = useState<"coder" | "viewer">("coder");
  const [confirming, setConfirming] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const nameField = useRef<HTMLInputElement>(null);

  const { busy, run } = useOneAtATime();
  const act = (work: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    return run(work, (e) => {
      const payload = toErrorPayload(e);
      if (payload.code === "teamCli.errors.roleRefused") setOwnerOnly(true);
      else setError(words(payload));
    });
  };
  useEffect(() => {
    void act(async () => setMembers(await api.teamMembers({})));
    // Asked once when the dialog opens; invite and revoke answer with the list after them.
  }, []);
  // The confirmation takes the focus (on Cancel, the safe choice); when it goes, the focus returns to
  // that member's Revoke button, or, once revoked, to the name field.
  const section = useRef<HTMLElement>(null);
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (confirming) {
      returnTo.current = confirming;
      cancel.current?.focus();
    } else if (returnTo.current) {
      const name = returnTo.current;
      returnTo.current = null;
      const revoke = [...(section.current?.querySelectorAll<HTMLElement>('[data-testid="team-member-row"]') ?? [])].find((row) => row.dataset.name === name)?.querySelector<HTMLElement>('[data-testid="team-member-revoke"]');
      (revoke ?? nameField.current)?.focus();
    }
  }, [confirming, members]);
  // Done on an invitation gives the focus back to the name field, once the form is back in its place.
  const dismissed = useRef(false);
  useEffect(() => {
    if (invitation || !dismissed.current) return;
    dismissed.current = false;
    nameField.current?.focus();
  }, [invitation]);

  const invite = () =>
    act(async () => {
      const invited = await api.teamInvite({ name, role });
      setInvitation(invited);
      setName("");
      setMembers(await api.teamMembers({}));
    });
  const revoke = (member: string) =>
    act(async () => {
      try {
        setMembers(await api.teamRevoke({ name: member }));
        setNotice(t("teamMembers.revoke.done", { name: member }));
      } finally {
        // Closed with the new list in the same render: the focus lands on what is there after it.
        setConfirming(null);
      }
    });
  // Enter in the name field invites; it must not submit the dialog's form (that is "Sync now").
  const onNameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    void invite();
  };
  const dismissInvitation = () => {
    dismissed.current = true;
    setInvitation(null);
  };

  const date = (at: string) => new Date(at).toLocaleDateString(i18n.language, { dateStyle: "medium" });
  return (
    <section ref={section} className="team-members" data-testid="team-members" aria-busy={busy || undefined}>
      <h3>{t("teamMembers.title")}</h3>
      {ownerOnly && (
        <p className="muted" role="status" data-testid="team-members-owner-only">
          {t("teamMembers.ownerOnly")}
        </p>
      )}
      {!members && !ownerOnly && !error && <p className="muted">{t("teamMembers.loading")}</p>}
      {members && (
        <ul className="team-member-list" data-testid="team-member-list">
          {members.map((member) => (
            <li key={member.name} data-testid="team-member-row" data-name={member.name} data-revoked={member.revokedAt ? "true" : "false"} className={member.revokedAt ? "revoked" : undefined}>
              <span className="team-member-who">
                <strong>{member.name}</strong> {member.name === status.member && <span className="muted">{t("teamMembers.you")}</span>}
                <span className="team-member-role">{t(`teamMembers.roles.${member.role}`)}</span>
              </span>
              <span className="muted team-member-when">{member.revokedAt ? t("teamMembers.revokedOn", { date: date(member.revokedAt) }) : t("teamMembers.since", { date: date(member.createdAt) })}</span>
              {owner && !member.revokedAt && member.role !== "owner" && confirming !== member.name && (
                <button type="button" className="danger" aria-label={t("teamMembers.revoke.label", { name: member.name })} onClick={() => setConfirming(member.name)} data-testid="team-member-revoke">
                  {t("teamMembers.revoke.revoke")}
                </button>
              )}
              {confirming === member.name && (
                <div className="team-member-confirm" role="alertdialog" aria-label={t("teamMembers.revoke.label", { name: member.name })} data-testid="team-revoke-confirm">
                  <p>{t("teamMembers.revoke.confirm", { name: member.name })}</p>
                  <button type="button" ref={cancel} onClick={() => setConfirming(null)} data-testid="team-revoke-cancel">
                    {t("teamMembers.revoke.no")}
                  </button>
                  <button type="button" className="danger" onClick={() => void revoke(member.name)} data-testid="team-revoke-yes">
                    {t("teamMembers.revoke.yes", { name: member.name })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {members?.length === 1 && <p className="muted">{t("teamMembers.none")}</p>}
      {owner && invitation && <InvitationBox invitation={invitation} onDismiss={dismissInvitation} />}
      {owner && !invitation && (
        <fieldset className="team-invite" data-testid="team-invite">
          <legend>{t("teamMembers.invite.title")}</legend>
          <div className="team-invite-fields">
            <label htmlFor="team-invite-name">{t("teamMembers.invite.name")}</label>
            <input id="team-invite-name" ref={nameField} type="text" autoComplete="off" value={name} placeholder={t("teamMembers.invite.namePlaceholder")} onChange={(e) => setName(e.target.value)} onKeyDown={onNameKey} data-testid="team-invite-name" />
            <label htmlFor="team-invite-role">{t("teamMembers.invite.role")}</label>
            <select id="team-invite-role" value={role} onChange={(e) => setRole(e.target.value as "coder" | "viewer")} data-testid="team-invite-role">
              <option value="coder">{t("teamMembers.invite.coder")}</option>
              <option value="viewer">{t("teamMembers.invite.viewer")}</option>
            </select>
          </div>
          <button type="button" className="primary" onClick={() => void invite()} data-testid="team-invite-send">
            {t("teamMembers.invite.invite")}
          </button>
        </fieldset>
      )}
      {notice && (
        <p role="status" data-testid="team-members-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="team-members-error">
          {t(error.code, error.params)}
        </p>
      )}
    </section>
  );
}
