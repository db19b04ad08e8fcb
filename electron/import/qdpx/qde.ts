import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { RefiProject, RefiTextSource } from "../../../shared/refi/model.js";
import { refiError } from "./errors.js";
import { ELEMENTS } from "./qdeElements.js";
import type { Attributes, ElementHandler, QdeState, Value } from "./qdeHandlers.js";

/** Deeper than any real file (REFI files nest codes; some 10 levels at most): deeper is refused as absurd. */
export const MAX_DEPTH = 100;

interface Frame {
  name: string;
  handler: ElementHandler | undefined;
  /** What the element's children add to; undefined for an element nothing reads (nor its children). */
  value: Value | undefined;
  text: string[] | null;
}

/** A name without its namespace prefix, so `urn:QDA-XML:project:1.0` under any prefix reads alike. */
const local = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

function attributesOf(tag: SaxesTagPlain): Attributes {
  const attributes = tag.attributes;
  for (const key in attributes) {
    if (key.includes(":")) return Object.fromEntries(Object.entries(attributes).filter(([k]) => !k.startsWith("xmlns")).map(([k, v]) => [local(k), v]));
  }
  return attributes;
}

/**
 * Reads a .qde as it arrives, with saxes (a streaming XML parser): the project is built element by
 * element (qdeElements.ts), never as a tree of the whole file. Untrusted input: a DOCTYPE (the
 * carrier of external entities and of entity expansion, the "billion laughs") is refused as soon
 * as it is seen — saxes expands no entity but the five predefined ones and character references,
 * and refuses any other —, nesting beyond MAX_DEPTH is refused, and any XML error ends the reading.
 * Throws refi.errors.*, naming the file.
 */
export class QdeReader {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly stack: Frame[] = [];
  private readonly state: QdeState;
  private sawProject = false;

  constructor(file: string, inArchive: boolean) {
    const project: RefiProject = {
      name: file,
      users: {},
      codes: [],
      sources: [],
      notes: [],
      projectNoteGuids: [],
      links: [],
      codeNoteGuids: {},
      cases: [],
      sets: [],
      variables: [],
      values: [],
      skipped: { caseSelections: 0, pdfSources: 0, pdfSelections: 0, pictures: 0, audio: 0, video: 0 },
    };
    // Without an archive a source can only have its text inline: pending stays null and a path is an error.
    this.state = { file, project, pending: inArchive ? new Map() : null, sourceValues: [], caseValues: [] };
    const parser = this.parser;
    parser.on("doctype", () => {
      throw refiError("doctype", file);
    });
    parser.on("error", (error) => {
      throw refiError("badXml", file, { detail: error.message });
    });
    parser.on("opentag", (tag) => this.open(tag));
    parser.on("closetag", () => this.close());
    parser.on("text", (text) => this.stack.at(-1)?.text?.push(text));
    parser.on("cdata", (text) => this.stack.at(-1)?.text?.push(text));
  }

  write(text: string): void {
    if (text) this.parser.write(text);
  }

  /** Ends the reading: the project, and the sources whose text is a file of the archive (with its path). */
  end(): { project: RefiProject; pending: Map<RefiTextSource, string> | null } {
    this.parser.close();
    const { file, project, sourceValues, caseValues, pending } = this.state;
    if (!this.sawProject) throw refiError("notProject", file, { detail: "no Project element" });
    project.values = [...sourceValues, ...caseValues];
    return { project, pending };
  }

  private open(tag: SaxesTagPlain): void {
    const name = local(tag.name);
    const { file, project } = this.state;
    if (this.stack.length >= MAX_DEPTH) throw refiError("tooDeep", file, { max: MAX_DEPTH });
    const parent = this.stack.at(-1);
    if (!parent) {
      if (name !== "Project") throw refiError("notProject", file, { detail: "no Project element" });
      this.sawProject = true;
      const attributes = attributesOf(tag);
      project.name = attributes["name"] ?? file;
      if (attributes["origin"]) project.origin = attributes["origin"];
      this.stack.push({ name, handler: undefined, value: project, text: null });
      return;
    }
    const handler = parent.value ? ELEMENTS[`${parent.name}>${name}`] : undefined;
    const value = handler?.open(this.state, parent.value!, attributesOf(tag));
    this.stack.push({ name, handler, value, text: handler?.collectsText ? [] : null });
  }

  private close(): void {
    const frame = this.stack.pop()!;
    if (frame.handler?.close) frame.handler.close(this.state, frame.value!, this.stack.at(-1)?.value ?? {}, frame.text?.join("") ?? "");
  }
}
