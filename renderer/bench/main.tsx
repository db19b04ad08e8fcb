import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { CodeId, CodingId } from "../../shared/model/ids.js";
import type { Block, Coding, DocumentContent } from "../../shared/model/project.js";
import { ALL_DRAWN } from "../editor/codingReveal.js";
import { DocumentView } from "../editor/index.js";
import { makeCoding, random, synthetic, type Synthetic } from "./syntheticDocument.js";

/**
 * Benchmark page for the coding view (driven by tests/bench/editor.ts). URL parameters:
 * chars | words, codings, codes, seed, runs (opens), edits (applies and removes), demo (a
 * hand-written opening with overlapping codings, for screenshots), measure=0 (just show it),
 * stripes=0 (no coding stripes in the margin), tight=1 (letters closer than the view's layout
 * estimates assume: more text a line, as a narrower font would set it).
 * Each figure is "until drawn": the synchronous work (React, Tiptap, ProseMirror, style and layout,
 * forced) plus the browser's next rendering step (from the start of the next animation frame, whose
 * callbacks include the coding stripes' drawing, until a task queued in it runs), leaving out the
 * idle wait for the frame. Results go to
 * `window.__benchResult`.
 */

export interface BenchResult {
  chars: number;
  words: number;
  blocks: number;
  codings: number;
  /** First open on this page (cold: nothing compiled or cached yet), ms. */
  openCold: number;
  /** Later opens of the same document (a new content object each time), ms. */
  open: number[];
  /** The same text opened without codings, each right after one of `open`, ms. */
  openPlain: number[];
  /** From an open until every coding is drawn (the sections away from the top after the first paint, in idle moments), ms. */
  allDrawn: number;
  apply: number[];
  remove: number[];
  /** The synchronous part of apply / remove (update + layout, no paint), ms. */
  applySync: number[];
  removeSync: number[];
}

declare global {
  interface Window {
    __benchResult?: BenchResult | { error: string };
  }
}

const params = new URLSearchParams(location.search);
const num = (name: string, fallback: number) => Number(params.get(name) ?? fallback);

const DEMO = [
  "Wawancara 3 — petani kopi, Kerinci",
  "P: Bisa Ibu ceritakan bagaimana awalnya menjual kopi ke luar daerah?",
  "N: Dulu kami jual ke tengkulak saja, harganya ditentukan mereka. Sejak ada koperasi, kami bisa sangrai sendiri dan kirim ke Padang — untungnya lebih besar, tetapi izin ekspor masih sulit sekali, harus bolak-balik ke kantor dinas. ☕ Anak saya yang urus pemasaran lewat Instagram.",
  "P: Apa hambatan terbesar sekarang?",
  "N: Jalan rusak waktu musim hujan, truk tidak bisa masuk. Kadang biji kopi menumpuk di gudang dua minggu, kualitasnya turun. Kalau pemerintah bantu perbaiki jalan, kami tidak perlu pinjam ke bank lagi.",
];

/** Puts the hand-written opening (and its overlapping codings) before the synthetic text. */
function withDemo(data: Synthetic): Synthetic {
  const head = DEMO.join("\r\n") + "\r\n";
  const blocks: Block[] = [];
  let at = 0;
  DEMO.forEach((line, i) => {
    blocks.push({
      start: at as Block["start"],
      end: (at + line.length) as Block["end"],
      kind: i === 0 ? "heading" : "paragraph",
      ...(i === 0 ? { level: 1 } : {}),
      page: i < 4 ? 1 : 2,
    });
    at += line.length + 2;
  });
  const shift = head.length;
  const text = head + data.content.text;
  const content: DocumentContent = {
    text,
    blocks: [
      ...blocks,
      ...data.content.blocks.map((b) => ({ ...b, start: (b.start + shift) as Block["start"], end: (b.end + shift) as Block["end"], page: (b.page ?? 0) + 2 })),
    ],
  };
  const span = (from: string, to: string) => [text.indexOf(from), text.indexOf(to) + to.length] as const;
  const codes = data.codes;
  const names = ["Motif ekonomi", "Akses pasar", "Hambatan regulasi", "Koperasi", "Peran keluarga", "Infrastruktur"];
  const ids = Object.keys(codes).slice(0, names.length) as CodeId[];
  ids.forEach((id, i) => (codes[id] = { ...codes[id]!, name: names[i]!, color: ["#e69f00", "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9"][i]! }));
  const demo: [number, string, string, boolean?][] = [
    [0, "Sejak ada koperasi", "untungnya lebih besar"],
    [1, "kirim ke Padang", "masih sulit sekali"],
    [2, "izin ekspor", "ke kantor dinas"],
    [3, "ada koperasi", "kirim ke Padang"],
    [4, "kami bisa sangrai", "— untungnya"],
    [4, "Anak saya", "lewat Instagram"],
    [5, "Jalan rusak", "tidak bisa masuk"],
    [0, "Kalau pemerintah", "ke bank lagi", true],
  ];
  const codings: Coding[] = demo.map(([code, from, to, contradicts], i) => {
    const [s, e] = span(from, to);
    return makeCoding(1_000_000 + i, ids[code]!, s, e, contradicts);
  });
  for (const c of data.codings) codings.push({ ...c, start: (c.start + shift) as Coding["start"], end: (c.end + shift) as Coding["end"] });
  return { content, codes, codings };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

/**
 * Time from the next animation frame until a task queued in it runs: the rendering step. Asked for
 * before an update, its callback runs first in that frame, so the step counts the animation-frame
 * callbacks the update queued (the coding stripes' drawing) as well as style, layout and paint.
 */
const renderingStep = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const t = performance.now();
      setTimeout(() => resolve(performance.now() - t), 0);
    }),
  );
