/**
 * The one filter behind "show only my codings": the items (codings, passages) a coder made, or all
 * of them when `coder` is null (the switch off). Unchanged input is returned as is, so views that
 * memoise on it do not redraw.
 */
export function byCoder<T extends { coder: string }>(items: readonly T[], coder: string | null): readonly T[] {
  return coder === null ? items : items.filter((item) => item.coder === coder);
}
