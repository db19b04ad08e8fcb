import type { ProjectState } from "../model/project.js";

/**
 * The project as one canonical JSON string (keys sorted, undefined left out): equal strings, equal
 * projects. What the convergence test and `tandai team status` compare across members.
 */
export function canonicalProject(state: ProjectState): string {
  return JSON.stringify(sortKeys(state));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}
