import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toErrorPayload } from "../../../shared/index.js";
import { useCodingsProgress, useMirror, useProject } from "../../state/context.js";
import type { CodingsLoading } from "../../state/partialCodings.js";

/**
 * Issue 13's two-step open: the project's first screen has the open document's codings only, the
 * rest arrive in the background. A view that counts or lists across every coding (charts,
 * indicators, agreement, a code's details, the merge and delete questions) shows how far that is
 * instead of a number that is not final yet.
 */
export function AllCodings({ children, inline = false }: { children: ReactNode; inline?: boolean }) {
  const { loading } = useProject();
  const mirror = useMirror();
  // Shown before the background load began (charts opened at once): it begins now.
  const waiting = loading !== null;
  useEffect(() => {
    if (waiting) void mirror.loadAll();
  }, [mirror, waiting]);
  if (!loading) return <>{children}</>;
  return <CodingsProgress loading={loading} inline={inline} />;
}

/** Whether every coding is in the mirror (the views that need them all show their content). */
export function useAllCodingsLoaded(): boolean {
  return useProject().loading === null;
}

export function CodingsProgress({ loading: published, inline = false }: { loading: CodingsLoading; inline?: boolean }) {
  const { t } = useTranslation();
  // The figure moves on between the project's versions (the background load tells it alone).
  const loading = useCodingsProgress() ?? published;
  const Tag = inline ? "span" : "p";
  if (loading.failed) {
    const error = toErrorPayload(loading.failed);
    return (
      <Tag className={`codings-loading failed${inline ? "" : " empty"}`} role="alert" data-testid="codings-loading-failed">
        {t("loadingCodings.failed", { reason: t(error.code, error.params) })}
      </Tag>
    );
  }
  const percent = loading.total ? Math.floor((100 * loading.loaded) / loading.total) : 0;
  return (
    <Tag className={`codings-loading muted${inline ? "" : " empty"}`} role="status" data-testid="codings-loading" title={t("loadingCodings.progressHint", { loaded: loading.loaded, count: loading.total })}>
      {t("loadingCodings.progress", { percent })}
    </Tag>
  );
}
