import type { RefiCoding, RefiProject, RefiSelection } from "../../../shared/refi/model.js";

/**
 * A RefiProject as it crosses from the import worker to the backend's thread. Cloning 100k
 * selections as objects (each with its codings and note list) costs the two threads about as much
 * CPU as parsing the file did, since the clone writes every key of every object; here the
 * selections travel as columns instead: positions in Float64Arrays (handed over, not copied) and
 * every string of them in one string joined by U+0000, which no XML text can hold. The rest of
 * the project is cloned as it is.
 */
export interface PackedProject {
  /** The project with every source's selections left empty. */
  project: RefiProject;
  /** Selections per source, in source order. */
  counts: Int32Array;
  starts: Float64Array;
  ends: Float64Array;
  /** Codings per selection. */
  codings: Int32Array;
  /** Per selection: guid, name, then per coding: guid, code GUID, user GUID or "", date or "". */
  strings: string;
  /** The few selections with a description or notes, by their index among all selections. */
  extra: Record<number, Pick<RefiSelection, "description" | "noteGuids">>;
}

const SEPARATOR = "\u0000";

export function packProject(project: RefiProject): { packed: PackedProject; transfer: ArrayBuffer[] } {
  const total = project.sources.reduce((n, s) => n + s.selections.length, 0);
  const counts = new Int32Array(project.sources.length);
  const starts = new Float64Array(total);
  const ends = new Float64Array(total);
  const codings = new Int32Array(total);
  const strings: string[] = [];
  const extra: PackedProject["extra"] = {};
  let i = 0;
  project.sources.forEach((source, s) => {
    counts[s] = source.selections.length;
    for (const selection of source.selections) {
      starts[i] = selection.start;
      ends[i] = selection.end;
      codings[i] = selection.codings.length;
      strings.push(selection.guid, selection.name);
      for (const c of selection.codings) strings.push(c.guid, c.codeGuid, c.userGuid ?? "", c.createdAt ?? "");
      if (selection.description !== undefined || selection.noteGuids.length) extra[i] = { ...(selection.description !== undefined ? { description: selection.description } : {}), noteGuids: selection.noteGuids };
      i++;
    }
  });
  const packed: PackedProject = { project: { ...project, sources: project.sources.map((source) => ({ ...source, selections: [] })) }, counts, starts, ends, codings, strings: strings.join(SEPARATOR), extra };
  return { packed, transfer: [starts.buffer, ends.buffer, codings.buffer, counts.buffer] as ArrayBuffer[] };
}

export function unpackProject(packed: PackedProject): RefiProject {
  const { project, counts, starts, ends, codings, extra } = packed;
  const strings = packed.strings ? packed.strings.split(SEPARATOR) : [];
  let i = 0;
  let k = 0;
  project.sources.forEach((source, s) => {
    const selections: RefiSelection[] = new Array(counts[s]!);
    for (let n = 0; n < counts[s]!; n++, i++) {
      const guid = strings[k++]!;
      const name = strings[k++]!;
      const list: RefiCoding[] = new Array(codings[i]!);
      for (let c = 0; c < codings[i]!; c++) {
        const codingGuid = strings[k++]!;
        const codeGuid = strings[k++]!;
        const userGuid = strings[k++]!;
        const createdAt = strings[k++]!;
        list[c] = { guid: codingGuid, codeGuid, ...(userGuid ? { userGuid } : {}), ...(createdAt ? { createdAt } : {}) };
      }
      const more = extra[i];
      selections[n] = { guid, start: starts[i]!, end: ends[i]!, name, ...(more?.description !== undefined ? { description: more.description } : {}), codings: list, noteGuids: more?.noteGuids ?? [] };
    }
    source.selections = selections;
  });
  return project;
}
