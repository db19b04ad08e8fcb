import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { CodingId } from "../../shared/model/ids.js";
import type { TextPositions } from "../../shared/text/positions.js";
import { stackClass } from "./codingClasses.js";
import type { CodingHighlight } from "./codingHighlights.js";

/**
 * Codings drawn as inline decorations over the (never rewritten) text: standoff annotation. The
 * text is cut at every boundary of the codings drawn, and each piece gets one decoration — one
 * flat `<span>` — naming every coding over it (`data-coding-ids`, outermost first; `data-coding-id`
 * the innermost) with one class for the look of that stack (codingClasses.ts `stackClass`: each
 * coding's wash and underline in its lane, as when each coding was its own nested span). Nested
 * spans, one per coding around each piece, were most of what opening a densely coded document
 * cost (style, layout and paint of ≈ 3 spans per piece). A "lane" (an underline depth) keeps
 * overlapping underlines apart.
 *
 * The decoration set is built once with `DecorationSet.create` and then changed where codings
 * change: applying or removing a coding re-cuts only the pieces over the text its neighbours span,
 * not the 5,000 highlights.
 *
 * At most MAX_DRAWN_LANES codings are drawn over one another (thousands over one passage, an
 * auto-code run on one sentence, once nested so deep that the browser's renderer crashed; drawn
 * flat, the limit keeps the stacks' classes few). The rest keep their entry (a click on the
 * passage still lists them, see codingClicks.ts) and their stripe in the margin.
 *
 * A document opens with only the codings of the blocks near the top drawn (only the top is on
 * screen); the other blocks are "pending" and get their pieces from codingReveal.ts, as they come
 * near the viewport and in idle moments after the first paint.
 */
export const MAX_DRAWN_LANES = 16;

interface Entry {
  from: number;
  to: number;
  lane: number;
  /** What to draw; kept so a coding of a pending section can be drawn later. */
  h: CodingHighlight;
  /**
   * Whether it is in the pieces drawn: not a coding past MAX_DRAWN_LANES over the same text
   * (counted, listed, never drawn), nor one whose blocks are all still pending.
   */
  drawn: boolean;
  /** Order of arrival (the open's codings by position first), ProseMirror's tie-break between equal ranges. */
  rank: number;
}

let arrivals = 0;

export interface CodingDecorationState {
  readonly set: DecorationSet;
  readonly entries: ReadonlyMap<CodingId, Entry>;
  /** Blocks (by index) whose codings are not drawn yet; empty once every coding is. */
  readonly pending: ReadonlySet<number>;
  /** For each pending block, the codings over it that are waiting for it (or for another of their blocks). */
  readonly waiting: ReadonlyMap<number, readonly CodingId[]>;
}

/** Meta for a transaction that changes which codings are drawn (`remove` is applied first). */
export interface CodingChange {
  add?: readonly CodingHighlight[];
  remove?: readonly CodingId[];
  /** Pending blocks whose codings to draw now. */
  reveal?: readonly number[];
}

/** What a piece's decoration carries: the codings over it, outermost first. */
interface PieceSpec {
  codingIds: readonly CodingId[];
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

/** A coding's part within one block, as ProseMirror orders and splits decorations (`from`/`to` clipped to the block). */
interface Part {
  from: number;
  to: number;
  /** Where ProseMirror keeps the coding's decoration: 0 the document (across sections), 1 its section, 2 its block. */
  level: number;
  e: Entry;
}

const byPos = (a: Part, b: Part) => a.from - b.from || a.to - b.to;

/** ProseMirror's `insertAhead` (prosemirror-view, decoration.ts). */
function insertAhead(parts: Part[], at: number, part: Part): void {
  while (at < parts.length && byPos(part, parts[at]!) > 0) at++;
  parts.splice(at, 0, part);
}

/**
 * ProseMirror's `removeOverlap` (prosemirror-view, decoration.ts): decorations cut into pieces that
 * are either the same range or apart. Ported so each piece's codings come in the order ProseMirror
 * nested their spans (the first innermost), which decides each one's wash (lighter when deeper)
 * and which underline lies on top: the flat drawing looks as the nested one did.
 */
function removeOverlap(parts: Part[]): Part[] {
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (part.from === part.to) continue;
    for (let j = i + 1; j < parts.length; j++) {
      const next = parts[j]!;
      if (next.from === part.from) {
        if (next.to !== part.to) {
          parts[j] = { ...next, to: part.to };
          insertAhead(parts, j + 1, { ...next, from: part.to });
        }
        continue;
      }
      if (next.from < part.to) {
        parts[i] = { ...part, to: next.from };
        insertAhead(parts, j, { ...part, from: next.from });
      }
      break;
    }
  }
  return parts;
}

