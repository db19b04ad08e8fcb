/**
 * Puts a table on the clipboard in two forms at once: HTML (Word and LibreOffice paste a real
 * table) and tab-separated text (spreadsheets, plain editors). The async Clipboard API first; where
 * it is missing or refused, the copy event of a user-started `execCommand("copy")`.
 */
export async function copyTable(html: string, tsv: string): Promise<void> {
  const ClipboardItemCtor = (globalThis as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
  if (navigator.clipboard?.write && ClipboardItemCtor) {
    try {
      await navigator.clipboard.write([
        new ClipboardItemCtor({ "text/html": new Blob([html], { type: "text/html" }), "text/plain": new Blob([tsv], { type: "text/plain" }) }),
      ]);
      return;
    } catch {
      // Refused (no permission, not focused): the copy event below still works inside a click.
    }
  }
  let written = false;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData("text/html", html);
    e.clipboardData?.setData("text/plain", tsv);
    written = Boolean(e.clipboardData);
    e.preventDefault();
  };
  document.addEventListener("copy", onCopy);
  try {
    document.execCommand("copy");
  } finally {
    document.removeEventListener("copy", onCopy);
  }
  if (!written) throw new Error("clipboard unavailable");
}
