import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  applyOperation,
  emptyProject,
  newAttributeId,
  newCaseId,
  newDocumentGroupId,
  newCodeId,
  newCodingId,
  offset,
  type AttributeId,
  type CodingId,
  type DocumentGroupId,
  type DocumentId,
  type MemoTarget,
  type Operation,
  type ProjectState,
} from "../../../shared/index.js";
import { seededRandom } from "../../../shared/random.js";
import { memoBodyOf, memoSchema } from "../../../shared/team/index.js";
import { documentMeta, project } from "../fixtures.js";
import { Member, join, meet } from "./members.js";

/**
 * Convergence (issue 14): three members of one project apply random valid operations, meeting only
 * when connected (random partitions and reconnects: Y updates exchanged by state vector between
 * connected pairs only); once all are connected again, their projects are identical, no pulled
 * operation was refused, and every coding a member made is everywhere unless someone removed it.
 */
// TEAM_FIRST / TEAM_RUNS replay one seed when a run fails (the message names it).
const RUNS = Number(process.env.TEAM_RUNS ?? 200);
const FIRST = Number(process.env.TEAM_FIRST ?? 0);
const STEPS = 60;
const WORDS = ["kepercayaan", "nelayan", "izin", "pelabuhan", "konflik", "adat", "dana", "desa"];

function start(): ProjectState {
  const state = project();
  for (const [title, length] of [["Wawancara Padang", 400], ["Notulen rapat", 600], ["Laporan dinas", 300]] as const) {
    const d = documentMeta(title, length);
    state.documents[d.id] = d;
  }
  const first = Object.keys(state.documents)[0]! as DocumentId;
  state.documentGroups["group0000" as DocumentGroupId] = { id: "group0000" as DocumentGroupId, name: "Wawancara", documentIds: [first], createdAt: "2026-01-01T00:00:00.000Z" };
  state.attributes["attr0000" as AttributeId] = { id: "attr0000" as AttributeId, name: "Wilayah", appliesTo: "case", type: "choice", choices: ["pesisir", "darat"] };
  state.frameworks.kuz = {
    id: "kuz",
    name: { en: "Test", id: "Uji" },
    kind: "assessment",
    indicators: [
      { id: "kuz.legal", name: { en: "Legal", id: "Hukum" } },
      { id: "kuz.trust", name: { en: "Trust", id: "Percaya" } },
    ],
    thresholds: { minCodings: 1, minDocuments: 1 },
  } as ProjectState["frameworks"][string];
  return state;
}

const pick = <T>(rand: () => number, items: readonly T[]): T | undefined => (items.length ? items[Math.floor(rand() * items.length)] : undefined);

