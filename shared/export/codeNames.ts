import { formatCodePath, PATH_SEPARATOR } from "../codebook/tree.js";
import { findIndicator, type Bilingual } from "../frameworks/model.js";
import type { Language } from "../i18n/catalogues.js";
import type { CodeId } from "../model/ids.js";
import type { Code, CodeDescription, ProjectState } from "../model/project.js";
import type { Axis, Matrix } from "./matrices.js";

/**
 * A code as a report in `language` names and describes it. Codes made from a framework carry the
 * framework's bilingual names in one language, as the researcher added them (`addTemplateOps`: the
 * indicator's name, "English / Indonesian" as the definition, the indicator's description as when
 * to use it). Where a text is still that framework text, the report's language is used instead; a
 * text the researcher wrote is kept as written.
 */
export function codeInLanguage(state: ProjectState, code: Code, language: Language): { name: string } & CodeDescription {
  const names = frameworkNames(state, code);
  if (!names) return { name: code.name, ...code.description };
  const { definition, whenToUse, whenNotToUse } = code.description;
  const description = code.indicatorId ? findIndicator(state.frameworks, code.indicatorId)?.description : undefined;
  const fromFramework = (text: string, bilingual: Bilingual | undefined) => bilingual !== undefined && (text === bilingual.en || text === bilingual.id);
  const both = names.en === names.id ? names.en : `${names.en} / ${names.id}`;
  // The name already says what "English / Indonesian" says; a description, if any, says more.
  const definitionIsNames = definition === both;
  return {
    // Code names are cut at 200 characters; framework names may be longer.
    name: fromFramework(code.name, { en: names.en.slice(0, 200), id: names.id.slice(0, 200) }) ? names[language].slice(0, 200) : code.name,
    definition: definitionIsNames ? (description?.[language] ?? "") : definition,
    whenToUse: fromFramework(whenToUse, description) ? (definitionIsNames ? "" : description![language]) : whenToUse,
    whenNotToUse,
  };
}

/** "Motif paradiplomasi (Keating)/Motif ekonomi": a code's path with each name in `language`. */
export function codePathIn(state: ProjectState, id: CodeId, language: Language): string {
  const names: string[] = [];
  for (let code = state.codes[id]; code; code = code.parentId ? state.codes[code.parentId] : undefined) names.unshift(codeInLanguage(state, code, language).name);
  return formatCodePath(names, PATH_SEPARATOR);
}

/** The bilingual names a framework gave the code: its indicator's, or for a group its framework's. */
function frameworkNames(state: ProjectState, code: Code): Bilingual | undefined {
  if (code.indicatorId) return findIndicator(state.frameworks, code.indicatorId)?.name;
  if (code.parentId !== null) return undefined;
  return Object.values(state.frameworks).find((f) => code.name === f.name.en.slice(0, 200) || code.name === f.name.id.slice(0, 200))?.name;
}

/** The matrix with its code rows and columns named by `codePathIn`, for an export in `language`. */
export function withCodeNamesIn(state: ProjectState, matrix: Matrix, language: Language): Matrix {
  const rename = (axis: Axis): Axis => (state.codes[axis.id as CodeId] ? { ...axis, label: codePathIn(state, axis.id as CodeId, language) } : axis);
  return { ...matrix, rows: matrix.rows.map(rename), columns: matrix.columns.map(rename) };
}
