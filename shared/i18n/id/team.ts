/** Proyek tim (isu 14): pesan galat replika dan kata-kata untuk konfliknya (shared/team/). */
export default {
  errors: {
    pullRejected: "Perubahan dari server tim tidak dapat diterapkan di sini: sebuah “{{op}}” ditolak ({{detail}}). Tidak ada yang diubah; sinkronkan lagi, dan bila terulang, laporkan dengan pesan ini.",
    unknownConflict: "Tidak ada konflik terbuka “{{id}}” dalam proyek tim ini: mungkin sudah diselesaikan oleh anggota lain.",
    noOtherSide: "Suntingan kedua anggota pada memo ini sudah ada di dalamnya, tergabung sebagai teks, jadi tidak ada versi lain untuk dipilih. Tutup saja pemberitahuannya.",
  },
  conflict: {
    deletedWhileCoded: {
      code_other: "{{deleter}} menghapus kode “{{name}}” pada {{deletedAt}} ketika {{coder}} sedang memakainya untuk mengode ({{count}} pengodean). Kode itu dipulihkan agar tidak ada pengodean yang hilang.",
      document_other: "{{deleter}} menghapus dokumen “{{name}}” pada {{deletedAt}} ketika {{coder}} sedang mengodenya ({{count}} pengodean). Dokumen itu dipulihkan agar tidak ada pengodean yang hilang.",
      keep: "Pertahankan",
      other: "Tetap hapus",
    },
    codeRenamed: {
      message: "Kode ini diganti namanya dengan dua cara: “{{kept}}” ({{keptBy}}, {{keptAt}}) dan “{{other}}” ({{otherBy}}, {{otherAt}}). Sekarang namanya “{{kept}}”.",
      keep: "Pakai “{{kept}}”",
      other: "Ganti menjadi “{{other}}”",
    },
    overrideSet: {
      message: "Status indikator ini untuk kasus ini ditetapkan dengan dua cara: oleh {{keptBy}} ({{keptAt}}) dan oleh {{otherBy}} ({{otherAt}}). Yang dipakai milik {{keptBy}}.",
      keep: "Pakai milik {{keptBy}}",
      other: "Ambil milik {{otherBy}}",
    },
    memoEdited: {
      message: "{{keptBy}} ({{keptAt}}) dan {{otherBy}} ({{otherAt}}) sama-sama menyunting memo ini saat tidak terhubung. Kedua suntingan sudah digabungkan: bacalah sekali lagi dari awal.",
      keep: "Tutup",
    },
  },
};
