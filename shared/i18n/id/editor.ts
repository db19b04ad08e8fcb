export default {
  /** Accessible name of the coding view's text (DocumentView `label`). */
  documentText: "Teks dokumen",
  /** Yang didengar pembaca layar saat kursor bergerak di dokumen (wilayah aria-live). */
  caret: {
    codes: "Dikode: {{codes}}",
    none: "Belum dikode",
    selectionCodes: "Pilihan menyentuh: {{codes}}",
    selectionNone: "Pilihan belum dikode",
  },
  /** Cara membaca dan mengode dengan papan ketik (deskripsi teks dokumen). */
  keysHint:
    "Tombol panah menggerakkan kursor; Shift+panah memilih, Ctrl+Shift+panah per kata; tombol 1 sampai 9 menerapkan sembilan kode pertama pada pilihan, / mencari di buku kode; Enter menampilkan pengodean di bawah kursor.",
} as const;
