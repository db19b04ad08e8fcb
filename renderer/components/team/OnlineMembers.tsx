import { useTranslation } from "react-i18next";
import type { DocumentId, TeamAppStatus } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";

/**
 * Who else is online, each with the document they have open — by its title here, so nothing but an
 * id travels; a member with no document open (or one this copy does not hold yet) shows by name
 * alone. One entry per member and document: the same member in two windows on one text is one.
 */
export function OnlineMembers({ online }: { online: TeamAppStatus["online"] }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const seen = new Set<string>();
  const entries: { member: string; title: string | null }[] = [];
  for (const { member, documentId } of online) {
    const title = (documentId && state.documents[documentId as DocumentId]?.title) || null;
    const key = JSON.stringify([member, title]);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ member, title });
  }
  if (!entries.length)
    return (
      <p className="muted" data-testid="team-online">
        {t("teamApp.dialog.aloneOnline")}
      </p>
    );
  const names = entries.map(({ member, title }) => (title ? t("teamApp.dialog.onlineIn", { member, document: title }) : member));
  return (
    <p className="muted" data-testid="team-online">
      {t("teamApp.dialog.online", { names: names.join(", ") })}
    </p>
  );
}