const settle = async () => {
  await renderingStep();
  await renderingStep();
};

async function main() {
  if (params.get("tight") === "1") {
    const style = document.createElement("style");
    style.textContent = ".tandai-document { letter-spacing: -0.06em; }";
    document.head.append(style);
  }
  let data = synthetic({
    chars: num("chars", 1_000_000),
    words: params.has("words") ? num("words", 0) : undefined,
    codingCount: num("codings", 1000),
    codeCount: num("codes", 20),
    seed: num("seed", 1),
  });
  if (params.get("demo") === "1") data = withDemo(data);
  const host = document.getElementById("root")!;
  const root = createRoot(host);
  const { codes } = data;
  let codings: readonly Coding[] = data.codings;

  /** Renders synchronously, forces style and layout, then waits for the paint. */
  const drawn = async (update: () => void) => {
    const step = renderingStep();
    const t0 = performance.now();
    flushSync(update);
    void host.getBoundingClientRect().height;
    void document.documentElement.scrollHeight;
    const sync = performance.now() - t0;
    const paint = await step;
    // A user-timing measure per figure, so a trace of the page shows each measured window.
    performance.measure("drawn", { start: t0, end: performance.now() });
    return { sync, total: sync + paint };
  };
  // stripes=0 leaves the margin's coding stripes out: the baseline they are compared with.
  const stripes = params.get("stripes") !== "0";
  const show = (content: DocumentContent, shown: readonly Coding[] = codings) =>
    root.render(<DocumentView content={content} codings={shown} codes={codes} stripes={stripes} />);

  if (params.get("measure") === "0") {
    await drawn(() => show(data.content));
    window.__benchResult = { chars: data.content.text.length, words: 0, blocks: data.content.blocks.length, codings: codings.length, openCold: NaN, open: [], openPlain: [], allDrawn: NaN, apply: [], remove: [], applySync: [], removeSync: [] };
    return;
  }

  const openCold = (await drawn(() => show(data.content))).total;
  const open: number[] = [];
  // Each reopen alternates with one of the same text without codings, so both meet the machine in
  // the same state: their ratio is what the codings cost, even while other work loads it.
  const openPlain: number[] = [];
  for (let i = 0; i < num("runs", 7); i++) {
    flushSync(() => root.render(null));
    await settle();
    open.push((await drawn(() => show({ ...data.content }))).total);
    flushSync(() => root.render(null));
    await settle();
    openPlain.push((await drawn(() => show({ ...data.content }, []))).total);
  }
  const content = { ...data.content };
  const shownAt = performance.now();
  flushSync(() => show(content));
  // The codings of sections away from the top are drawn after the first paint (codingReveal.ts):
  // how long until all are, and the edits below measured only then.
  while (!host.querySelector(`[data-codings-drawn="${ALL_DRAWN}"]`)) await renderingStep();
  const allDrawn = performance.now() - shownAt;
  await settle();

  // Edits where the user works: codings drawn on screen, and new ones at the top of the text.
  // (Sections first: measuring inside a section the browser skipped would lay it out.)
  const visible = [...host.querySelectorAll<HTMLElement>(".tandai-section")]
    .filter((section) => section.getBoundingClientRect().top < innerHeight)
    .flatMap((section) => [...section.querySelectorAll<HTMLElement>("[data-coding-id]")])
    .filter((el) => el.getBoundingClientRect().top < innerHeight)
    .map((el) => el.dataset.codingId as CodingId);
  const onScreen = [...new Set(visible)];
  const byId = new Map(codings.map((c) => [c.id, c]));
  const rnd = random(num("seed", 1) + 1);
  const apply: number[] = [];
  const remove: number[] = [];
  const applySync: number[] = [];
  const removeSync: number[] = [];
  const render = (next: readonly Coding[]) => () => {
    codings = next;
    show(content);
  };
  const codeIds = Object.keys(codes) as CodeId[];
  for (let i = 0; i < num("edits", 12); i++) {
    // A new coding: applied, then removed again.
    const start = Math.floor(rnd() * 1500);
    const added = makeCoding(2_000_000 + i, codeIds[i % codeIds.length]!, start, start + 20 + Math.floor(rnd() * 280));
    const before = codings;
    let t = await drawn(render([...before, added]));
    apply.push(t.total);
    applySync.push(t.sync);
    await settle();
    t = await drawn(render(before));
    remove.push(t.total);
    removeSync.push(t.sync);
    await settle();
    // A coding drawn when the document opened: removed, then applied again.
    const id = onScreen[i % Math.max(1, onScreen.length)] ?? codings[i]!.id;
    const existing = byId.get(id)!;
    t = await drawn(render(codings.filter((c) => c.id !== id)));
    remove.push(t.total);
    removeSync.push(t.sync);
    await settle();
    t = await drawn(render([...codings, existing]));
    apply.push(t.total);
    applySync.push(t.sync);
    await settle();
  }
  window.__benchResult = {
    chars: content.text.length,
    words: content.text.split(/\s+/).length,
    blocks: content.blocks.length,
    codings: codings.length,
    openCold,
    open,
    openPlain,
    allDrawn,
    apply,
    remove,
    applySync,
    removeSync,
  };
  console.log("bench", JSON.stringify({ openCold, open: median(open), apply: median(apply), remove: median(remove) }));
}

main().catch((e: unknown) => {
  window.__benchResult = { error: String((e as Error)?.stack ?? e) };
});
