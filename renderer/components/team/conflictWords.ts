import type { TFunction } from "i18next";
import { codePathLabel, memoKey, type ProjectState, type StoredOverride, type TeamConflict } from "../../../shared/index.js";

const when = (at: string, language: string) => new Date(at).toLocaleString(language, { dateStyle: "medium", timeStyle: "short" });

/** An override as the researcher set it: its status, or "cleared". */
function overrideWords(value: unknown, t: TFunction): string {
  const override = value as StoredOverride | null;
  return override ? t(`indicators.status.${override.status}`) : "—";
}

/** What the subject of a conflict is called now (a code's path, a document's title, …). */
function subjectName(conflict: TeamConflict, state: ProjectState): string {
  const subject = conflict.subject;
  switch (subject.kind) {
    case "code":
      return state.codes[subject.codeId] ? codePathLabel(state, subject.codeId) : subject.codeId;
    case "document":
      return state.documents[subject.documentId]?.title ?? subject.documentId;
    case "override":
      return `${state.cases[subject.caseId]?.name ?? subject.caseId} · ${subject.indicatorId}`;
    case "memo":
      return memoKey(subject.target);
  }
}

/** A conflict in words, with the labels of its two choices (no `other` for a notice). */
export function conflictWords(conflict: TeamConflict, state: ProjectState, t: TFunction, language: string): { subject: string; message: string; keep: string; other: string | null } {
  const { kept, other } = conflict;
  const params = { keptBy: kept.by, keptAt: when(kept.at, language), otherBy: other.by, otherAt: when(other.at, language) };
  const subject = subjectName(conflict, state);
  switch (conflict.kind) {
    case "deletedWhileCoded": {
      const key = conflict.subject.kind === "document" ? "document" : "code";
      const message = t(`team.conflict.deletedWhileCoded.${key}`, { deleter: other.by, deletedAt: params.otherAt, coder: kept.by, name: subject, count: Number(kept.value) || 0 });
      return { subject, message, keep: t("team.conflict.deletedWhileCoded.keep"), other: t("team.conflict.deletedWhileCoded.other") };
    }
    case "codeRenamed": {
      const names = { ...params, kept: String(kept.value), other: String(other.value) };
      return { subject, message: t("team.conflict.codeRenamed.message", names), keep: t("team.conflict.codeRenamed.keep", names), other: t("team.conflict.codeRenamed.other", names) };
    }
    case "overrideSet": {
      const values = { ...params, keptValue: overrideWords(kept.value, t), otherValue: overrideWords(other.value, t) };
      return { subject, message: t("team.conflict.overrideSet.message", values), keep: t("team.conflict.overrideSet.keep", values), other: t("team.conflict.overrideSet.other", values) };
    }
    case "memoEdited":
      return { subject, message: t("team.conflict.memoEdited.message", params), keep: t("team.conflict.memoEdited.keep"), other: null };
  }
}
