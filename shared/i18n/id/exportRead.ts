/** Tugas ekspor yang membaca proyek dari disk pada perubahan saat ekspor dimulai (electron/store/readAt.ts). */
export default {
  errors: {
    movedOn:
      "Ekspor tidak dapat membaca proyek seperti saat ekspor dimulai: “{{file}}” sudah memuat perubahan ke-{{found}}, sedangkan ekspor memerlukan perubahan ke-{{seq}}. Proyek disimpan di antaranya (misalnya karena ditutup). Mulai ekspor sekali lagi.",
    notReached:
      "Ekspor tidak dapat membaca proyek di “{{dir}}” seperti pada perubahan ke-{{seq}} ({{attempts}} kali dicoba; {{detail}}). Proyek sedang disimpan pada saat yang sama. Mulai ekspor sekali lagi.",
  },
};
