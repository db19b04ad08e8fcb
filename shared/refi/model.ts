import type { Framework, StoredOverride } from "../frameworks/model.js";
import type { AttributeDefinition, Block, Code, DocumentMeta } from "../model/project.js";

/**
 * A REFI-QDA project (.qdpx / .qde) as the reader hands it over: the parts Tandai imports, already
 * resolved to plain values (the text of every text source read from the archive), plus counts of
 * what it cannot import so the preview can name them. GUIDs are normalised (lower case, no braces).
 */
export interface RefiCode {
  guid: string;
  name: string;
  /** `#rrggbb`, when the file gave a colour Tandai reads (`#RRGGBB` or `rgb()`). */
  color?: string;
  description?: string;
  isCodable: boolean;
  children: RefiCode[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  /** The coder's GUID (a User), if the file names one. */
  userGuid?: string;
  createdAt?: string;
}

export interface RefiSelection {
  guid: string;
  /** As the file wrote them; how to read them is decided per file (shared/refi/positions.ts). */
  start: number;
  end: number;
  /** The selected text, where the tool writes it (ATLAS.ti); empty otherwise (NVivo). */
  name: string;
  description?: string;
  codings: RefiCoding[];
  noteGuids: string[];
}

export interface RefiTextSource {
  guid: string;
  name: string;
  /** The text with the BOM dropped and line ends kept, as Tandai stores it. */
  text: string;
  description?: string;
  selections: RefiSelection[];
  noteGuids: string[];
}

export interface RefiNote {
  guid: string;
  name: string;
  text: string;
}

export interface RefiCase {
  guid: string;
  name: string;
  sourceGuids: string[];
}

export interface RefiSet {
  guid: string;
  name: string;
  sourceGuids: string[];
  codeGuids: string[];
}

/** A variable: `typeOfVariable` as written (Text, Boolean, Integer, Float, Date, DateTime). */
export interface RefiVariable {
  guid: string;
  name: string;
  type: string;
}

/** A variable's value on a case or on a source (tools put them on either). */
export interface RefiVariableValue {
  owner: "case" | "source";
  ownerGuid: string;
  variableGuid: string;
  /** As written: the text of TextValue, IntegerValue, … */
  value: string;
}

/** What the file holds that Tandai does not import, counted for the preview. */
export interface RefiSkipped {
  /** Passages a case holds (Case > SelectionRef): Tandai's cases hold whole documents. */
  caseSelections: number;
  pdfSources: number;
  pdfSelections: number;
  pictures: number;
  audio: number;
  video: number;
}

/** Tandai's own extras, kept in `tandai.json` beside the project in the archive (other tools ignore it). */
export interface TandaiExtras {
  format: 1;
  /** Tandai ids by GUID, so a round trip keeps every id. */
  ids: Record<string, string>;
  /** Stances of codings that contradict (supports is the default), by coding GUID. */
  contradicts: string[];
  /** Framework indicator links by code GUID. */
  indicators: Record<string, string>;
  /** What a document was before it travelled as plain text: its kind, source file, date, paragraphs and headings. */
  documents: Record<string, Pick<DocumentMeta, "kind" | "sourceName" | "importedAt" | "pageCount" | "encoding" | "order"> & { blocks: Block[] }>;
  /** The parts of a code's description and record the standard has no place for. */
  codes: Record<string, Pick<Code, "createdAt" | "key"> & Pick<Code["description"], "whenToUse" | "whenNotToUse">>;
  /** The project's frameworks (with their thresholds) and the researcher's overrides, as Tandai keeps them. */
  frameworks: Framework[];
  overrides: Record<string, StoredOverride>;
  /** Attribute details the standard has no place for (choices, the source-type role), by variable GUID. */
  attributes: Record<string, Pick<AttributeDefinition, "type" | "choices" | "role" | "createdAt"> & { appliesTo?: AttributeDefinition["appliesTo"] }>;
  /** When cases and document groups were made, by GUID (the standard's Case and Set carry no date). */
  created: Record<string, string>;
  /**
   * Memos as Tandai keeps them (Tiptap JSON, with the formatting a plain-text Note loses), by the
   * Note's GUID, with the text the Note was given; absent in files of older Tandai versions.
   */
  memos?: Record<string, { content: unknown; text: string }>;
}

export interface RefiProject {
  name: string;
  origin?: string;
  users: Record<string, string>;
  codes: RefiCode[];
  sources: RefiTextSource[];
  notes: RefiNote[];
  /** Notes on the project itself (Project > NoteRef). */
  projectNoteGuids: string[];
  /** Notes tied to a code, source or selection by a Link (origin → target), as ATLAS.ti writes them. */
  links: { originGuid: string; targetGuid: string }[];
  codeNoteGuids: Record<string, string[]>;
  cases: RefiCase[];
  sets: RefiSet[];
  variables: RefiVariable[];
  values: RefiVariableValue[];
  skipped: RefiSkipped;
  extras?: TandaiExtras;
}

/** A GUID as written (`{ABC…}`, upper case) in the one form Tandai keeps. */
export const normalizeGuid = (guid: string) => guid.trim().replace(/^\{|\}$/g, "").toLowerCase();
