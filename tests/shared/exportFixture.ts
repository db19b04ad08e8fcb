import {
  addTemplateOps,
  applyOperation,
  linesToBlocks,
  newCaseId,
  type CaseId,
  type Code,
  type CodeId,
  type DocumentContent,
  type DocumentId,
  type ProjectState,
} from "../../shared/index.js";
import { code, coding, documentMeta, NOW, project } from "./fixtures.js";

/**
 * A small, realistic project for export tests: two sister-city cases, documents whose titles and
 * quotes carry Vietnamese and Korean place names and curly quotes, a PDF with pages, nested codes
 * with definitions, the Keating framework linked, contradicting codings, an override, memos.
 */
export interface ExportFixture {
  state: ProjectState;
  contents: Map<DocumentId, DocumentContent>;
  read: (id: DocumentId) => Promise<DocumentContent>;
  docs: { interview: DocumentId; report: DocumentId; busan: DocumentId };
  cases: { vungTau: CaseId; busan: CaseId };
  codes: { motive: Code; economic: Code; obstacle: Code; covid: Code };
  /** Exact quotes, to look for in exported files. */
  quotes: { economic: string; covid: string; korean: string; contradicting: string };
}

export function exportFixture(): ExportFixture {
  const state = project();
  const contents = new Map<DocumentId, DocumentContent>();
  const quotes = {
    economic: "Kerja sama dengan Bà Rịa–Vũng Tàu membuka peluang “investasi” bagi UMKM Padang.",
    covid: "Kunjungan ke Vũng Tàu ditunda karena pandemi Covid-19.",
    korean: "부산광역시 delegation signed the LoI in 2019 — “a new chapter”.",
    contradicting: "Sebenarnya motif ekonomi belum terlihat hasilnya.",
  };
  const add = (title: string, text: string, pages?: number[]) => {
    const meta = documentMeta(title, text.length);
    const blocks = linesToBlocks(text).map((b, i) => (pages ? { ...b, page: pages[i] ?? pages.at(-1)! } : b));
    applyOperation(state, { type: "addDocument", document: { ...meta, kind: pages ? "pdf" : "txt", blockCount: blocks.length, pageCount: pages ? Math.max(...pages) : null } }, NOW);
    contents.set(meta.id, { text, blocks });
    return meta.id;
  };
  const interview = add("Wawancara Bappeda Padang", `Pewawancara: Apa motif kerja sama ini?\n${quotes.economic}\n${quotes.contradicting}\n${quotes.covid}`);
  const report = add("Laporan Kerja Sama Daerah 2020", `Bab I Pendahuluan\nLaporan ini disusun oleh Biro Pemerintahan.\n${quotes.covid}`, [1, 1, 2]);
  const busan = add("Busan interview notes", `Opening remarks.\n${quotes.korean}`);

  const vungTau = newCaseId();
  const busanCase = newCaseId();
  applyOperation(state, { type: "addCase", case: { id: vungTau, name: "Padang – Bà Rịa–Vũng Tàu", documentIds: [interview, report], createdAt: NOW } }, NOW);
  applyOperation(state, { type: "addCase", case: { id: busanCase, name: "Surabaya – Busan (부산)", documentIds: [busan], createdAt: NOW } }, NOW);

  for (const op of addTemplateOps(state, "keating", "id", NOW)) applyOperation(state, op, NOW);
  const linked = (indicatorId: string) => Object.values(state.codes).find((c) => c.indicatorId === indicatorId)!;
  const economic = linked("keating.economic");
  const motive = state.codes[economic.parentId as CodeId]!;
  applyOperation(state, { type: "updateCode", codeId: economic.id, description: { definition: "Trade, investment and tourism the city hopes for.", whenToUse: "A stated economic aim.", whenNotToUse: "Mere mention of money." } }, NOW);
  const obstacle = code("Hambatan");
  const covid = { ...code("Pandemi Covid-19", obstacle.id), color: "#d55e00" };
  applyOperation(state, { type: "addCode", code: obstacle }, NOW);
  applyOperation(state, { type: "addCode", code: covid }, NOW);

  const at = (doc: DocumentId, quote: string) => {
    const start = contents.get(doc)!.text.indexOf(quote);
    return [start, start + quote.length] as const;
  };
  const put = (doc: DocumentId, codeId: CodeId, quote: string, extra: Parameters<typeof coding>[4] = {}) => {
    const c = coding(doc, codeId, ...at(doc, quote), extra);
    applyOperation(state, { type: "addCoding", coding: c }, NOW);
    return c;
  };
  const first = put(interview, economic.id, quotes.economic);
  put(interview, economic.id, quotes.contradicting, { stance: "contradicts", coder: "Budi" });
  put(interview, covid.id, quotes.covid);
  put(report, covid.id, quotes.covid, { coder: "Budi" });
  put(busan, economic.id, quotes.korean);
  put(busan, linked("keating.cultural").id, quotes.korean);

  applyOperation(state, { type: "setOverride", caseId: busanCase, indicatorId: "keating.political", override: { status: "met", justification: "Walikota menyebutnya dalam pidato 2019." }, at: NOW }, NOW);
  applyOperation(state, { type: "setMemo", target: { kind: "project" }, content: memoDoc("Fokus: motif ekonomi vs. hambatan."), text: "Fokus: motif ekonomi vs. hambatan.", updatedAt: NOW }, NOW);
  applyOperation(state, { type: "setMemo", target: { kind: "coding", id: first.id }, content: memoDoc("Kutipan kunci untuk Bab IV."), text: "Kutipan kunci untuk Bab IV.", updatedAt: NOW }, NOW);
  applyOperation(state, { type: "setMemo", target: { kind: "code", id: covid.id }, content: memoDoc("Semua penundaan karena pandemi."), text: "Semua penundaan karena pandemi.", updatedAt: NOW }, NOW);

  return {
    state,
    contents,
    read: async (id) => contents.get(id)!,
    docs: { interview, report, busan },
    cases: { vungTau, busan: busanCase },
    codes: { motive, economic, obstacle, covid },
    quotes,
  };
}

/** A memo's Tiptap JSON holding one paragraph. */
const memoDoc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
