import type { Language } from "../i18n/catalogues.js";
import { translate } from "../i18n/translate.js";
import type { Framework, IndicatorStatus, StoredOverride, Thresholds } from "./model.js";

/** The evidence for one indicator in one case. */
export interface EvidenceCounts {
  /** Codings with stance `supports`. */
  supporting: number;
  /** Codings with stance `contradicts`. */
  contradicting: number;
  /** Distinct documents holding at least one supporting coding. */
  documents: number;
}

/**
 * One indicator in one case. The computed status and the researcher's override travel together so
 * that nothing downstream (view, export, thesis sentence) can show one of them silently.
 */
export interface IndicatorResult extends EvidenceCounts {
  indicatorId: string;
  computed: IndicatorStatus;
  /** Said even when not_met: "below threshold" and "argued absent" read differently in a thesis. */
  hasContradicting: boolean;
  override: StoredOverride | null;
  /** The override's status when there is one, else the computed status. */
  effective: IndicatorStatus;
}

/**
 * met: the threshold (minCodings supporting codings in minDocuments distinct documents) is reached
 * and nothing contradicts; contested: reached, but there is contradicting evidence to weigh;
 * not_met: below the threshold, contradicting evidence or not.
 */
export function indicatorStatus(
  indicatorId: string,
  counts: EvidenceCounts,
  thresholds: Thresholds,
  override: StoredOverride | null = null,
): IndicatorResult {
  const reached = counts.supporting >= thresholds.minCodings && counts.documents >= thresholds.minDocuments;
  const computed: IndicatorStatus = !reached ? "not_met" : counts.contradicting > 0 ? "contested" : "met";
  return {
    indicatorId,
    supporting: counts.supporting,
    contradicting: counts.contradicting,
    documents: counts.documents,
    computed,
    hasContradicting: counts.contradicting > 0,
    override,
    effective: override?.status ?? computed,
  };
}

export type FrameworkVerdict =
  | { kind: "assessment"; verdict: "optimal" | "not_optimal"; unmet: string[]; contested: string[] }
  | {
      kind: "ordered_assessment";
      verdict: "implemented" | "partially_implemented";
      /** The last indicator in stage order that is met, or null when none is. */
      furthest: string | null;
      unmet: string[];
      contested: string[];
    }
  | { kind: "classification"; present: string[]; dominant: string | null; contested: string[]; absent: string[] }
  | {
      kind: "exclusive_classification";
      /** The one type present, or null when none or several are. */
      type: string | null;
      several: boolean;
      present: string[];
      contested: string[];
    }
  | { kind: "inventory"; ranked: string[]; contested: string[] };

const nothing = (indicatorId: string): IndicatorResult => indicatorStatus(indicatorId, { supporting: 0, contradicting: 0, documents: 0 }, { minCodings: 1, minDocuments: 1 });

/**
 * The framework's verdict from its indicators' effective statuses (overrides count). Results may
 * come in any order and may miss indicators (no evidence); the framework's order is what counts.
 */
export function frameworkVerdict(framework: Framework, results: readonly IndicatorResult[]): FrameworkVerdict {
  const byId = new Map(results.map((r) => [r.indicatorId, r]));
  const ordered = framework.indicators.map((i) => byId.get(i.id) ?? nothing(i.id));
  const ids = (keep: (r: IndicatorResult) => boolean) => ordered.filter(keep).map((r) => r.indicatorId);
  const met = ordered.filter((r) => r.effective === "met");
  const unmet = ids((r) => r.effective !== "met");
  const contested = ids((r) => r.effective === "contested");
  switch (framework.kind) {
    case "assessment":
      return { kind: "assessment", verdict: unmet.length ? "not_optimal" : "optimal", unmet, contested };
    case "ordered_assessment":
      return {
        kind: "ordered_assessment",
        verdict: unmet.length ? "partially_implemented" : "implemented",
        furthest: met.at(-1)?.indicatorId ?? null,
        unmet,
        contested,
      };
    case "classification": {
      // Strictly more codings to take the lead, so a tie stays with the first in order.
      let dominant: IndicatorResult | null = null;
      for (const r of met) if (!dominant || r.supporting > dominant.supporting) dominant = r;
      const absent = ids((r) => r.effective === "not_met");
      return { kind: "classification", present: met.map((r) => r.indicatorId), dominant: dominant?.indicatorId ?? null, contested, absent };
    }
    case "exclusive_classification":
      return {
        kind: "exclusive_classification",
        type: met.length === 1 ? met[0]!.indicatorId : null,
        several: met.length > 1,
        present: met.map((r) => r.indicatorId),
        contested,
      };
    case "inventory": {
      // Array.prototype.sort is stable: equal evidence keeps the framework's order.
      const ranked = [...met].sort((a, b) => b.supporting - a.supporting || b.documents - a.documents);
      return { kind: "inventory", ranked: ranked.map((r) => r.indicatorId), contested };
    }
  }
}

/**
 * The verdict as a sentence for the thesis conclusion, in Indonesian or English, e.g.
 * "Kapasitas paradiplomasi tidak optimal: indikator penerapan paradiplomasi dan konsekuensi kerja
 * sama tidak terpenuhi". Names come from the framework, so custom frameworks read as well.
 */
