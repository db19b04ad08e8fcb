/** Tombol pengodean 1–9: kode mana yang diterapkan tiap tombol, dan menyematkan kode ke tombol. */
export default {
  title: "Tombol untuk “{{name}}”",
  hint: "Tombol yang disematkan tetap pada kodenya apa pun yang Anda tambah, pindah, atau gabungkan. Tombol lain diberikan ke kode tanpa kode bersarang, menurut urutan pembuatannya.",
  pick: "Sematkan ke tombol {{key}}",
  heldBy: "sekarang: {{code}}",
  free: "kosong",
  unpin: "Tanpa tombol sematan",
  pinned: "Tombol {{key}}, disematkan: tekan {{key}} untuk menerapkan kode ini pada teks terpilih",
  automatic: "Tombol {{key}}: tekan {{key}} untuk menerapkan kode ini pada teks terpilih",
};
