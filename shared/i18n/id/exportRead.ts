/** Tugas ekspor yang membaca proyek dari disk pada perubahan saat ekspor dimulai (electron/store/readAt.ts). */
export default {
  errors: {
    movedOn:
      "Ekspor tidak dapat membaca proyek dalam keadaan saat ekspor dimulai: “{{file}}” sudah memuat perubahan ke-{{found}}, padahal ekspor memerlukan keadaan pada perubahan ke-{{seq}}. Proyek telah disimpan lagi sementara itu (misalnya karena ditutup). Jalankan ekspornya sekali lagi.",
    notReached:
      "Ekspor tidak dapat membaca proyek di “{{dir}}” dalam keadaan pada perubahan ke-{{seq}} (sudah dicoba {{attempts}} kali; {{detail}}). Proyek sedang disimpan pada saat yang sama. Jalankan ekspornya sekali lagi.",
  },
};
