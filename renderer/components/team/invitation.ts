/**
 * An invitation as text: the join link on one line, the token on the next. Copy puts it on the
 * clipboard in one piece; pasted into the Join dialog's link field it fills in both fields (an
 * input would drop the line break and glue the two together).
 */
export const invitationText = ({ link, token }: { link: string; token: string }): string => `${link}\n${token}`;

/** The link and token of a pasted invitation, or null for anything else (a bare link pastes as usual). */
export function readInvitation(text: string): { link: string; token: string } | null {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length !== 2) return null;
  const [link, token] = lines as [string, string];
  return /^wss?:\/\//.test(link) && !/\s/.test(token) ? { link, token } : null;
}
