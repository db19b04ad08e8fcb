export default {
  errors: {
    unsupported: "“{{file}}” tidak dapat diimpor: jenis berkas tidak didukung (yang didukung: .txt, .md, .docx, .pdf). Simpan dalam salah satu format itu lalu impor lagi.",
    empty: "“{{file}}” kosong (0 bita). Periksa apakah berkas yang dipilih sudah benar.",
    noText: "“{{file}}” tidak berisi teks yang dapat diimpor.",
    tooLarge: "“{{file}}” terlalu besar untuk diimpor ({{size}} MB; batasnya {{max}} MB). Pecah menjadi beberapa berkas yang lebih kecil.",
    notAFile: "“{{file}}” bukan berkas biasa (melainkan folder, pipa, atau perangkat) sehingga tidak dapat diimpor.",
    notFound: "“{{file}}” tidak ditemukan. Mungkin sudah dipindahkan, diganti namanya, atau dihapus.",
    unreadable: "“{{file}}” tidak dapat dibaca: {{detail}}",
    notText:
      "“{{file}}” tampaknya bukan teks: isinya data biner. Jika ini berkas Word atau PDF, beri ekstensi yang benar (.docx, .pdf); jika bukan, simpan sebagai teks biasa (UTF-8) lalu impor lagi.",
    badEncoding:
      "“{{file}}” diawali penanda {{encoding}}, tetapi isinya bukan {{encoding}} yang valid. Buka di penyunting teks lalu simpan lagi sebagai UTF-8.",
    docxInvalid:
      "“{{file}}” bukan dokumen Word (.docx) yang valid: mungkin rusak, tidak lengkap, atau jenis berkas lain. Buka di Word lalu simpan lagi sebagai .docx (berkas .doc lama harus disimpan sebagai .docx terlebih dahulu).",
    pdfInvalid:
      "“{{file}}” bukan PDF yang valid: mungkin rusak atau tidak lengkap. Buka di pembaca PDF lalu simpan atau ekspor lagi.",
    pdfEncrypted:
      "“{{file}}” dilindungi kata sandi. Hapus kata sandinya (misalnya dengan mencetaknya ke PDF baru) lalu impor lagi.",
    pdfNoText:
      "“{{file}}” tidak memiliki lapisan teks (hasil pindaian?) – jalankan OCR terlebih dahulu (misalnya di pembaca PDF atau alat OCR gratis), lalu impor hasilnya.",
    codebookNotXml:
      "“{{file}}” bukan berkas XML yang dapat dibaca (rusak pada baris {{line}}). Ekspor lagi buku kode dari program QDA Anda sebagai buku kode REFI-QDA (.qdc).",
    codebookNotCodebook:
      "“{{file}}” berformat XML tetapi bukan buku kode REFI-QDA (tidak ada elemen CodeBook). Ekspor buku kode dari program QDA Anda sebagai buku kode REFI-QDA (.qdc).",
    codebookNoName: "Sebuah kode di “{{file}}” tidak bernama ({{detail}} di pohon kode). Beri nama setiap kode lalu ekspor lagi buku kodenya.",
    codebookEmpty: "“{{file}}” tidak berisi kode untuk diimpor.",
    unknownEncoding: "“{{file}}” tidak dapat dibaca sebagai “{{encoding}}”: pengodean teks itu tidak ada. Pilih salah satu dari daftar (misalnya UTF-8, Windows-1252, EUC-KR, GB18030, Shift_JIS, KOI8-R).",
    tooManyParagraphs:
      "“{{file}}” memiliki terlalu banyak paragraf untuk diimpor ({{count}}; batasnya {{max}}). Kemungkinan ini bukan dokumen sungguhan; jika memang dokumen, pecah menjadi beberapa berkas yang lebih kecil.",
    tooLargeUnpacked:
      "“{{file}}” terlalu besar setelah dibuka: isinya yang terkompresi akan memakan {{size}} MB atau lebih (batasnya {{max}} MB). Berkas ini mungkin sengaja dirusak; jika ini dokumen sungguhan, simpan ulang atau pecah menjadi beberapa berkas.",
    outOfMemory:
      "“{{file}}” terlalu besar setelah dibuka: membacanya butuh lebih dari {{max}} MB memori yang boleh dipakai satu impor. Berkas ini mungkin sengaja dirusak; jika ini dokumen sungguhan, pecah menjadi beberapa berkas yang lebih kecil.",
    tooSlow: "“{{file}}” terlalu lama diimpor (lebih dari {{seconds}} detik) sehingga dihentikan. Berkas ini mungkin rusak atau cacat; simpan ulang atau pecah menjadi beberapa berkas.",
    damaged:
      "“{{file}}” rusak: checksum bagiannya “{{detail}}” tidak cocok, sehingga teksnya mungkin telah berubah. Buka di Word lalu simpan ulang, atau gunakan salinan yang tidak rusak.",
    bombRatio:
      "“{{file}}” terlalu besar setelah dibuka: bagiannya “{{detail}}” akan membesar {{ratio}} kali, menjadi {{size}} MB, yang hanya terjadi pada berkas yang sengaja dirusak (bom dekompresi). Berkas ini tidak dibuka.",
    tooManyPages: "“{{file}}” memiliki terlalu banyak halaman untuk diimpor ({{count}}; batasnya {{max}}). Pecah menjadi beberapa berkas yang lebih kecil.",
    duplicate: "“{{file}}” berisi teks yang persis sama dengan “{{title}}” yang sudah ada di proyek. Berkas ini tidak diimpor lagi.",
  },
  notices: {
    encodingAssumed:
      "“{{file}}” tidak menyebutkan pengodean teksnya; berkas dibaca sebagai {{encoding}}. Jika hurufnya tampak salah, pilih pengodeannya lalu impor lagi.",
    badBytesReplaced_other:
      "“{{file}}” dibaca sebagai {{encoding}}, tetapi {{count}} bita di dalamnya bukan {{encoding}} yang sah dan tampil sebagai “�”. Jika ada yang lain tampak salah, pilih pengodeannya lalu impor lagi.",
    pdfRepaired: "“{{file}}” rusak dan harus diperbaiki saat dibaca ({{detail}}). Periksa apakah ada halaman atau baris yang hilang.",
  },
  /** Pilihan dalam laporan impor. */
  report: {
    encoding: "Pengodean",
    importAgain: "Impor lagi dengan pengodean ini",
    importAnyway: "Tetap impor",
    skip: "Lewati",
    skipped: "Dilewati.",
  },
} as const;
