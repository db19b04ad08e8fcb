export default {
  errors: {
    unsupported: "“{{file}}” tidak dapat diimpor: jenis berkas tidak didukung (yang didukung: .txt, .md, .docx, .pdf). Simpan dalam salah satu format itu lalu impor lagi.",
    empty: "“{{file}}” kosong (0 bita). Periksa apakah berkas yang dipilih sudah benar.",
    noText: "“{{file}}” tidak berisi teks yang dapat diimpor.",
    tooLarge: "“{{file}}” terlalu besar untuk diimpor ({{size}} MB; batasnya {{max}} MB). Pecah menjadi beberapa berkas yang lebih kecil.",
    notAFile: "“{{file}}” bukan berkas (mungkin folder) sehingga tidak dapat diimpor.",
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
      "“{{file}}” bukan berkas XML yang dapat dibaca ({{detail}}). Ekspor lagi buku kode dari program QDA Anda sebagai buku kode REFI-QDA (.qdc).",
    codebookNotCodebook:
      "“{{file}}” berformat XML tetapi bukan buku kode REFI-QDA (tidak ada elemen CodeBook). Ekspor buku kode dari program QDA Anda sebagai buku kode REFI-QDA (.qdc).",
    codebookNoName: "Sebuah kode di “{{file}}” tidak bernama ({{detail}} di pohon kode). Beri nama setiap kode lalu ekspor lagi buku kodenya.",
    codebookEmpty: "“{{file}}” tidak berisi kode untuk diimpor.",
  },
} as const;
