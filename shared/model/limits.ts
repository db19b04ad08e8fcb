/** The largest file Tandai imports: 50 MiB, far beyond any transcript, well within memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const MIB = 1024 * 1024;

/** Params of the import.errors.tooLarge message: sizes in MB as the message shows them. */
export function tooLargeParams(bytes: number): { size: string; max: number } {
  return { size: (bytes / MIB).toFixed(1), max: MAX_IMPORT_BYTES / MIB };
}
