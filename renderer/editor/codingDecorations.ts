import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { CodingId } from "../../shared/model/ids.js";
import type { TextPositions } from "../../shared/text/positions.js";
import { codingClass } from "./codingClasses.js";
import type { CodingHighlight } from "./codingHighlights.js";

/**
 * Codings drawn as inline decorations over the (never rewritten) text: standoff annotation. The
 * decoration set is built once with `DecorationSet.create` and then changed by `add`/`remove` for
 * each coding that changes, so applying a code touches one section of the document, not 5,000
 * highlights. Each coding gets its own `<span>` (via `nodeName`), so overlapping codings nest and
 * each shows in its own colour (one class per look, see codingClasses.ts); a "lane" (an underline depth) keeps overlapping underlines apart.
 *
 * At most MAX_DRAWN_LANES codings are drawn over one another: each drawn one is a nested <span>, and
 * thousands of codings over one passage (an auto-code run on one sentence) nested so deep that the
 * browser's renderer crashed. The rest keep their entry (a click on the passage still lists them,
 * see codingClicks.ts) and their stripe in the margin.
 */
export const MAX_DRAWN_LANES = 16;

interface Entry {
  from: number;
  to: number;
  lane: number;
  /** Null for a coding past MAX_DRAWN_LANES over the same text: counted, listed, not drawn. */
  deco: Decoration | null;
}

export interface CodingDecorationState {
  readonly set: DecorationSet;
  readonly entries: ReadonlyMap<CodingId, Entry>;
}

/** Meta for a transaction that changes which codings are drawn (`remove` is applied first). */
export interface CodingChange {
  add?: readonly CodingHighlight[];
  remove?: readonly CodingId[];
}

export const codingDecorationsKey = new PluginKey<CodingDecorationState>("tandaiCodingDecorations");

function decorationFor(h: CodingHighlight, from: number, to: number, lane: number): Decoration | null {
  if (lane >= MAX_DRAWN_LANES) return null;
  return Decoration.inline(
    from,
    to,
    {
      nodeName: "span",
      class: codingClass(h.color, lane, h.contradicts),
      "data-coding-id": h.id,
    },
    { codingId: h.id },
  );
}

/** The lowest lane no coding overlapping [from, to) uses (MAX_DRAWN_LANES when all drawn ones are taken). */
function freeLane(entries: ReadonlyMap<CodingId, Entry>, from: number, to: number): number {
  let used = 0;
  for (const e of entries.values()) if (e.from < to && e.to > from && e.lane < MAX_DRAWN_LANES) used |= 1 << e.lane;
  let lane = 0;
  while (lane < MAX_DRAWN_LANES && used & (1 << lane)) lane++;
  return lane;
}

/** The codings over [from, to) that are not drawn (past MAX_DRAWN_LANES), shortest first. */
export function undrawnAt(state: EditorState, from: number, to: number): CodingId[] {
  const entries = codingDecorationsKey.getState(state)?.entries;
  const found: [CodingId, Entry][] = [];
  for (const [id, e] of entries ?? []) if (!e.deco && e.from < to && e.to > from) found.push([id, e]);
  return found.sort(([, a], [, b]) => a.to - a.from - (b.to - b.from)).map(([id]) => id);
}

/**
 * The codings a document opens with, turned into its first decoration set on demand. The same
 * set serves the view's first draw (through `editorProps.decorations`, before Tiptap adds its
 * plugins) and the plugin's initial state, so the view draws the highlights once.
 */
export class InitialCodings {
  private built: { doc: PMNode; state: CodingDecorationState } | null = null;

  constructor(
    private readonly positions: TextPositions,
    private readonly highlights: readonly CodingHighlight[],
  ) {}

  stateFor(doc: PMNode): CodingDecorationState {
    if (this.built?.doc !== doc) this.built = { doc, state: this.build(doc) };
    return this.built.state;
  }