/** A memo body with a few paragraphs of random words, as the memo editor saves it. */
function memoContent(rand: () => number, previous: unknown): { content: unknown; text: string } {
  const blocks = ((previous as { content?: { content?: { text: string }[] }[] } | null)?.content ?? []).map((p) => p.content?.[0]?.text ?? "").filter(Boolean);
  const word = pick(rand, WORDS)!;
  const r = rand();
  if (r < 0.4 || blocks.length === 0) blocks.push(`${word} ${Math.floor(rand() * 100)}`);
  else if (r < 0.8) {
    const i = Math.floor(rand() * blocks.length);
    blocks[i] = `${blocks[i]} ${word}`;
  } else blocks.splice(Math.floor(rand() * blocks.length), 1);
  if (!blocks.length) return { content: null, text: "" };
  const json = { type: "doc", content: blocks.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
  const body = memoBodyOf(memoSchema().nodeFromJSON(json));
  return { content: body.content, text: body.text };
}

/** One random operation that is valid on `state` (or undefined when the dice chose something impossible). */
function randomOp(rand: () => number, state: ProjectState, coder: string): Operation | undefined {
  const codes = Object.values(state.codes);
  const codings = Object.values(state.codings);
  const docs = Object.values(state.documents);
  const cases = Object.values(state.cases);
  const r = rand();
  // A tail of rarer operations, so every area of the project takes part.
  if (r > 0.94) return rareOp(rand, state);
  if (r < 0.14 || codes.length === 0) {
    const parent = rand() < 0.4 ? pick(rand, codes) : undefined;
    const id = newCodeId();
    return { type: "addCode", code: { id, name: `${pick(rand, WORDS)} ${id.slice(0, 3)}`, color: "#e69f00", parentId: parent?.id ?? null, order: rand(), description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: "2026-01-02T00:00:00.000Z" } };
  }
  if (r < 0.2) return { type: "updateCode", codeId: pick(rand, codes)!.id, name: `${pick(rand, WORDS)} ${Math.floor(rand() * 1000)}` };
  if (r < 0.24) return { type: "updateCode", codeId: pick(rand, codes)!.id, color: pick(rand, ["#56b4e9", "#009e73", "#d55e00"])! };
  if (r < 0.28) {
    const code = pick(rand, codes)!;
    const parent = rand() < 0.5 ? null : pick(rand, codes)!.id;
    return { type: "moveCode", codeId: code.id, parentId: parent, order: rand() };
  }
  if (r < 0.32) return { type: "deleteCode", codeId: pick(rand, codes)!.id };
  if (r < 0.55) {
    const doc = pick(rand, docs);
    if (!doc) return undefined;
    const s = Math.floor(rand() * (doc.length - 20));
    return { type: "addCoding", coding: { id: newCodingId(), documentId: doc.id, codeId: pick(rand, codes)!.id, start: offset(s), end: offset(s + 1 + Math.floor(rand() * 19)), coder, stance: rand() < 0.8 ? "supports" : "contradicts", createdAt: "2026-01-03T00:00:00.000Z" } };
  }
  if (r < 0.62 && codings.length) return { type: "removeCoding", codingId: pick(rand, codings)!.id };
  if (r < 0.65 && codings.length) return { type: "setStance", codingId: pick(rand, codings)!.id, stance: rand() < 0.5 ? "supports" : "contradicts" };
  if (r < 0.68 && codings.length) return { type: "recodeCoding", codingId: pick(rand, codings)!.id, codeId: pick(rand, codes)!.id };
  if (r < 0.8) {
    const targets: MemoTarget[] = [{ kind: "project" }, { kind: "document", id: docs[0]!.id }, ...codes.slice(0, 2).map((c) => ({ kind: "code" as const, id: c.id }))];
    const target = pick(rand, targets)!;
    const key = target.kind === "project" ? "project" : `${target.kind}:${target.id}`;
    const body = memoContent(rand, state.memos[key]?.content ?? null);
    return { type: "setMemo", target, ...body };
  }
  if (r < 0.84 || cases.length === 0) return { type: "addCase", case: { id: newCaseId(), name: `Kasus ${Math.floor(rand() * 100)}`, documentIds: rand() < 0.5 ? [pick(rand, docs)!.id] : [], createdAt: "2026-01-04T00:00:00.000Z" } };
  const kase = pick(rand, cases)!;
  if (r < 0.87) return { type: "renameCase", caseId: kase.id, name: `Kasus ${pick(rand, WORDS)}` };
  if (r < 0.89) return { type: "deleteCase", caseId: kase.id };
  if (r < 0.93) {
    const doc = pick(rand, docs)!;
    return kase.documentIds.includes(doc.id) ? { type: "unassignDocument", caseId: kase.id, documentId: doc.id } : { type: "assignDocument", caseId: kase.id, documentId: doc.id };
  }
  const indicatorId = pick(rand, ["kuz.legal", "kuz.trust"])!;
  if (r < 0.955) return { type: "setOverride", caseId: kase.id, indicatorId, override: { status: pick(rand, ["met", "contested", "not_met"] as const)!, justification: `oleh ${coder} ${Math.floor(rand() * 100)}` } };
  return { type: "setOverride", caseId: kase.id, indicatorId, override: null };
}

/** Document groups, attributes, code keys, document removal, the project's name. */
function rareOp(rand: () => number, state: ProjectState): Operation | undefined {
  const docs = Object.values(state.documents);
  const groups = Object.values(state.documentGroups);
  const codes = Object.values(state.codes);
  const attribute = Object.values(state.attributes)[0];
  const r = rand();
  if (r < 0.15) return { type: "addDocumentGroup", group: { id: newDocumentGroupId(), name: `Kelompok ${Math.floor(rand() * 3)}`, documentIds: [], createdAt: "2026-01-05T00:00:00.000Z" } };
  if (r < 0.45 && groups.length && docs.length) {
    const group = pick(rand, groups)!;
    const doc = pick(rand, docs)!;
    return group.documentIds.includes(doc.id) ? { type: "removeFromDocumentGroup", groupId: group.id, documentId: doc.id } : { type: "addToDocumentGroup", groupId: group.id, documentId: doc.id };
  }
  if (r < 0.55 && codes.length) return { type: "setCodeKey", codeId: pick(rand, codes)!.id, key: rand() < 0.2 ? null : 1 + Math.floor(rand() * 3) };
  // Few names, so that two members adding one while apart happens.
  if (r < 0.62) return { type: "addAttribute", attribute: { id: newAttributeId(), name: pick(rand, ["Tahun", "Sumber", "Bahasa"])!, appliesTo: "document", type: "text" } };
  if (r < 0.75 && attribute) {
    const kase = pick(rand, Object.values(state.cases));
    if (!kase) return undefined;
    return { type: "setAttributeValue", target: { kind: "case", id: kase.id }, attributeId: attribute.id, value: rand() < 0.2 ? null : pick(rand, attribute.choices ?? [])! };
  }
  if (r < 0.8 && attribute) return { type: "updateAttribute", attributeId: attribute.id, choices: rand() < 0.5 ? ["pesisir", "darat"] : ["pesisir", "darat", "pulau"] };
  if (r < 0.9) return { type: "renameProject", name: `Proyek ${Math.floor(rand() * 100)}` };
  if (docs.length > 1) return { type: "removeDocument", documentId: pick(rand, docs)!.id };
  return undefined;
}

describe("team replica: convergence under random partitions", () => {
  it(`${RUNS} seeded runs of 3 members converge to one project, losing no coding`, () => {
    let pulledTotal = 0;
    let conflictsTotal = 0;
    let quick = 0;
    const kinds = new Set<string>();
    for (let run = FIRST; run < FIRST + RUNS; run++) {
      const rand = seededRandom(1000 + run);
      const owner = new Member("Rani", start());
      const empty = () => emptyProject(owner.state.id, owner.state.name, owner.state.createdAt);
      const members = [owner, join("Budi", owner, empty()), join("Sari", owner, empty())];
      // Which pairs can reach each other now (a pair's link goes up and down at random).
      const up = [true, true, true];
      const pairs = [[0, 1], [0, 2], [1, 2]] as const;
      const made = new Set<CodingId>();
      const removed = new Set<CodingId>();
      for (let step = 0; step < STEPS; step++) {
        const r = rand();
        if (r < 0.12) {
          const p = Math.floor(rand() * 3);
          up[p] = !up[p];
        } else if (r < 0.35) {
          const p = Math.floor(rand() * 3);
          if (up[p]) meet(members[pairs[p]![0]]!, members[pairs[p]![1]]!);
        } else {
          const member = pick(rand, members)!;
          const op = randomOp(rand, member.state, member.name);
          if (!op) continue;
          const before = new Set(Object.keys(member.state.codings) as CodingId[]);
          try {
            applyOperation(structuredClone(member.state), op);
          } catch {
            continue; // the dice made an invalid operation (a move into its own subtree…): a user could not either
          }
          member.apply(op);
          kinds.add(op.type);
          if (op.type === "addCoding") made.add(op.coding.id);
          for (const id of before) if (!member.state.codings[id]) removed.add(id);
        }
      }
      // Everyone reconnects: rounds of all pairs until nothing moves.
      for (let round = 0; round < 4; round++) for (const [a, b] of pairs) meet(members[a]!, members[b]!);
      // Settled: one more round writes nothing (no two members rewriting each other's value forever).
      const vectors = members.map((m) => Y.encodeStateVector(m.replica.doc).join());
      for (const [a, b] of pairs) meet(members[a]!, members[b]!);
      expect(members.map((m) => Y.encodeStateVector(m.replica.doc).join()), `run ${run}: still writing`).toEqual(vectors);
      const [first, ...rest] = members.map((m) => m.canonical());
      for (const other of rest) expect(other, `run ${run}`).toBe(first);
      for (const id of made) if (!removed.has(id)) for (const m of members) expect(m.state.codings[id], `run ${run}: coding ${id} at ${m.name}`).toBeDefined();
      // The doc says the same as the projects: a fresh joiner gets exactly that project.
      const late = join("Late", owner, empty());
      expect(late.canonical(), `run ${run}: late joiner`).toBe(first);
      pulledTotal += members.reduce((n, m) => n + m.pulled, 0);
      quick += members.reduce((n, m) => n + m.quickPulls, 0);
      conflictsTotal += owner.replica.conflicts().length;
    }
    // The runs did exercise something: operations flowed and conflicts arose.
    expect(pulledTotal).toBeGreaterThan(RUNS * 20);
    expect(conflictsTotal).toBeGreaterThan(0);
    // Both ways of pulling took part (the quick one when only codings changed).
    expect(quick).toBeGreaterThan(RUNS);
    const every = ["addCode", "updateCode", "moveCode", "deleteCode", "addCoding", "removeCoding", "setStance", "recodeCoding", "setMemo", "addCase", "renameCase", "deleteCase", "assignDocument", "unassignDocument", "setOverride", "addDocumentGroup", "addToDocumentGroup", "removeFromDocumentGroup", "setCodeKey", "addAttribute", "setAttributeValue", "updateAttribute", "renameProject", "removeDocument"];
    expect(every.filter((kind) => !kinds.has(kind))).toEqual([]);
  }, 180_000); // 200 runs: ~15 s alone, several times that on a machine shared with other builds
});

