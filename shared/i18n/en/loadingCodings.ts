/** The two-step open (issue 13): what views that need every coding show while the rest loads. */
export default {
  progress: "Loading codings… {{percent}} %",
  progressHint: "{{loaded}} of {{total}} codings loaded. The open document can be coded already; this view needs all of them.",
  document: "Loading this document's codings…",
  failed: "Not every coding could be loaded: {{reason}} Close and open the project again.",
  counts: "…",
  countsHint: "Counted once all codings are loaded",
};
