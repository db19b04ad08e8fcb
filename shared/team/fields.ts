import * as Y from "yjs";
import { ATTRIBUTE_PREFIX, CONTENT_HASH, DELETED, PLACE, isRegister, register, sameJson } from "./layout.js";
import type { TeamStamp } from "./types.js";

/**
 * How one kind of entity is split into Y.Map fields. One small spec per area, read by the generic
 * writer and reader below, instead of a writer and reader per entity.
 */
export interface AreaSpec {
  /** Fields held as registers (who/when, concurrent writes detectable): a code's name. */
  registers?: readonly string[];
  /** Fields held as Y.Arrays of ids, so concurrent additions both survive: a case's documents. */
  arrays?: readonly string[];
  /** parentId + order travel as one `place` field. */
  place?: boolean;
  /** `attributes` (values by attribute id) flattened to one field per attribute. */
  attributes?: boolean;
}

export const AREAS = {
  documents: { attributes: true },
  codes: { registers: ["name"], place: true },
  cases: { arrays: ["documentIds"], attributes: true },
  documentGroups: { arrays: ["documentIds"] },
  frameworks: {},
  attributes: {},
} as const satisfies Record<string, AreaSpec>;

type Entity = Record<string, unknown>;

/** The plain fields (not arrays) an entity is stored as. */
export function toFields(entity: Entity, spec: AreaSpec): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(entity)) {
    if (value === undefined || spec.arrays?.includes(key)) continue;
    if (spec.place && (key === "parentId" || key === "order")) continue;
    if (spec.attributes && key === "attributes") {
      for (const [id, v] of Object.entries(value as Entity)) out.set(ATTRIBUTE_PREFIX + id, v);
      continue;
    }
    out.set(key, value);
  }
  if (spec.place) out.set(PLACE, { parentId: entity.parentId ?? null, order: entity.order });
  return out;
}

/** The entity a Y.Map holds (without its deletion mark or content hash). */
export function fromFields(map: Y.Map<unknown>, spec: AreaSpec): Entity {
  const entity: Entity = {};
  let attributes: Entity | undefined;
  for (const [key, raw] of map.entries()) {
    if (key === DELETED || key === CONTENT_HASH) continue;
    const value = spec.registers?.includes(key) && isRegister(raw) ? raw.v : raw;
    if (spec.arrays?.includes(key)) entity[key] = [...new Set((value as Y.Array<string>).toArray())];
    else if (spec.place && key === PLACE) {
      const place = value as { parentId: unknown; order: unknown };
      entity.parentId = place.parentId ?? null;
      entity.order = place.order;
    } else if (spec.attributes && key.startsWith(ATTRIBUTE_PREFIX)) (attributes ??= {})[key.slice(1)] = value;
    else entity[key] = value;
  }
  if (attributes) entity.attributes = attributes;
  return entity;
}

/** Creates the Y.Map of a new entity (to be inserted into its area). */
export function newEntityMap(entity: Entity, spec: AreaSpec, stamp: TeamStamp): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of toFields(entity, spec)) map.set(key, spec.registers?.includes(key) ? register(value, undefined, stamp) : value);
  for (const key of spec.arrays ?? []) map.set(key, Y.Array.from([...((entity[key] as string[] | undefined) ?? [])]));
  return map;
}

/**
 * Writes into `map` the fields that differ between `before` (what this member last synced, or the
 * doc's own value when `before` is undefined) and `after`: only what this member changed, so a
 * concurrent change to another field by someone else is not overwritten with an old value.
 */
export function writeEntityChanges(map: Y.Map<unknown>, before: Entity | undefined, after: Entity, spec: AreaSpec, stamp: TeamStamp): void {
  const was = before ? toFields(before, spec) : fieldsOfMap(map, spec);
  const now = toFields(after, spec);
  for (const [key, value] of now) {
    if (was.has(key) && sameJson(was.get(key), value)) continue;
    map.set(key, spec.registers?.includes(key) ? register(value, map.get(key), stamp) : value);
  }
  for (const key of was.keys()) if (!now.has(key)) map.delete(key);
  for (const key of spec.arrays ?? []) {
    const list = map.get(key);
    const target = (after[key] as string[] | undefined) ?? [];
    if (!(list instanceof Y.Array)) map.set(key, Y.Array.from([...target]));
    else writeIdList(list, before ? ((before[key] as string[] | undefined) ?? []) : [...new Set(list.toArray() as string[])], target);
  }
}

function fieldsOfMap(map: Y.Map<unknown>, spec: AreaSpec): Map<string, unknown> {
  return toFields(fromFields(map, spec), spec);
}

/**
 * Brings a Y.Array of ids from `before` to `after` by removing and inserting ids, never by rewriting
 * it, so an id another member added concurrently stays. A reorder re-inserts the ids that moved.
 */
export function writeIdList(list: Y.Array<string>, before: readonly string[], after: readonly string[]): void {
  const keep = new Set(after);
  const had = new Set(before);
  for (let i = list.length - 1; i >= 0; i--) if (!keep.has(list.get(i)) && had.has(list.get(i))) list.delete(i, 1);
  const present = () => [...new Set(list.toArray())].filter((id) => keep.has(id));
  // Ids in `after` in the wrong order relative to each other are taken out and put back in place.
  let current = present();
  const order = new Map(after.map((id, i) => [id, i]));
  const misplaced = new Set<string>();
  let last = -1;
  for (const id of current) {
    const at = order.get(id)!;
    if (at < last) misplaced.add(id);
    else last = at;
  }
  if (misplaced.size) {
    for (let i = list.length - 1; i >= 0; i--) if (misplaced.has(list.get(i))) list.delete(i, 1);
    current = present();
  }
  for (const [i, id] of after.entries()) {
    if (current.includes(id)) continue;
    // Insert after the nearest preceding id of `after` that the list holds.
    let anchor = -1;
    for (let j = i - 1; j >= 0 && anchor < 0; j--) {
      const prev = after[j]!;
      const arr = list.toArray();
      anchor = arr.lastIndexOf(prev);
    }
    list.insert(anchor + 1, [id]);
    current.push(id);
  }
}