export function verdictSentence(language: Language, framework: Framework, verdict: FrameworkVerdict): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(language, `frameworks.sentence.${key}`, params);
  const nameOf = new Map(framework.indicators.map((i) => [i.id, lowerFirst(i.name[language])]));
  const names = (ids: string[], conjunction: "and" | "or" = "and") =>
    joinNames(language, ids.map((id) => nameOf.get(id) ?? id), conjunction);
  const subject = subjectName(framework.name[language]);
  const unmetClause = (unmet: string[]) => t(unmet.length === 1 ? "unmetOne" : "unmetMany", { indicators: names(unmet) });
  const contestedClause = (contested: string[]) => (contested.length ? `; ${t("contested", { indicators: names(contested) })}` : "");
  switch (verdict.kind) {
    case "assessment":
      return verdict.verdict === "optimal"
        ? t("optimal", { framework: subject })
        : t("notOptimal", { framework: subject, unmet: unmetClause(verdict.unmet) }) + contestedClause(verdict.contested);
    case "ordered_assessment":
      if (verdict.verdict === "implemented") return t("implemented", { framework: subject });
      return (
        (verdict.furthest
          ? t("partial", { framework: subject, stage: names([verdict.furthest]), unmet: unmetClause(verdict.unmet) })
          : t("partialNone", { framework: subject, unmet: unmetClause(verdict.unmet) })) + contestedClause(verdict.contested)
      );
    case "classification": {
      const parts: string[] = [];
      if (verdict.present.length) parts.push(t("present", { items: names(verdict.present) }));
      if (verdict.present.length > 1 && verdict.dominant) parts.push(t("dominant", { item: names([verdict.dominant]) }));
      if (verdict.contested.length) parts.push(t("contestedItems", { items: names(verdict.contested) }));
      if (verdict.absent.length) parts.push(t("absent", { items: names(verdict.absent, "or") }));
      return parts.join("; ");
    }
    case "exclusive_classification": {
      const main = verdict.type
        ? t("exclusiveOne", { framework: subject, type: names([verdict.type]) })
        : verdict.several
          ? t("exclusiveSeveral", { framework: subject, items: names(verdict.present) })
          : t("exclusiveNone", { framework: subject });
      return main + contestedClause(verdict.contested);
    }
    case "inventory":
      return (
        (verdict.ranked.length ? t("inventory", { framework: subject, items: names(verdict.ranked) }) : t("inventoryNone", { framework: subject })) +
        contestedClause(verdict.contested)
      );
  }
}

/** "met (supporting: 2, contradicting: 0, documents: 2)", and the override beside it, never instead. */
export function describeResult(language: Language, result: IndicatorResult): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(language, `frameworks.${key}`, params);
  const status = (s: IndicatorStatus) => t(`status.${s}`);
  const { supporting, contradicting, documents } = result;
  let computed = `${status(result.computed)} (${t("counts", { supporting, contradicting, documents })}`;
  if (result.hasContradicting && result.computed === "not_met") computed += `; ${t("contradictingNote")}`;
  computed += ")";
  if (!result.override) return computed;
  return `${t("computed", { status: computed })}; ${t("override", { status: status(result.override.status), justification: result.override.justification })}`;
}

/**
 * The concept a conclusion speaks of: "Paradiplomacy capacity (Kuznetsov)" → "Paradiplomacy
 * capacity". The author belongs in headings and exports, not in every verdict sentence.
 */
export function subjectName(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, "") || name;
}

/** Lower-cases the first letter mid-sentence, unless the first word looks like a name or acronym. */
export function lowerFirst(name: string): string {
  const firstWord = name.split(/\s/, 1)[0] ?? "";
  if (/[0-9]/.test(firstWord) || /\p{Lu}/u.test(firstWord.slice(1))) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * "a, b and c" in the language. Two-word names sharing a word are folded, as a writer would:
 * "cultural or political motive", "motif budaya atau politik". Longer names are left whole, where
 * folding would mangle them ("lapisan pertama: ekonomi"). When a name itself holds a list word
 * ("and", "dan", "or", "atau") or a comma, every name is quoted, so "“ekonomi dan budaya” dan
 * “politik”" cannot be read as three names.
 */
export function joinNames(language: Language, names: string[], conjunction: "and" | "or" = "and"): string {
  const word = translate(language, `frameworks.list.${conjunction}`);
  const join = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`);
  if (names.length > 1 && names.some(holdsListWord)) return join(names.map((name) => translate(language, "frameworks.list.quoted", { name })));
  const split = names.map((n) => n.split(" "));
  if (names.length > 1 && split.every((w) => w.length === 2)) {
    if (split.every((w) => w[1] === split[0]![1])) return `${join(split.map((w) => w[0]!))} ${split[0]![1]}`;
    if (split.every((w) => w[0] === split[0]![0])) return `${split[0]![0]} ${join(split.map((w) => w[1]!))}`;
  }
  return join(names);
}

/** The list words of both languages: a name may be written in either. */
const LIST_WORDS = new Set((["en", "id"] as const).flatMap((l) => [translate(l, "frameworks.list.and"), translate(l, "frameworks.list.or")].map((w) => w.toLowerCase())));

function holdsListWord(name: string): boolean {
  return /[,;]/.test(name) || name.toLowerCase().split(/\s+/).some((w) => LIST_WORDS.has(w));
}
