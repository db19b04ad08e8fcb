import { nextCodeColor } from "../model/colors.js";
import { newCodeId, type CodeId } from "../model/ids.js";
import type { Code, ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import { formatCodePath, PATH_SEPARATOR } from "./tree.js";

/** One code of an imported codebook (a REFI-QDA .qdc file), with its nested codes. */
export interface ImportedCode {
  name: string;
  /** `#rrggbb`; absent (or not of that form): the next palette colour. */
  color?: string;
  description?: string;
  /** false: `isCodable="false"`, a group that cannot be applied (kept on codes the import creates). */
  codable?: false;
  children: ImportedCode[];
}

export interface CodebookImportSummary {
  /** How many codes were added. */
  created: number;
  /** How many imported codes matched a code already at the same path, and were merged into it. */
  merged: number;
  /** Codes newly linked to an indicator, by path ("Motive/Economic motive"). */
  linked: { code: string; indicatorId: string }[];
}

/** The longest code name a project keeps. */
const MAX_NAME = 200;
const COLOR = /^#[0-9a-f]{6}$/i;

/** Case-, accent- and surrounding-space-insensitive form of a name. */
export const foldName = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase().replace(/\s+/g, " ").trim();

/**
 * The indicators of the project's frameworks by folded English and Indonesian name. A name shared
 * by indicators of two frameworks is ambiguous and links to neither.
 */
function indicatorsByName(state: ProjectState): Map<string, string | null> {
  const byName = new Map<string, string | null>();
  for (const framework of Object.values(state.frameworks)) {
    for (const indicator of framework.indicators) {
      for (const name of new Set([foldName(indicator.name.en), foldName(indicator.name.id)])) {
        const known = byName.get(name);
        byName.set(name, known === undefined || known === indicator.id ? indicator.id : null);
      }
    }
  }
  return byName;
}

/**
 * The operations that bring an imported codebook into the project; apply them as one batch, so one
 * undo takes the whole import back.
 *
 * - Codes keep their nesting. A code whose name (case- and accent-insensitive) is already taken
 *   under the same parent is merged into that code instead of duplicated; its nested codes are
 *   imported under it, and its description fills the existing code's definition only if empty.
 *   A sibling linked to the indicator the name matches counts as the same code too, so an
 *   Indonesian codebook imported beside a template added in English does not double its codes.
 * - A description becomes the code's `description.definition`; a colour is kept, else the next
 *   palette colour is used.
 * - Every code the import creates or merges into, whose name is an indicator's English or
 *   Indonesian name in one of the project's frameworks, is linked to that indicator, unless it is
 *   linked already (the researcher's own link wins). Codes the import does not name are untouched.
 */
export function importCodebookOps(state: ProjectState, tree: readonly ImportedCode[], now: string): { ops: Operation[]; summary: CodebookImportSummary } {
  const ops: Operation[] = [];
  const summary: CodebookImportSummary = { created: 0, merged: 0, linked: [] };
  const indicators = indicatorsByName(state);
  const indicatorFor = (folded: string) => indicators.get(folded) ?? null;

  // Codes by parent, existing and added so far (so that a name repeated in the file merges too),
  // as local records: the state is only read, never changed here.
  interface Known {
    id: CodeId;
    name: string;
    order: number;
    path: string[];
    linked: boolean;
    indicatorId?: string;
    hasDefinition: boolean;
    /** The addCode of a code this import creates. */
    add?: Code;
  }
  // Each parent's children by folded name and by indicator (the first such sibling, as a search
  // in order would find), and the order after the last: one lookup per imported code, so a flat
  // codebook of 100k codes imports in linear time, not quadratic.
  interface Siblings {
    byName: Map<string, Known>;
    byIndicator: Map<string, Known>;
    nextOrder: number;
  }
  const children = new Map<CodeId | null, Siblings>();
  const siblingsOf = (parentId: CodeId | null) => {
    let group = children.get(parentId);
    if (!group) children.set(parentId, (group = { byName: new Map(), byIndicator: new Map(), nextOrder: 0 }));
    return group;
  };
  const remember = (parentId: CodeId | null, known: Known, folded = foldName(known.name)) => {
    const group = siblingsOf(parentId);
    if (!group.byName.has(folded)) group.byName.set(folded, known);
    if (known.indicatorId && !group.byIndicator.has(known.indicatorId)) group.byIndicator.set(known.indicatorId, known);
    group.nextOrder = Math.max(group.nextOrder, known.order + 1);
  };
  // Paths of existing codes, each computed once from its parent's.
  const paths = new Map<CodeId, string[]>();
  const pathOf = (id: CodeId): string[] => {
    let path = paths.get(id);
    if (!path) {
      const code = state.codes[id]!;
      const parent = code.parentId && state.codes[code.parentId] ? pathOf(code.parentId) : [];
      paths.set(id, (path = [...parent, code.name]));
    }
    return path;
  };
  for (const code of Object.values(state.codes)) {
    remember(code.parentId, {
      id: code.id,
      name: code.name,
      order: code.order,
      path: pathOf(code.id),
      linked: Boolean(code.indicatorId),
      ...(code.indicatorId ? { indicatorId: code.indicatorId } : {}),
      hasDefinition: code.description.definition.trim() !== "",
    });
  }
  let colorIndex = Object.keys(state.codes).length;

  const visit = (nodes: readonly ImportedCode[], parentId: CodeId | null, parentPath: string[]) => {
    for (const node of nodes) {
      const name = node.name.replace(/\s+/g, " ").trim().slice(0, MAX_NAME);
      if (!name) continue;
      const siblings = siblingsOf(parentId);
      const folded = foldName(name);
      const indicatorId = indicatorFor(folded);
      // The same name, else a sibling for the same indicator (its name in the other language).
      let known = siblings.byName.get(folded) ?? (indicatorId ? siblings.byIndicator.get(indicatorId) : undefined);
      if (known) {
        summary.merged++;
        if (node.description && !known.hasDefinition) {
          if (known.add) known.add.description = { ...known.add.description, definition: node.description };
          else ops.push({ type: "updateCode", codeId: known.id, description: { ...state.codes[known.id]!.description, definition: node.description } });
          known.hasDefinition = true;
        }
        if (indicatorId && !known.linked) {
          if (known.add) known.add.indicatorId = indicatorId;
          else ops.push({ type: "linkCode", codeId: known.id, indicatorId });
          known.linked = true;
          known.indicatorId = indicatorId;
          if (!siblings.byIndicator.has(indicatorId)) siblings.byIndicator.set(indicatorId, known);
          summary.linked.push({ code: formatCodePath(known.path, PATH_SEPARATOR), indicatorId });
        }
      } else {
        const code: Code = {
          id: newCodeId(),
          name,
          color: node.color && COLOR.test(node.color) ? node.color.toLowerCase() : nextCodeColor(colorIndex),
          parentId,
          order: siblings.nextOrder,
          description: { definition: node.description ?? "", whenToUse: "", whenNotToUse: "" },
          createdAt: now,
          ...(indicatorId ? { indicatorId } : {}),
          ...(node.codable === false ? { codable: false as const } : {}),
        };
        colorIndex++;
        ops.push({ type: "addCode", code });
        known = {
          id: code.id,
          name,
          order: code.order,
          path: [...parentPath, name],
          linked: Boolean(indicatorId),
          ...(indicatorId ? { indicatorId } : {}),
          hasDefinition: Boolean(node.description),
          add: code,
        };
        remember(parentId, known, folded);
        summary.created++;
        if (indicatorId) summary.linked.push({ code: formatCodePath(known.path, PATH_SEPARATOR), indicatorId });
      }
      visit(node.children, known.id, known.path);
    }
  };
  visit(tree, null, []);
  return { ops, summary };
}
