/** Pesan penyimpanan proyek (electron/store). Setiap pesan menyebut folder atau berkas yang bersangkutan. */
export default {
  errors: {
    notAProject: "“{{dir}}” bukan proyek Tandai: tidak ada project.json di dalamnya. Pilih folder proyeknya sendiri, atau buat proyek baru.",
    notEmpty: "Proyek baru memerlukan folder kosong, tetapi “{{dir}}” sudah berisi berkas. Pilih folder kosong atau nama folder baru.",
    invalidProject: "Proyek di “{{dir}}” tidak dapat dibuat: {{detail}}.",
    corrupt:
      "Berkas proyek “{{file}}” rusak dan tidak dapat dibaca ({{detail}}). Tandai tidak mengubahnya. Anda dapat memulihkan salah satu cadangan proyek ini (di baris perintah: tandai restore <folder>).",
    newerVersion:
      "“{{file}}” dibuat oleh Tandai versi yang lebih baru (format proyek {{version}}). Perbarui Tandai untuk membuka proyek ini; berkasnya tidak diubah.",
    foreign:
      "“{{file}}” bukan berkas proyek Tandai. Tandai tidak mengubahnya. Jika folder ini dulunya proyek Tandai, Anda dapat memulihkan salah satu cadangannya (di baris perintah: tandai restore <folder>).",
    locked:
      "Proyek “{{dir}}” sedang dibuka di jendela atau program Tandai lain (proses {{pid}} di komputer “{{host}}”). Tutup di sana, lalu coba lagi.",
    diskWrite:
      "Tidak dapat menyimpan ke “{{file}}” ({{detail}}). Perubahan terakhir Anda tidak tersimpan. Pastikan disk tidak penuh dan folder dapat ditulisi.",
    diskRead: "Tidak dapat membaca “{{file}}” ({{detail}}). Pastikan berkasnya ada dan Anda berhak membukanya.",
    invalidOp: "Perubahan ditolak karena formatnya salah ({{detail}}). Tidak ada yang disimpan.",
    invalidDocument: "Teks untuk “{{file}}” formatnya salah dan tidak disimpan ({{detail}}).",
    missingDocument: "Teks sebuah dokumen hilang: “{{file}}” tidak ada. Mungkin terhapus atau tidak ikut tersalin bersama folder proyek.",
    closed: "Proyek “{{dir}}” sudah ditutup. Buka lagi untuk membuat perubahan.",
    noSuchBackup: "Tidak ada cadangan bernama “{{file}}” di proyek ini.",
    lockWrite:
      "Proyek tidak dapat dibuka: Tandai tidak dapat menulis berkas kuncinya “{{file}}” ({{detail}}). Tidak ada yang diubah. Pastikan disk tidak penuh dan folder dapat ditulisi.",
    lockLost:
      "Perubahan terakhir Anda tidak tersimpan: program ini tidak lagi memegang kunci proyek “{{file}}” (kunci itu dihapus atau diambil program lain). Tidak ada yang tertimpa. Tutup proyek lalu buka lagi.",
    integrity_other:
      "Berkas proyek “{{file}}” tidak konsisten di {{count}}{{more}} tempat: merujuk dokumen, kode, atau pengodean yang tidak ada, menyimpan catatan di bawah id lain, menempatkan pengodean di luar dokumennya, atau menjadikan kode leluhurnya sendiri (yang pertama: {{detail}}). Berkas itu rusak di luar Tandai; Tandai tidak mengubahnya dan tidak akan membukanya seolah-olah utuh. Perbaiki berkas itu (setiap perubahan ditampilkan lebih dulu; di baris perintah: tandai repair) atau pulihkan salah satu cadangan proyek (tandai backups dan tandai restore).",
    noBackups: "“{{dir}}” tidak memiliki cadangan untuk dipulihkan. Tandai membuatnya setiap kali proyek dibuka atau ditutup.",
  },
  warnings: {
    foldFailed:
      "Perubahan Anda tersimpan di “{{journal}}”, tetapi Tandai tidak dapat menggabungkannya ke “{{file}}” ({{detail}}). Untuk itu diperlukan sekitar {{needed}} ruang disk kosong; yang tersedia {{free}}. Tidak ada yang hilang: kosongkan sebagian ruang, dan Tandai akan menggabungkannya saat proyek dibuka atau ditutup berikutnya.",
    backupFailed:
      "Tidak dapat menulis cadangan proyek ke “{{file}}” ({{detail}}). Perubahan Anda tersimpan; hanya salinan pengamannya yang tidak ada. Pastikan disk tidak penuh.",
  },
} as const;
