export default {
  unexpected: "Terjadi kesalahan: {{detail}}",
  op: {
    unknownCase: "Tidak ada kasus dengan id {{id}}.",
    duplicateId: "Sudah ada item dengan id {{id}}.",
    unknownDocument: "Tidak ada dokumen dengan id {{id}}.",
    unknownCode: "Tidak ada kode dengan id {{id}}.",
    unknownCoding: "Tidak ada pengodean dengan id {{id}}.",
    unknownMemoTarget: "Tidak ada yang dapat diberi memo pada {{target}}.",
    badRange: "Bagian {{start}}–{{end}} berada di luar “{{document}}” ({{length}} karakter).",
    codeCycle: "“{{code}}” tidak dapat dipindahkan ke dalam dirinya sendiri.",
    unknownFramework: "Tidak ada kerangka analisis dengan id {{id}} dalam proyek ini.",
    unknownIndicator: "Tidak ada indikator {{id}} dalam kerangka analisis proyek ini.",
    emptyJustification: "Keputusan atas indikator {{id}} memerlukan justifikasi tertulis.",
    mergeIntoSelf: "“{{source}}” tidak dapat digabung ke “{{target}}”, yang merupakan dirinya sendiri atau berada di dalamnya.",
  },
  quote: {
    empty: "Kutipan yang akan dikode di “{{document}}” kosong.",
    notFound: "“{{quote}}” tidak ditemukan di “{{document}}”. Salin kata-katanya persis seperti dalam dokumen.",
    occurrence: "“{{quote}}” muncul {{count}} kali di “{{document}}”, jadi kemunculan ke-{{occurrence}} tidak ada.",
  },
  ipc: {
    tooLarge: "Permintaan lebih besar dari {{limit}}.",
    badArgument: "Permintaan {{channel}} tidak valid: {{detail}}",
    noProject: "Belum ada proyek yang dibuka.",
    unknownChannel: "Permintaan {{channel}} tidak dikenal.",
    forbidden: "Permintaan ini tidak diizinkan.",
  },
};