/**
 * The pieces of block `index` (each a decoration over the codings covering it), from `drawn`, the
 * drawn codings overlapping it. Their order is the one ProseMirror gave the nested spans: a
 * coding's decoration lives in the smallest node holding it (document, section, block), a block
 * sees its ancestors' ones first, each list sorted by position (stable), and removeOverlap cuts them.
 */
function piecesOf(positions: TextPositions, index: number, drawn: readonly Entry[]): Decoration[] {
  const start = positions.blockPos(index);
  const block = positions.blocks[index]!;
  const end = start + (block.end - block.start);
  const section = Math.floor(index / positions.sectionSize);
  const parts: Part[] = [];
  for (const e of drawn) {
    const from = Math.max(start, e.from);
    const to = Math.min(end, e.to);
    if (from >= to) continue;
    const [first, last] = blocksOf(positions, e.from, e.to);
    const level = first === last ? 2 : Math.floor(first / positions.sectionSize) === section && Math.floor(last / positions.sectionSize) === section ? 1 : 0;
    parts.push({ from, to, level, e });
  }
  // Each node's list sorted by (from, to), ties in the order added; clipped to the block and sorted
  // again; the lists joined ancestors first and sorted once more (stable sorts, as ProseMirror's).
  parts.sort((a, b) => a.from - b.from || a.to - b.to || a.level - b.level || a.e.from - b.e.from || a.e.to - b.e.to || a.e.rank - b.e.rank);
  const cut = removeOverlap(parts);
  const out: Decoration[] = [];
  for (let i = 0; i < cut.length; ) {
    let j = i + 1;
    while (j < cut.length && cut[j]!.from === cut[i]!.from && cut[j]!.to === cut[i]!.to) j++;
    // ProseMirror wrapped the first innermost: outermost first here.
    out.push(pieceDecoration(cut.slice(i, j).map((p) => p.e).reverse(), cut[i]!.from, cut[i]!.to));
    i = j;
  }
  return out;
}

function pieceDecoration(stack: readonly Entry[], from: number, to: number): Decoration {
  const codingIds = stack.map((e) => e.h.id);
  return Decoration.inline(
    from,
    to,
    {
      nodeName: "span",
      class: stackClass(stack.map((e) => ({ color: e.h.color, lane: e.lane, contradicts: e.h.contradicts }))),
      "data-coding-id": codingIds[codingIds.length - 1]!,
      "data-coding-ids": codingIds.join(" "),
    },
    { codingIds } satisfies PieceSpec,
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

  /** `drawnBlocks`: how many blocks from the top have their codings drawn at once (all if null). */
  constructor(
    private readonly positions: TextPositions,
    private readonly highlights: readonly CodingHighlight[],
    private readonly drawnBlocks: number | null = null,
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
      if (range) placed.push({ h, from: range.from, to: range.to });
    }
    placed.sort((a, b) => a.from - b.from || b.to - a.to);
    const count = this.positions.blocks.length;
    const drawnBlocks = Math.min(count, this.drawnBlocks ?? count);
    const pending = new Set<number>();
    for (let i = drawnBlocks; i < count; i++) pending.add(i);
    // Greedy interval colouring over every coding (pending ones too, so lanes never change when
    // a block is drawn later): each takes the lowest lane free where it starts.
    const laneEnds: number[] = [];
    const entries = new Map<CodingId, Entry>();
    const drawn: Entry[] = [];
    const waiting = new Map<number, CodingId[]>();
    for (const { h, from, to } of placed) {
      let lane = 0;
      while (lane < laneEnds.length && laneEnds[lane]! > from) lane++;
      laneEnds[lane] = to;
      const drawable = inDrawnBlock(this.positions, pending, from, to);
      const entry: Entry = { from, to, lane, h, drawn: drawable && lane < MAX_DRAWN_LANES, rank: arrivals++ };
      if (entry.drawn) drawn.push(entry);
      else if (!drawable && lane < MAX_DRAWN_LANES) wait(waiting, blocksOf(this.positions, from, to), h.id);
      entries.set(h.id, entry);
    }
    const pieces = piecesOfBlocks(this.positions, drawn, drawn);
    return {
      set: DecorationSet.create(doc, pieces),
      entries,
      pending: pending.size ? pending : NONE,
      waiting: pending.size ? waiting : NO_WAITING,
    };
  }
}

/**
 * The pieces of every block that `changed` (ranges of codings) touch, cut from `drawn` (the drawn
 * codings; only those over such a block are looked at).
 */
