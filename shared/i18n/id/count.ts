/**
 * Setiap hal yang dihitung menurut namanya, untuk kalimat yang menyusun beberapa hitungan lewat
 * `countWords`. Bahasa Indonesia tidak membedakan tunggal dan jamak, jadi cukup `_other`.
 */
export default {
  // Isi proyek.
  documents_other: "{{count}} dokumen",
  codes_other: "{{count}} kode",
  codings_other: "{{count}} pengodean",
  supportingCodings_other: "{{count}} pengodean pendukung",
  cases_other: "{{count}} kasus",
  memos_other: "{{count}} memo",
  nested_other: "{{count}} subkode",
  created_other: "{{count}} kode dibuat",
  // Pencarian, `code --from`, penggabungan, dan kesepakatan.
  hits_other: "{{count}} temuan",
  rows_other: "{{count}} baris",
  conflicts_other: "{{count}} konflik",
  matchedHere_other: "{{count}} cocok dengan yang ada",
  units_other: "{{count}} unit",
  // Sinkronisasi tim.
  pushed_other: "{{count}} perubahan lokal",
  pulled_other: "{{count}} perubahan",
  textsSent_other: "{{count}} teks",
  // Isi berkas REFI-QDA.
  sources_other: "{{count}} sumber",
  groups_other: "{{count}} kelompok dokumen",
  attributes_other: "{{count}} atribut",
  values_other: "{{count}} nilai atribut",
  pdfSources_other: "{{count}} sumber PDF tanpa teks",
  pdfSelections_other: "{{count}} seleksi area PDF",
  pictures_other: "{{count}} gambar",
  audio_other: "{{count}} sumber audio",
  video_other: "{{count}} sumber video",
  emptySelections_other: "{{count}} seleksi kosong",
  unknownCodes_other: "{{count}} pengodean dengan kode yang tidak ada di berkas",
  badValues_other: "{{count}} nilai variabel yang tidak cocok dengan variabelnya",
} as const;
