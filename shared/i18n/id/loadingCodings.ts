/** Pembukaan dua langkah (issue 13): yang ditampilkan tampilan yang memerlukan semua pengodean selama sisanya dimuat. */
export default {
  progress: "Memuat pengodean… {{percent}} %",
  progressHint_other: "{{loaded}} dari {{count}} pengodean sudah dimuat. Dokumen yang terbuka sudah bisa dikode; tampilan ini memerlukan semuanya.",
  document: "Memuat pengodean dokumen ini…",
  failed: "Tidak semua pengodean berhasil dimuat: {{reason}} Tutup lalu buka lagi proyeknya.",
  counts: "…",
  countsHint: "Dihitung setelah semua pengodean dimuat",
};
