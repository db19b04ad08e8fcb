import { CodingsServer, firstScreenState } from "../../electron/backend/openView.js";
import { applyOperation, TandaiError, type Coding, type CodingsChunk, type DocumentId, type NumberedChange, type Operation, type ProjectState, type TandaiApi } from "../../shared/index.js";
import { ProjectMirror } from "../../renderer/state/projectStore.js";
import { code, coding, documentMeta, project } from "../shared/fixtures.js";

/**
 * The mirror of a first-screen open, against an in-memory backend that numbers its changes and
 * serves chunks with the backend's own CodingsServer. A chunk is answered (computed) when it is
 * asked for and delivered when the test says, so changes can land in between, as they do when the
 * user codes while the rest of the codings load.
 */
export class Backend {
  revision = 0;
  readonly changes: NumberedChange[] = [];
  readonly asked: DocumentId[][] = [];
  private readonly server = new CodingsServer();
  private readonly held: (() => void)[] = [];
  holding = false;
  /** How many requests fail next (as when the backend refuses). */
  failures = 0;
  /** The store's check found the snapshot damaged: every request is refused with this. */
  refusal: TandaiError | null = null;

  constructor(readonly state: ProjectState) {}

  change(op: Operation): { op: Operation; revision: number } {
    applyOperation(this.state, structuredClone(op));
    this.changes.push({ revision: ++this.revision, op });
    return { op, revision: this.revision };
  }

  /** Delivers the newest chunk held back. */
  deliverLast(): void {
    this.held.pop()?.();
  }

  /** Delivers the oldest chunk held back; false when none is waiting. */
  deliver(): boolean {
    const next = this.held.shift();
    next?.();
    return Boolean(next);
  }

  remote: Pick<TandaiApi, "codingsOf" | "changesSince" | "currentProject"> = {
    codingsOf: async ({ documents }) => {
      this.asked.push([...documents]);
      if (this.refusal) throw this.refusal;
      if (this.failures > 0) {
        this.failures--;
        throw new TandaiError("errors.ipc.noProject");
      }
      // Answered as the state is when asked (the server's grouping awaits): a copy of it, at this revision.
      const asked = { state: structuredClone(this.state), revision: this.revision };
      // Held in the order asked (registered before the server's answer, which awaits).
      const released = this.holding ? new Promise<void>((resolve) => this.held.push(resolve)) : null;
      const answer: CodingsChunk = structuredClone(await this.server.codingsOf(asked, documents));
      await released;
      return answer;
    },
    changesSince: async ({ after }) => ({ revision: this.revision, changes: structuredClone(this.changes.filter((c) => c.revision > after)) }),
    currentProject: async () => this.open(),
  };

  open() {
    return { dir: "/tmp/p", canUndo: false, canRedo: false, revision: this.revision, ...structuredClone(firstScreenState(this.state)) };
  }
}

export class TestPartialMirror extends ProjectMirror {
  constructor(
    private readonly backend: Backend,
    refused?: (error: unknown) => void,
    /** Codings per background request (the app's are tens of thousands): small, for several chunks. */
    private readonly chunkSize?: number,
    /** Ask for the counts at once, as the app's mirror does (off: the tests count the load's own requests). */
    private readonly primes = false,
  ) {
    super(backend.open(), refused);
  }
  protected override get primesOnOpen() {
    return this.primes;
  }
  protected override get chunkCodings() {
    return this.chunkSize ?? super.chunkCodings;
  }
  protected override get remote() {
    return this.backend.remote;
  }
  /** A change the backend made and reported (the user's own or a sync's). */
  changed(op: Operation): void {
    const { revision } = this.backend.change(op);
    this.receive({ applied: structuredClone(op), revision, canUndo: true, canRedo: false });
  }
}

/** Three documents (or as titled), two codes, codings in every document (3, 4, 5… of them). */
export function fixture(titles = ["A", "B", "C"], chunkSize?: number) {
  const state = project();
  const docs = titles.map((title) => documentMeta(title));
  const [x, y] = [code("X"), code("Y")];
  for (const d of docs) state.documents[d.id] = d;
  for (const c of [x, y]) state.codes[c.id] = c;
  const codings: Coding[] = [];
  docs.forEach((d, i) => {
    for (let k = 0; k < 3 + i; k++) codings.push(coding(d.id, k % 2 ? y.id : x.id, k * 10, k * 10 + 5));
  });
  for (const c of codings) state.codings[c.id] = c;
  const backend = new Backend(state);
  return { backend, docs, x, y, codings, mirror: new TestPartialMirror(backend, undefined, chunkSize) };
}

