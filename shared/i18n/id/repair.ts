/** Memperbaiki berkas proyek yang tidak konsisten: setiap jenis perubahan, laporan baris perintah, pilihan di aplikasi. */
export default {
  changes: {
    fixId: "{{where}}: id catatan {{found}} diganti menjadi kuncinya {{becomes}}",
    dropCoding: "{{where}} = {{found}}: pengodean ini dihapus (tidak merujuk apa pun atau berada di luar dokumennya)",
    trimCoding: "{{where}} = {{found}}: pengodean ini dipotong di akhir dokumen ({{becomes}})",
    detachCode: "{{where}} = {{found}}: kode ini dijadikan kode tingkat teratas",
    dropCaseDocument: "{{where}}: dokumen {{found}} yang tidak ada dikeluarkan dari daftar",
    dropMemo: "{{where}} = {{found}}: memo ini dihapus (yang diberi memo sudah tidak ada)",
    rekeyMemo: "{{where}}: memo dipindahkan dari {{found}} ke {{becomes}}",
  },
  nothing: "{{dir}} tidak perlu diperbaiki: berkas proyeknya konsisten.",
  planHeading_other: "Memperbaiki {{dir}} akan membuat {{count}} perubahan:",
  doneHeading_other: "{{dir}} sudah diperbaiki: {{count}} perubahan.",
  line: "  {{change}}",
  dryRun: "Tidak ada yang diubah (--dry-run). Jalankan tanpa --dry-run untuk memperbaiki, atau pulihkan cadangan (tandai backups).",
  kept: "Berkas yang rusak disimpan tanpa diubah sebagai {{kept}}.",
  app: {
    repair: "Perbaiki proyek…",
    heading_other: "Perbaikan akan membuat {{count}} perubahan:",
    confirm: "Perbaiki dan buka",
    cancel: "Batal",
    keptNote: "Berkas yang rusak lebih dulu disimpan tanpa diubah di samping proyek.",
    more_other: "dan {{count}} lainnya",
  },
} as const;
