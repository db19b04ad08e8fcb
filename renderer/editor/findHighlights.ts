import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { TextPositions } from "../../shared/text/positions.js";

/** The matches of Find in the open document, as text offsets, and which one is current. */
export interface FindMatches {
  ranges: readonly (readonly [number, number])[];
  current: number;
}

export const findHighlightsKey = new PluginKey<DecorationSet>("tandaiFindHighlights");

/**
 * Find's matches drawn as ProseMirror decorations (a yellow wash, the current one orange), set as
 * a whole per search: a new query replaces the set, which costs one DecorationSet.create.
 */
export const FindHighlights = Extension.create({
  name: "findHighlights",

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: findHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(findHighlightsKey) as DecorationSet | undefined;
            if (meta) return meta;
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: { decorations: (state) => findHighlightsKey.getState(state) },
      }),
    ];
  },
});

/** At most this many matches around the current one are drawn ("a" in a 1M-character text has 60k). */
export const MAX_DRAWN = 4000;

/** Draws the matches near the current one and scrolls it into view. */
export function showFindMatches(view: EditorView, positions: TextPositions, matches: FindMatches | null): void {
  // Find closed and nothing drawn (every open of a document): no transaction, which would run
  // every plugin and the editor's update listeners once more for nothing.
  if (!matches && findHighlightsKey.getState(view.state) === DecorationSet.empty) return;
  const decorations: Decoration[] = [];
  let current: { from: number; to: number } | null = null;
  const first = matches ? Math.max(0, Math.min(matches.current - MAX_DRAWN / 2, matches.ranges.length - MAX_DRAWN)) : 0;
  matches?.ranges.slice(first, first + MAX_DRAWN).forEach(([start, end], k) => {
    const range = positions.rangeToPos(start, end);
    if (!range) return;
    const here = first + k === matches.current;
    if (here) current = range;
    decorations.push(Decoration.inline(range.from, range.to, { nodeName: "span", class: here ? "tandai-find tandai-find-current" : "tandai-find" }));
  });
  view.dispatch(view.state.tr.setMeta(findHighlightsKey, decorations.length ? DecorationSet.create(view.state.doc, decorations) : DecorationSet.empty));
  if (!current) return;
  const el = view.dom.querySelector(".tandai-find-current");
  // Sections off screen are laid out only when needed; scroll again once they have their size.
  const scroll = () => {
    if (!view.isDestroyed && el?.isConnected && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "center", inline: "nearest" });
  };
  scroll();
  requestAnimationFrame(scroll);
}