  /** For `editorProps.decorations`: the initial set until the plugin holds the live one. */
  readonly decorations = (state: EditorState): DecorationSet | null =>
    codingDecorationsKey.getState(state) ? null : this.stateFor(state.doc).set;

  private build(doc: PMNode): CodingDecorationState {
    const placed: { h: CodingHighlight; from: number; to: number }[] = [];
    for (const h of this.highlights) {
      const range = this.positions.rangeToPos(h.start, h.end);
      if (range) placed.push({ h, ...range });
    }
    placed.sort((a, b) => a.from - b.from || b.to - a.to);
    // Greedy interval colouring: each coding takes the lowest lane free where it starts.
    const laneEnds: number[] = [];
    const entries = new Map<CodingId, Entry>();
    const decos: Decoration[] = [];
    for (const { h, from, to } of placed) {
      let lane = laneEnds.findIndex((end) => end <= from);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = to;
      const deco = decorationFor(h, from, to, lane);
      if (deco) decos.push(deco);
      entries.set(h.id, { from, to, lane, deco });
    }
    // DecorationSet.create nulls out entries of the array it is given: hand it a copy.
    return { set: DecorationSet.create(doc, decos.slice()), entries };
  }
}

function apply(
  positions: TextPositions,
  tr: Transaction,
  value: CodingDecorationState,
  state: EditorState,
): CodingDecorationState {
  let { set, entries } = value;
  if (tr.docChanged) {
    set = set.map(tr.mapping, tr.doc);
    const mapped = new Map<CodingId, Entry>();
    for (const [id, e] of entries) if (!e.deco) mapped.set(id, { ...e, from: tr.mapping.map(e.from), to: tr.mapping.map(e.to) });
    for (const deco of set.find()) {
      const id = (deco.spec as { codingId: CodingId }).codingId;
      mapped.set(id, { from: deco.from, to: deco.to, lane: entries.get(id)?.lane ?? 0, deco });
    }
    entries = mapped;
  }
  const change = tr.getMeta(codingDecorationsKey) as CodingChange | undefined;
  if (!change) return set === value.set ? value : { set, entries };

  const next = new Map(entries);
  const gone: Decoration[] = [];
  const drop = (id: CodingId) => {
    const e = next.get(id);
    if (e) {
      if (e.deco) gone.push(e.deco);
      next.delete(id);
    }
  };
  for (const id of change.remove ?? []) drop(id);
  for (const h of change.add ?? []) drop(h.id);
  if (gone.length) set = set.remove(gone);

  const added: Decoration[] = [];
  for (const h of change.add ?? []) {
    const range = positions.rangeToPos(h.start, h.end);
    if (!range) continue;
    const lane = freeLane(next, range.from, range.to);
    const deco = decorationFor(h, range.from, range.to, lane);
    next.set(h.id, { ...range, lane, deco });
    if (deco) added.push(deco);
  }
  if (added.length) set = set.add(state.doc, added);
  return { set, entries: next };
}

export interface CodingDecorationsOptions {
  positions: TextPositions | null;
  initial: InitialCodings | null;
}

/** The coding highlights of one document; change them with `setCodingChange`. */
export const CodingDecorations = Extension.create<CodingDecorationsOptions>({
  name: "codingDecorations",

  addOptions() {
    return { positions: null, initial: null };
  },

  addProseMirrorPlugins() {
    const { positions, initial } = this.options;
    if (!positions || !initial) throw new Error("CodingDecorations needs positions and initial codings");
    return [
      new Plugin<CodingDecorationState>({
        key: codingDecorationsKey,
        state: {
          init: (_config, state) => initial.stateFor(state.doc),
          apply: (tr, value, _old, state) => apply(positions, tr, value, state),
        },
        props: {
          decorations: (state) => codingDecorationsKey.getState(state)?.set,
        },
      }),
    ];
  },
});

/** Marks `tr` as changing which codings are drawn. */
export function setCodingChange(tr: Transaction, change: CodingChange): Transaction {
  return tr.setMeta(codingDecorationsKey, change);
}
