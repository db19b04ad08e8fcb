import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { CodingId } from "../../shared/model/ids.js";
import type { TextPositions } from "../../shared/text/positions.js";
import { codingClass } from "./codingClasses.js";
import type { CodingHighlight } from "./codingHighlights.js";
import type { OpenCut } from "./codingReveal.js";

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
 *
 * A document opens with only the codings that start above the window's bottom drawn (the spans
 * of every coding are most of what opening a densely coded document costs, and only the top is on
 * screen); the blocks from the one the window's bottom cuts are "pending" and get their spans from
 * codingReveal.ts, as they come near the viewport and in idle moments after the first paint.
 */
export const MAX_DRAWN_LANES = 16;

interface Entry {
  from: number;
  to: number;
  lane: number;
  /** What to draw; kept so a coding of a pending section can be drawn later. */
  h: CodingHighlight;
  /**
   * Its decoration in the set, or null: a coding past MAX_DRAWN_LANES over the same text (counted,
   * listed, never drawn), or one whose blocks are all still pending.
   */
  deco: Decoration | null;
}

export interface CodingDecorationState {
  readonly set: DecorationSet;
  readonly entries: ReadonlyMap<CodingId, Entry>;
  /** Blocks (by index) whose codings are not drawn yet; empty once every coding is. */
  readonly pending: ReadonlySet<number>;
  /**
   * For each pending block, the codings over it that are waiting for it (or for another of their
   * blocks). Null until a change first needs it, then made from the entries: at the open the
   * thousands of codings below the screen cost no list each.
   */
  readonly waiting: ReadonlyMap<number, readonly CodingId[]> | null;
  /**
   * The editor position the document opened cut at: a coding starting before it is drawn (its
   * blocks above the cut block, or the cut block's lines above the window's bottom, are), though
   * the cut block itself stays pending until the rest of it is drawn. 0 when nothing was cut.
   */
  readonly cut: number;
}

/** Meta for a transaction that changes which codings are drawn (`remove` is applied first). */
export interface CodingChange {
  add?: readonly CodingHighlight[];
  remove?: readonly CodingId[];
  /** Pending blocks whose codings to draw now. */
  reveal?: readonly number[];
}

const NONE: ReadonlySet<number> = new Set();
const NO_WAITING: ReadonlyMap<number, readonly CodingId[]> = new Map();

/** Lists coding `id` as waiting for each of the blocks it touches (all pending). */
function wait(waiting: Map<number, CodingId[]>, [first, last]: [number, number], id: CodingId): void {
  for (let i = first; i <= last; i++) {
    const list = waiting.get(i);
    if (list) list.push(id);
    else waiting.set(i, [id]);
  }
}

/** The waiting lists of `entries`: each coding not drawn for its pending blocks (not past MAX_DRAWN_LANES), under each of them. */
function waitingOf(positions: TextPositions, entries: ReadonlyMap<CodingId, Entry>): Map<number, CodingId[]> {
  const waiting = new Map<number, CodingId[]>();
  for (const [id, e] of entries) if (!e.deco && e.lane < MAX_DRAWN_LANES) wait(waiting, blocksOf(positions, e.from, e.to), id);
  return waiting;
}

/** The blocks (first and last index) that editor range [from, to) touches. */
function blocksOf(positions: TextPositions, from: number, to: number): [number, number] {
  return [positions.blockIndexAtPos(from), positions.blockIndexAtPos(Math.max(from, to - 1))];
}

/** Whether [from, to) touches a block that is not pending (its codings are drawn). */
function inDrawnBlock(positions: TextPositions, pending: ReadonlySet<number>, from: number, to: number): boolean {
  if (!pending.size) return true;
  const [first, last] = blocksOf(positions, from, to);
  for (let i = first; i <= last; i++) if (!pending.has(i)) return true;
  return false;
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
  // Pending codings count too: they are drawn in their lane when their block is.
  for (const e of entries.values()) if (e.from < to && e.to > from && e.lane < MAX_DRAWN_LANES) used |= 1 << e.lane;
  let lane = 0;
  while (lane < MAX_DRAWN_LANES && used & (1 << lane)) lane++;
  return lane;
}

/** The codings over [from, to) that are not drawn (past MAX_DRAWN_LANES), shortest first. */
export function undrawnAt(state: EditorState, from: number, to: number): CodingId[] {
  const entries = codingDecorationsKey.getState(state)?.entries;
  const found: [CodingId, Entry][] = [];
  for (const [id, e] of entries ?? []) if (e.lane >= MAX_DRAWN_LANES && e.from < to && e.to > from) found.push([id, e]);
  return found.sort(([, a], [, b]) => a.to - a.from - (b.to - b.from)).map(([id]) => id);
}

/**
 * The codings a document opens with, turned into its first decoration set on demand. The same
 * set serves the view's first draw (through `editorProps.decorations`, before Tiptap adds its
 * plugins) and the plugin's initial state, so the view draws the highlights once.
 */
export class InitialCodings {
  private built: { doc: PMNode; state: CodingDecorationState } | null = null;

  /** `cut`: where the codings drawn at once end (codingReveal.ts; all of them if null). */
  constructor(
    private readonly positions: TextPositions,
    private readonly highlights: readonly CodingHighlight[],
    private readonly cut: OpenCut | null = null,
  ) {}

  stateFor(doc: PMNode): CodingDecorationState {
    if (this.built?.doc !== doc) this.built = { doc, state: this.build(doc) };
    return this.built.state;
  }

