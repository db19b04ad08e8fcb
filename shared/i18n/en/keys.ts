/** Coding keys 1–9: which code each applies, and pinning a code to one. */
export default {
  title: "Key for “{{name}}”",
  hint: "Pinned keys stay with their code whatever you add, move or merge. Other keys go to codes without nested codes, in the order they were made.",
  pick: "Pin to key {{key}}",
  heldBy: "now: {{code}}",
  free: "free",
  unpin: "No pinned key",
  pinned: "Key {{key}}, pinned: press {{key}} to apply this code to the selected text",
  automatic: "Key {{key}}: press {{key}} to apply this code to the selected text",
};
