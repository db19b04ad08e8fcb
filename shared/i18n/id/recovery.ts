/** Pesan cadangan dan pemulihan di baris perintah, dan peringatan setelah perintah yang berhasil. */
export default {
  warning: "peringatan: {{message}}",
  backupsHeading: "Cadangan {{dir}}, yang terbaru lebih dulu:",
  backupLine: "  {{file}}   {{date}}",
  noBackups: "“{{dir}}” belum memiliki cadangan. Tandai membuatnya setiap kali proyek dibuka atau ditutup.",
  restored: "{{dir}} dipulihkan dari cadangan {{file}} tanggal {{date}}.",
  replayed_other: "{{count}} perubahan yang disimpan setelah cadangan itu diterapkan ulang.",
  setAside: "Berkas {{file}} sebelumnya disimpan terpisah, tanpa diubah, sebagai {{aside}}.",
  dropped_other: "{{count}} baris jurnal mulai baris {{line}} rusak dan disimpan di berkas yang dipisahkan; baris itu tidak diterapkan ulang.",
  notFollowing: "Jurnal tidak bersambung dengan cadangan ini; jurnal disimpan terpisah seluruhnya dan tidak diterapkan ulang.",
  summary: "{{name}} kini berisi {{documents}}, {{codes}}, {{codings}}.",
} as const;