  /** For `editorProps.decorations`: the initial set until the plugin holds the live one. */
  readonly decorations = (state: EditorState): DecorationSet | null =>
    codingDecorationsKey.getState(state) ? null : this.stateFor(state.doc).set;

  /** The highlights with their editor ranges, by start (longer first): as given when they come so (DocumentView sorts them), else sorted. */
  private placed(): { h: CodingHighlight; from: number; to: number }[] {
    const placed: { h: CodingHighlight; from: number; to: number }[] = [];
    let sorted = true;
    for (const h of this.highlights) {
      const range = this.positions.rangeToPos(h.start, h.end);
      if (!range) continue;
      const last = placed.at(-1);
      if (last && (range.from < last.from || (range.from === last.from && range.to > last.to))) sorted = false;
      placed.push({ h, from: range.from, to: range.to });
    }
    return sorted ? placed : placed.sort((a, b) => a.from - b.from || b.to - a.to);
  }

  private build(doc: PMNode): CodingDecorationState {
    const placed = this.placed();
    const count = this.positions.blocks.length;
    const drawn = Math.min(count, this.cut?.block ?? count);
    const pending = new Set<number>();
    for (let i = drawn; i < count; i++) pending.add(i);
    // Codings starting before the cut are drawn: the blocks above the cut block, and the cut
    // block's first lines (those on screen); from the cut on they wait for their blocks.
    const cut = pending.size && this.cut ? this.positions.offsetToPos(this.cut.offset) : 0;
    // Greedy interval colouring over every coding (pending ones too, so lanes never change when
    // a block is drawn later): each takes the lowest lane free where it starts.
    const laneEnds: number[] = [];
    const entries = new Map<CodingId, Entry>();
    const decos: Decoration[] = [];
    // At the open the pending blocks are the last ones: a coding touches a drawn block exactly when
    // it starts before the first pending one (no search per coding for the thousands below).
    const drawnBefore = pending.size ? Math.max(cut, this.positions.blockPos(drawn)) : Infinity;
    for (const { h, from, to } of placed) {
      let lane = 0;
      while (lane < laneEnds.length && laneEnds[lane]! > from) lane++;
      laneEnds[lane] = to;
      const drawable = from < drawnBefore;
      const deco = drawable ? decorationFor(h, from, to, lane) : null;
      if (deco) decos.push(deco);
      entries.set(h.id, { from, to, lane, h, deco });
    }
    // DecorationSet.create nulls out entries of the array it is given: hand it a copy.
    return { set: DecorationSet.create(doc, decos.slice()), entries, pending: pending.size ? pending : NONE, waiting: pending.size ? null : NO_WAITING, cut };
  }
}

function apply(
  positions: TextPositions,
  tr: Transaction,
  value: CodingDecorationState,
  state: EditorState,
): CodingDecorationState {
  let { set, entries } = value;
  const { pending } = value;
  if (tr.docChanged) {
    set = set.map(tr.mapping, tr.doc);
    const mapped = new Map<CodingId, Entry>();
    for (const [id, e] of entries) if (!e.deco) mapped.set(id, { ...e, from: tr.mapping.map(e.from), to: tr.mapping.map(e.to) });
    for (const deco of set.find()) {
      const id = (deco.spec as { codingId: CodingId }).codingId;
      const e = entries.get(id);
      if (e) mapped.set(id, { ...e, from: deco.from, to: deco.to, deco });
    }
    entries = mapped;
  }
  const change = tr.getMeta(codingDecorationsKey) as CodingChange | undefined;
  if (!change) return set === value.set ? value : { ...value, set, entries };
  const waiting = value.waiting ?? waitingOf(positions, entries);

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

  let stillPending = pending;
  let stillWaiting = waiting;
  const added: Decoration[] = [];
  const now = change.reveal?.filter((i) => pending.has(i)) ?? [];
  if (now.length) {
    const revealed = new Set(now);
    stillPending = new Set([...pending].filter((i) => !revealed.has(i)));
    const rest = new Map(waiting);
    for (const block of revealed) {
      for (const id of waiting.get(block) ?? []) {
        const e = next.get(id);
        // Gone since, or drawn already (through another of its blocks, or added again elsewhere).
        if (!e || e.deco || e.lane >= MAX_DRAWN_LANES) continue;
        const deco = decorationFor(e.h, e.from, e.to, e.lane)!;
        next.set(id, { ...e, deco });
        added.push(deco);
      }
      rest.delete(block);
    }
    stillWaiting = rest;
  }
  let copied: Map<number, CodingId[]> | undefined;
  for (const h of change.add ?? []) {
    const range = positions.rangeToPos(h.start, h.end);
    if (!range) continue;
    const lane = freeLane(next, range.from, range.to);
    const drawable = range.from < value.cut || inDrawnBlock(positions, stillPending, range.from, range.to);
    const deco = drawable ? decorationFor(h, range.from, range.to, lane) : null;
    next.set(h.id, { ...range, lane, h, deco });
    if (deco) added.push(deco);
    else if (!drawable && lane < MAX_DRAWN_LANES) {
      // Copies of the lists it joins (once per transaction): earlier states keep theirs.
      copied ??= new Map([...stillWaiting].map(([block, ids]) => [block, [...ids]]));
      wait(copied, blocksOf(positions, range.from, range.to), h.id);
      stillWaiting = copied;
    }
  }
  if (added.length) set = set.add(state.doc, added);
  return { set, entries: next, pending: stillPending.size ? stillPending : NONE, waiting: stillPending.size ? stillWaiting : NO_WAITING, cut: stillPending.size ? value.cut : 0 };
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
