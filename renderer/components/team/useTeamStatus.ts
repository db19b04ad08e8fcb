import { useCallback, useEffect, useState } from "react";
import type { TeamAppStatus } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useMirror } from "../../state/context.js";

/**
 * How often the app asks the backend how the team sync stands (the backend stays connected and
 * syncs on its own): often enough that another member's coding shows within about half a second.
 */
export const TEAM_POLL_MS = 400;

/**
 * The open project's team status, polled; null for a project not shared with a team. Each answer
 * also says how far the backend has got, so the view takes in the others' changes as they arrive.
 */
export function useTeamStatus(): { status: TeamAppStatus | null; update(status: TeamAppStatus | null): void } {
  const mirror = useMirror();
  const [status, setStatus] = useState<TeamAppStatus | null>(null);
  const update = useCallback(
    (next: TeamAppStatus | null) => {
      setStatus(next);
      if (next) mirror.follow(next.revision);
    },
    [mirror],
  );
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.teamStatus({});
        if (live) update(next);
      } catch {
        // The next poll asks again; the status keeps its last answer meanwhile.
      }
      if (live) timer = setTimeout(() => void poll(), TEAM_POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [update]);
  return { status, update };
}
