import { z } from "zod";
import type { Language } from "../i18n/catalogues.js";
import { lazySchema } from "../model/lazySchema.js";

/**
 * An analytical framework a thesis argues with (Kuznetsov's paradiplomacy capacity, Keating's
 * motives, …): indicators the coding is evidence for, and the kind of verdict drawn from them.
 * Ids are stable: saved projects, exports and the CLI refer to them, so they are validated here.
 */
export const FRAMEWORK_KINDS = ["assessment", "ordered_assessment", "classification", "exclusive_classification", "inventory"] as const;
export const FrameworkKind = lazySchema(() => z.enum(FRAMEWORK_KINDS));
export type FrameworkKind = z.infer<typeof FrameworkKind>;

/** Every framework name is shown in both app languages; the thesis may be written in either. */
export const Bilingual = lazySchema(() => z.object({ en: z.string().trim().min(1).max(300), id: z.string().trim().min(1).max(300) }));
export type Bilingual = z.infer<typeof Bilingual>;

export const FRAMEWORK_ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
export const FrameworkId = lazySchema(() => z.string().regex(FRAMEWORK_ID_PATTERN, "not a valid framework id"));
/** `<frameworkId>.<key>`, so an indicator id alone says which framework it belongs to. */
export const INDICATOR_ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}\.[a-z0-9_-]{1,64}$/;
export const IndicatorId = lazySchema(() => z.string().regex(INDICATOR_ID_PATTERN, "not a valid indicator id"));

export const Indicator = lazySchema(() => z.object({
  id: IndicatorId,
  name: Bilingual,
  description: z.object({ en: z.string().trim().min(1).max(2000), id: z.string().trim().min(1).max(2000) }).optional(),
}));
export type Indicator = z.infer<typeof Indicator>;

export const DEFAULT_THRESHOLDS = { minCodings: 1, minDocuments: 1 } as const;

/** minDocuments > 1 asks for triangulation: the same indicator supported in several documents. */
export const Thresholds = lazySchema(() => z.object({
  minCodings: z.number().int().min(1).max(10_000).default(DEFAULT_THRESHOLDS.minCodings),
  minDocuments: z.number().int().min(1).max(10_000).default(DEFAULT_THRESHOLDS.minDocuments),
}));
export type Thresholds = z.infer<typeof Thresholds>;

export const Framework = lazySchema(() => z
  .object({
    id: FrameworkId,
    name: Bilingual,
    kind: FrameworkKind,
    /** In order: the order is the stage order of an ordered assessment and breaks ties elsewhere. */
    indicators: z.array(Indicator).min(1).max(200),
    thresholds: Thresholds.default({ ...DEFAULT_THRESHOLDS }),
    /** Reserved for triangulation by kind of source (interview, official document, literature). */
    sourceTypes: z.array(z.string().trim().min(1).max(100)).optional(),
  })
  .superRefine((framework, ctx) => {
    const seen = new Set<string>();
    framework.indicators.forEach((indicator, index) => {
      if (frameworkOf(indicator.id) !== framework.id) {
        ctx.addIssue({ code: "custom", path: ["indicators", index, "id"], message: `must start with "${framework.id}."` });
      }
      if (seen.has(indicator.id)) ctx.addIssue({ code: "custom", path: ["indicators", index, "id"], message: "duplicate indicator id" });
      seen.add(indicator.id);
    });
  }));
export type Framework = z.infer<typeof Framework>;

export const INDICATOR_STATUSES = ["met", "contested", "not_met"] as const;
export const IndicatorStatus = lazySchema(() => z.enum(INDICATOR_STATUSES));
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;

/** The researcher's decision on one indicator for one case; the justification is mandatory. */
export const Override = lazySchema(() => z.object({ status: IndicatorStatus, justification: z.string().trim().min(1).max(5000) }));
export type Override = z.infer<typeof Override>;

/** An override as the project keeps it, with the moment it was written. */
export const StoredOverride = lazySchema(() => Override.extend({ at: z.string() }));
export type StoredOverride = z.infer<typeof StoredOverride>;

/** The key of `ProjectState.overrides`: one override per case and indicator. */
export function overrideKey(caseId: string, indicatorId: string): string {
  return `${caseId}|${indicatorId}`;
}

/** The framework id an indicator id belongs to ("kuznetsov" for "kuznetsov.legal"). */
export function frameworkOf(indicatorId: string): string {
  const dot = indicatorId.indexOf(".");
  return dot < 0 ? indicatorId : indicatorId.slice(0, dot);
}

/** The indicator of a set of frameworks, or undefined. */
export function findIndicator(frameworks: Record<string, Framework>, indicatorId: string): Indicator | undefined {
  return frameworks[frameworkOf(indicatorId)]?.indicators.find((i) => i.id === indicatorId);
}

/** An indicator's name in `language`, or its id when no framework of the project has it (a code linked to a framework since removed). */
export function indicatorName(frameworks: Record<string, Framework>, indicatorId: string, language: Language): string {
  return findIndicator(frameworks, indicatorId)?.name[language] ?? indicatorId;
}
