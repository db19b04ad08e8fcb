/** The two-step open (issue 13): what views that need every coding show while the rest loads. */
export default {
  progress: "Loading codings… {{percent}} %",
  progressHint_one: "{{loaded}} of {{count}} coding loaded. The open document can be coded already; this view needs it.",
  progressHint_other: "{{loaded}} of {{count}} codings loaded. The open document can be coded already; this view needs all of them.",
  document: "Loading this document's codings…",
  failed: "Not every coding could be loaded: {{reason}} Close and open the project again.",
  counts: "…",
  countsHint: "Counted once all codings are loaded",
};
