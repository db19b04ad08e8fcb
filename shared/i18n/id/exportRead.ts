/** Tugas ekspor yang membaca proyek dari disk pada perubahan saat ekspor dimulai (electron/store/readAt.ts). */
export default {
  errors: {
    mismatch:
      "Ekspor tidak dapat membaca proyek di “{{dir}}” dalam keadaan pada perubahan ke-{{seq}}, saat ekspor dimulai ({{detail}}). Berkas-berkasnya diubah oleh sesuatu selain Tandai, misalnya cadangan yang disalin kembali secara manual atau program sinkronisasi. Jalankan ekspornya sekali lagi.",
  },
};
