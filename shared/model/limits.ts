/** The largest file Tandai imports; larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