function piecesOfBlocks(positions: TextPositions, changed: Iterable<{ from: number; to: number }>, drawn: Iterable<Entry>): Decoration[] {
  const blocks = new Set<number>();
  for (const r of changed) {
    const [first, last] = blocksOf(positions, r.from, r.to);
    for (let i = first; i <= last; i++) blocks.add(i);
  }
  if (!blocks.size) return [];
  const over = new Map<number, Entry[]>();
  for (const e of drawn) {
    if (!e.drawn) continue;
    const [first, last] = blocksOf(positions, e.from, e.to);
    for (let i = first; i <= last; i++) {
      if (!blocks.has(i)) continue;
      const list = over.get(i);
      if (list) list.push(e);
      else over.set(i, [e]);
    }
  }
  const out: Decoration[] = [];
  for (const [index, list] of [...over].sort(([a], [b]) => a - b)) out.push(...piecesOf(positions, index, list));
  return out;
}

/**
 * Cuts the pieces again in the blocks `changed` (the ranges of codings drawn or undrawn) touch:
 * their pieces go, and new ones are cut from the codings drawn over them.
 */
function recut(positions: TextPositions, set: DecorationSet, doc: PMNode, entries: ReadonlyMap<CodingId, Entry>, changed: { from: number; to: number }[]): DecorationSet {
  if (!changed.length) return set;
  const old: Decoration[] = [];
  const blocks = new Set<number>();
  for (const r of changed) {
    const [first, last] = blocksOf(positions, r.from, r.to);
    for (let i = first; i <= last; i++) blocks.add(i);
  }
  for (const i of blocks) {
    const start = positions.blockPos(i);
    const b = positions.blocks[i]!;
    for (const d of set.find(start, start + (b.end - b.start))) old.push(d);
  }
  const added = piecesOfBlocks(positions, changed, entries.values());
  let next = old.length ? set.remove(old) : set;
  if (added.length) next = next.add(doc, added);
  return next;
}

function apply(
  positions: TextPositions,
  tr: Transaction,
  value: CodingDecorationState,
  state: EditorState,
): CodingDecorationState {
  let { set, entries } = value;
  const { pending, waiting } = value;
  if (tr.docChanged) {
    // (The text never changes, ReadOnlyText refuses it; kept true should that change.)
    set = set.map(tr.mapping, tr.doc);
    const mapped = new Map<CodingId, Entry>();
    for (const [id, e] of entries) mapped.set(id, { ...e, from: tr.mapping.map(e.from), to: tr.mapping.map(e.to) });
    entries = mapped;
  }
  const change = tr.getMeta(codingDecorationsKey) as CodingChange | undefined;
  if (!change) return set === value.set ? value : { ...value, set, entries };

  const next = new Map(entries);
  const changed: { from: number; to: number }[] = [];
  const drop = (id: CodingId) => {
    const e = next.get(id);
    if (e) {
      if (e.drawn) changed.push(e);
      next.delete(id);
    }
  };
  for (const id of change.remove ?? []) drop(id);
  for (const h of change.add ?? []) drop(h.id);

  let stillPending = pending;
  let stillWaiting = waiting;
  const now = change.reveal?.filter((i) => pending.has(i)) ?? [];
  if (now.length) {
    const revealed = new Set(now);
    stillPending = new Set([...pending].filter((i) => !revealed.has(i)));
    const rest = new Map(waiting);
    for (const block of revealed) {
      for (const id of waiting.get(block) ?? []) {
        const e = next.get(id);
        // Gone since, or drawn already (through another of its blocks, or added again elsewhere).
        if (!e || e.drawn || e.lane >= MAX_DRAWN_LANES) continue;
        const drawn = { ...e, drawn: true };
        next.set(id, drawn);
        changed.push(drawn);
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
    const drawable = inDrawnBlock(positions, stillPending, range.from, range.to);
    const entry: Entry = { ...range, lane, h, drawn: drawable && lane < MAX_DRAWN_LANES, rank: arrivals++ };
    next.set(h.id, entry);
    if (entry.drawn) changed.push(entry);
    else if (!drawable && lane < MAX_DRAWN_LANES) {
      // Copies of the lists it joins (once per transaction): earlier states keep theirs.
      copied ??= new Map([...stillWaiting].map(([block, ids]) => [block, [...ids]]));
      wait(copied, blocksOf(positions, range.from, range.to), h.id);
      stillWaiting = copied;
    }
  }
  set = recut(positions, set, state.doc, next, changed);
  return { set, entries: next, pending: stillPending.size ? stillPending : NONE, waiting: stillPending.size ? stillWaiting : NO_WAITING };
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
