import * as Y from "yjs";
import type { CaseId, CodeId, DocumentId } from "../model/ids.js";
import { memoKey, type MemoTarget } from "../model/project.js";
import { MEMO_EDIT, isRegister, type Register, type Roots } from "./layout.js";
import type { Restored } from "./read.js";
import type { TeamConflict, TeamConflictKind, TeamConflictSubject, TeamResolution, TeamStamp } from "./types.js";

/**
 * Watches remote transactions for a register replaced by a value written without seeing it (its
 * `prev` is not the displaced value's `tok`): two members set the same thing concurrently. Y keeps
 * one value (deterministically); the displaced one is kept here to offer as the other choice.
 * Only the replica whose value lost sees the replacement, so conflicts are written into the doc for
 * everyone. Detections wait in `pending` until the next local transaction (writing inside an
 * observer would nest transactions).
 */
export class ConflictWatch {
  readonly pending: TeamConflict[] = [];

  constructor(
    private readonly r: Roots,
    private readonly isLocal: (origin: unknown) => boolean,
    private readonly clock: () => string,
    private readonly actor: string,
  ) {
    r.codes.observeDeep((events, tr) => this.onCodes(events, tr));
    r.overrides.observe((event, tr) => this.onOverrides(event, tr));
    r.memos.observeDeep((events, tr) => this.onMemos(events, tr));
  }

  private remote(tr: Y.Transaction): boolean {
    return !this.isLocal(tr.origin) && !(tr.origin && typeof tr.origin === "object" && (tr.origin as { kind?: string }).kind === "restore");
  }

  private onCodes(events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void {
    if (!this.remote(tr)) return;
    for (const event of events) {
      if (!(event.target instanceof Y.Map) || event.target.parent !== this.r.codes) continue;
      const change = event.changes.keys.get("name");
      if (change?.action !== "update") continue;
      const codeId = (event.target as Y.Map<unknown>).get("id") as CodeId;
      this.check("codeRenamed", `rename:${codeId}`, { kind: "code", codeId }, change.oldValue, event.target.get("name"));
    }
  }

  private onOverrides(event: Y.YMapEvent<Register<unknown>>, tr: Y.Transaction): void {
    if (!this.remote(tr)) return;
    for (const [key, change] of event.changes.keys) {
      if (change.action !== "update") continue;
      const bar = key.indexOf("|");
      this.check("overrideSet", `override:${key}`, { kind: "override", caseId: key.slice(0, bar) as CaseId, indicatorId: key.slice(bar + 1) }, change.oldValue, this.r.overrides.get(key));
    }
  }

  private onMemos(events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void {
    if (!this.remote(tr)) return;
    for (const event of events) {
      if (!(event.target instanceof Y.Map) || event.target.parent !== this.r.memos) continue;
      const change = event.changes.keys.get(MEMO_EDIT);
      if (change?.action !== "update") continue;
      const target = event.target.get("target") as MemoTarget;
      this.check("memoEdited", `memo:${memoKey(target)}`, { kind: "memo", target }, change.oldValue, event.target.get(MEMO_EDIT));
    }
  }

  private check(kind: TeamConflictKind, prefix: string, subject: TeamConflictSubject, old: unknown, now: unknown): void {
    if (!isRegister(old) || !isRegister(now) || old.tok === now.tok || now.prev === old.tok) return;
    const toks = [old.tok, now.tok].sort().join(":");
    this.pending.push({
      id: `${prefix}:${toks}`,
      kind,
      subject,
      kept: { value: now.v, by: now.by, at: now.at },
      other: { value: old.v, by: old.by, at: old.at },
      detected: { by: this.actor, at: this.clock() },
    });
  }

  /** Restorations found while reading the doc, as deletedWhileCoded conflicts. */
  restored(list: readonly Restored[]): void {
    for (const item of list) {
      const subject: TeamConflictSubject = item.kind === "code" ? { kind: "code", codeId: item.id as CodeId } : { kind: "document", documentId: item.id as DocumentId };
      this.pending.push({
        id: `restored:${item.kind}:${item.id}:${item.deleted.tok}`,
        kind: "deletedWhileCoded",
        subject,
        kept: { value: item.codings, by: item.neededBy.by, at: item.neededBy.at },
        other: { value: null, by: item.deleted.by, at: item.deleted.at },
        detected: { by: this.actor, at: this.clock() },
      });
    }
  }

  /** Writes the pending detections into the doc (call inside a local transaction); one id, one entry. */
  flush(): void {
    for (const conflict of this.pending.splice(0)) if (!this.r.conflicts.has(conflict.id)) this.r.conflicts.set(conflict.id, conflict);
  }

  list(): TeamConflict[] {
    return [...this.r.conflicts.values()].map((c) => c as TeamConflict).filter((c) => !this.r.resolutions.has(c.id)).sort((a, b) => a.detected.at.localeCompare(b.detected.at) || a.id.localeCompare(b.id));
  }

  markResolved(conflict: TeamConflict, stamp: TeamStamp, choice: TeamResolution): void {
    this.r.resolutions.set(conflict.id, { ...stamp, choice });
  }
}

