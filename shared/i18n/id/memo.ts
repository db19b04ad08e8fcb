export default {
  /** Headings callers may use for the editor's label. */
  title: {
    project: "Memo proyek",
    document: "Memo untuk “{{name}}”",
    code: "Memo untuk “{{name}}”",
    coding: "Memo untuk kutipan ini",
  },
  /** Shown in an empty memo. */
  placeholder: {
    project: "Catatan untuk seluruh proyek: pertanyaan penelitian, keputusan, gagasan yang muncul…",
    document: "Catatan untuk dokumen ini: suasana wawancara, kesan pertama, hal yang menonjol…",
    code: "Apa makna kode ini bagi Anda, bagaimana ia berkembang, pertanyaan yang dimunculkannya…",
    coding: "Mengapa kutipan ini? Apa yang menarik perhatian Anda di sini…",
  },
  status: {
    saving: "Menyimpan…",
    saved: "Tersimpan",
    error: "Belum tersimpan",
  },
  toolbar: {
    label: "Format memo",
    withShortcut: "{{action}} ({{shortcut}})",
    bold: "Tebal",
    italic: "Miring",
    h2: "Judul",
    h3: "Subjudul",
    bulletList: "Daftar berpoin",
    orderedList: "Daftar bernomor",
    blockquote: "Kutipan",
  },
  /** Tombol Memo sebuah pengodean: polos selama belum ada, terisi setelah ada. */
  button: {
    none: "Memo",
    some: "Memo (1)",
    noneLabel: "Tulis memo tentang kutipan ini",
    someLabel: "Buka memo tentang kutipan ini (sudah ada memo)",
  },
  /** Di samping kutipan di Telusuri. */
  inRetrieve: "Memo",
} as const;
