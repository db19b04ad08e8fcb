import type { CodeId, CodingId, DocumentId } from "../../shared/model/ids.js";
import type { Block, Code, Coding, DocumentContent } from "../../shared/model/project.js";

import { seededRandom as random } from "../../shared/random.js";

export { random };

const WORDS = (
  "saya kami petani kopi kebun harga pasar jual beli untung rugi modal pinjaman bank koperasi desa kota " +
  "Padang Kerinci ekspor izin sulit mudah pemerintah bantuan pupuk musim hujan kemarau panen tahun bulan " +
  "anak sekolah keluarga tanah sewa hutang tengkulak pedagang kualitas biji sangrai gudang truk jalan " +
  "rusak jauh dekat dulu sekarang nanti mungkin tidak belum sudah sering jarang selalu karena tetapi jadi " +
  "kalau waktu itu ini yang dan atau dengan untuk dari ke di pada oleh juga lagi saja memang sebenarnya"
).split(" ");

export const CODE_PALETTE = [
  "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#4e79a7", "#59a14f", "#edc948",
  "#b07aa1", "#ff9da7", "#9c755f", "#76b7b2", "#e15759", "#f28e2b", "#86bcb6", "#8cd17d", "#b6992d", "#d37295",
];

export interface Synthetic {
  content: DocumentContent;
  codes: Record<string, Code>;
  codings: Coding[];
}

const DOC = "benchdoc" as DocumentId;
const NOW = "2026-01-01T00:00:00.000Z";

export function makeCodes(count: number): Record<string, Code> {
  const codes: Record<string, Code> = {};
  for (let i = 0; i < count; i++) {
    const id = `code${String(i).padStart(3, "0")}` as CodeId;
    codes[id] = {
      id,
      name: `Code ${i + 1}`,
      color: CODE_PALETTE[i % CODE_PALETTE.length]!,
      parentId: null,
      order: i,
      description: { definition: "", whenToUse: "", whenNotToUse: "" },
      createdAt: NOW,
    };
  }
  return codes;
}

export function makeCoding(n: number, codeId: CodeId, start: number, end: number, contradicts = false): Coding {
  return {
    id: `coding${n}` as CodingId,
    documentId: DOC,
    codeId,
    start: start as Coding["start"],
    end: end as Coding["end"],
    coder: "bench",
    stance: contradicts ? "contradicts" : "supports",
    createdAt: NOW,
  };
}

/**
 * An interview transcript of about `chars` characters (or `words` words): speaker turns of 80–1,100
 * characters on CRLF lines, a heading every ~60 turns, a new PDF page every 5 turns; then
 * `codingCount` codings of 20–300 characters at random places, over `codeCount` codes.
 */
export function synthetic(opts: { chars: number; words?: number; codingCount: number; codeCount: number; seed: number }): Synthetic {
  const rnd = random(opts.seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const parts: string[] = [];
  const blocks: Block[] = [];
  let length = 0;
  let words = 0;
  let page = 1;
  let turn = 0;
  const more = () => (opts.words ? words < opts.words : length < opts.chars);
  while (more()) {
    if (length > 0) {
      parts.push("\r\n");
      length += 2;
    }
    let line: string;
    let heading = false;
    if (turn % 60 === 0) {
      line = `Bagian ${turn / 60 + 1}: ${pick(WORDS)} ${pick(WORDS)}`;
      heading = true;
    } else {
      const target = 80 + Math.floor(rnd() * 1020);
      const ws = [turn % 2 ? "N:" : "P:"];
      let len = 2;
      while (len < target) {
        const w = pick(WORDS);
        ws.push(w);
        len += w.length + 1;
      }
      words += ws.length - 1;
      line = ws.join(" ") + ".";
    }
    if (turn % 5 === 0 && turn > 0) page++;
    blocks.push({
      start: length as Block["start"],
      end: (length + line.length) as Block["end"],
      kind: heading ? "heading" : "paragraph",
      ...(heading ? { level: 2 } : {}),
      page,
    });
    parts.push(line);
    length += line.length;
    turn++;
  }
  const text = parts.join("");
  const codes = makeCodes(opts.codeCount);
  const codeIds = Object.keys(codes) as CodeId[];
  const codings: Coding[] = [];
  for (let i = 0; i < opts.codingCount; i++) {
    const span = 20 + Math.floor(rnd() * 281);
    const start = Math.floor(rnd() * Math.max(1, text.length - span));
    codings.push(makeCoding(i, pick(codeIds), start, start + span, rnd() < 0.1));
  }
  return { content: { text, blocks }, codes, codings };
}
