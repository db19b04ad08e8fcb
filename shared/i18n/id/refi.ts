/** Proyek REFI-QDA (.qdpx, .qde) dan buku kode (.qdc): pratinjau impor, impor dan ekspor. */
export default {
  errors: {
    alone: "“{{file}}” adalah satu proyek REFI-QDA utuh: impor tersendiri (tandai import <folder> {{file}}), jangan bersama berkas lain. Tidak ada yang diimpor.",
    codebookEncoding: "“{{file}}” bukan teks {{encoding}}, jadi bukan buku kode REFI-QDA. Ekspor lagi buku kode dari program QDA Anda sebagai buku kode REFI-QDA (.qdc).",
    notCodable: "“{{code}}” adalah kelompok kode yang tidak dapat diterapkan sendiri (proyek asalnya menandainya tidak dapat dikodekan). Terapkan salah satu kode di dalamnya.",
    notZip: "“{{file}}” bukan arsip proyek REFI-QDA (.qdpx): berkas ini tidak dapat dibaca sebagai zip ({{detail}}). Ekspor ulang proyek dari program QDA Anda.",
    notProject:
      "“{{file}}” bukan proyek REFI-QDA: {{detail}}. Jika berkas ini diunduh, mungkin yang tersimpan adalah halaman web dengan nama proyek; unduh atau ekspor ulang.",
    noProjectFile: "“{{file}}” tidak berisi berkas proyek (.qde). Ekspor ulang proyek dari program QDA Anda sebagai proyek REFI-QDA (.qdpx).",
    unsafePath: "“{{file}}” ditolak: bagiannya “{{detail}}” menunjuk ke luar arsip (jalur zip-slip), yang hanya ada pada berkas rusak atau berbahaya. Tidak ada yang diimpor.",
    doctype: "“{{file}}” ditolak: XML-nya mendeklarasikan DOCTYPE (entitas), yang tidak pernah dipakai berkas REFI-QDA dan dipakai berkas berbahaya untuk mengembang atau membaca berkas lain. Tidak ada yang diimpor.",
    tooDeep: "“{{file}}” ditolak: XML-nya bersarang lebih dari {{max}} tingkat, yang tidak pernah ditulis program REFI-QDA mana pun (berkas rusak atau berbahaya). Tidak ada yang diimpor.",
    badXml: "“{{file}}” bukan XML yang dapat dibaca ({{detail}}). Ekspor ulang proyek dari program QDA Anda. Tidak ada yang diimpor.",
    sourceMissing:
      "“{{file}}” tidak lengkap: teks sumber “{{source}}” ({{path}}) tidak ada di dalam arsip. Ekspor ulang proyek beserta sumbernya. Tidak ada yang diimpor.",
    sourceEmpty:
      "“{{file}}” tidak lengkap: teks sumber “{{source}}” kosong, padahal proyek mengodenya. Ekspor ulang proyek dari program pembuatnya. Tidak ada yang diimpor.",
    missingAttribute: "“{{file}}” bukan proyek REFI-QDA yang sah: sebuah {{element}} tidak memiliki {{attribute}}. Tidak ada yang diimpor.",
    badFormat: "“{{format}}” bukan format ekspor proyek di sini (gunakan qdpx atau qdc).",
  },
  boolean: { yes: "Ya", no: "Tidak" },
  reading: {
    codePoints: "titik kode (standar REFI-QDA)",
    utf16: "unit UTF-16 (seperti yang ditulis NVivo)",
    origin: "dipilih dari program yang menulis berkas",
    confirmed: "dipilih dari program yang menulis berkas dan dipastikan pada {{fitting}} dari {{checked}} seleksi",
    selections: "dipilih karena {{fitting}} dari {{checked}} seleksi jatuh pada teksnya dengan cara itu",
  },
  export: {
    legend: "Untuk program QDA lain (REFI-QDA)",
    hint: "NVivo, ATLAS.ti, MAXQDA dan QualCoder dapat membukanya. Rincian khas Tandai (sikap, tautan kerangka) ikut terbawa, untuk Tandai.",
    qdpx: "Proyek (.qdpx)",
    qdc: "Buku kode (.qdc)",
    done: "Ditulis: {{path}}",
  },
  preview: {
    title: "Impor “{{name}}”",
    origin: "Ditulis oleh: {{origin}}",
    positions: "Posisi dibaca sebagai {{reading}}, {{basis}}.",
    add: "Akan menambahkan {{sources}} sumber, {{codes}} kode, {{codings}} pengodean, {{memos}} memo, {{cases}} kasus, {{groups}} kelompok dokumen, {{attributes}} atribut dengan {{values}} nilai.",
    already: "Sudah ada di proyek (tidak ditambahkan dua kali): {{sources}} sumber, {{codes}} kode, {{codings}} pengodean.",
    notImported:
      "Tidak diimpor: {{pdfSources}} sumber PDF tanpa teks, {{pdfSelections}} seleksi area PDF, {{pictures}} gambar, {{audio}} sumber audio dan {{video}} video, {{emptySelections}} seleksi kosong, {{unknownCodes}} pengodean dengan kode yang tidak ada di berkas, {{badValues}} nilai variabel yang tidak cocok dengan variabelnya.",
    caseSelections_other: "Tidak diimpor: {{count}} bagian teks yang terikat pada kasus (SelectionRef sebuah Case). Kasus di Tandai berisi dokumen utuh, dan memasukkan seluruh dokumen ke kasus akan ikut menghitung bagian yang bukan milik kasus itu.",
    codeSets_other: "Tidak diimpor: {{count}} himpunan kode ({{names}}). Tandai tidak mengenal kelompok kode; kode-kodenya sendiri tetap diimpor.",
    dryRun: "Uji coba: tidak ada yang ditulis.",
    imported: "“{{file}}” diimpor sebagai satu langkah (urungkan membatalkannya).",
    import: "Impor",
    cancel: "Batal",
  },
  codebookNamespace: "Dibaca dalam namespace {{namespace}}.",
  exported: "{{path}} ditulis ({{sources}} sumber, {{codes}} kode, {{codings}} pengodean).",
} as const;
