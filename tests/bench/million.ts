/**
 * The 1M-codings design study: what each step on the open and save path costs as a project grows
 * from a typical thesis (5k codings) to 1M codings in 2,000 documents. Each figure is also given as
 * a ratio to the same step at 5k in the same run, so the scaling survives a loaded machine. The
 * steps are those the store and the renderer do on one JSON snapshot (electron/store/snapshot.ts):
 * serialise, parse, validate with zod, copy (structuredClone: the export worker's snapshot, the
 * IPC reply), and one coding applied.
 */
import { applyOperation, emptyProject, newCodingId, PROJECT_FORMAT, ProjectState, type CodeId, type DocumentId, type ProjectId, type TextOffset } from "../../shared/index.js";
import { checkIntegrity } from "../../shared/model/integrity.js";
import { isPlainProjectState } from "../../shared/model/quickCheck.js";
import { seededRandom } from "../../shared/random.js";

const SIZES = [5_000, 100_000, 1_000_000];
const DOCUMENTS = 2_000;
const CODES = 200;
const NOW = "2026-01-01T00:00:00.000Z";

function buildProject(codings: number): ProjectState {
  const state = emptyProject("benchmillion" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(17);
  const documents: DocumentId[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document${d}` as DocumentId;
    documents.push(id);
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: 60_000, blockCount: 1, pageCount: null };
  }
  const codes: CodeId[] = [];
  for (let i = 0; i < CODES; i++) {
    const id = `code${i}` as CodeId;
    codes.push(id);
    state.codes[id] = { id, name: `Kode ${i}`, color: "#e69f00", parentId: null, order: i, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  }
  for (let i = 0; i < codings; i++) {
    const id = newCodingId();
    const start = Math.floor(random() * 59_000);
    state.codings[id] = { id, documentId: documents[Math.floor(random() * DOCUMENTS)]!, codeId: codes[Math.floor(random() * CODES)]!, start: start as TextOffset, end: (start + 50 + Math.floor(random() * 900)) as TextOffset, coder: "bench", stance: "supports", createdAt: NOW };
  }
  return state;
}

const time = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

export function benchMillion(): string {
  const header = [
    "| codings (2,000 documents) | snapshot | JSON.stringify | JSON.parse | zod validate | quick check (what open runs) | integrity | structuredClone | apply one coding | heap used |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows: string[] = [];
  let base: number[] | null = null;
  for (const size of SIZES) {
    let state: ProjectState | null = buildProject(size);
    let text = "";
    const figures = [time(() => (text = JSON.stringify(state))), 0, 0, 0, 0, 0, 0];
    let parsed: unknown = null;
    figures[1] = time(() => (parsed = JSON.parse(text)));
    figures[2] = time(() => ProjectState.safeParse(parsed));
    // What opening runs instead of the schema for a valid snapshot (shared/model/quickCheck.ts), and the integrity pass after it.
    figures[5] = time(() => isPlainProjectState(parsed, PROJECT_FORMAT));
    figures[6] = time(() => checkIntegrity(parsed as ProjectState));
    figures[3] = time(() => structuredClone(state));
    const coding = { ...Object.values(state!.codings)[0]!, id: newCodingId() };
    figures[4] = time(() => applyOperation(state!, { type: "addCoding", coding }, NOW));
    const heap = process.memoryUsage().heapUsed;
    base ??= figures;
    const cell = (i: number) => `${figures[i]!.toFixed(figures[i]! < 10 ? 2 : 0)} ms (${(figures[i]! / Math.max(base![i]!, 0.01)).toFixed(0)}×)`;
    rows.push(`| ${size.toLocaleString("en")} | ${(text.length / 2 ** 20).toFixed(1)} MB | ${cell(0)} | ${cell(1)} | ${cell(2)} | ${cell(5)} | ${cell(6)} | ${cell(3)} | ${cell(4)} | ${(heap / 2 ** 20).toFixed(0)} MB |`);
    state = null;
    parsed = null;
    text = "";
  }
  return [...header, ...rows].join("\n");
}
