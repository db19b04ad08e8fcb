/** Penolakan server web lokal (electron/web): masing-masing menyebut apa yang salah dalam permintaan. */
export default {
  errors: {
    badJson: "Permintaan {{channel}} bukan JSON yang sah ({{detail}}).",
    badEncoding: "Permintaan {{channel}} bukan teks UTF-8.",
    badBytes: "Data berkas “{{file}}” dalam permintaan {{channel}} bukan base64 yang sah; berkas itu tidak diimpor.",
    badAddress: "Alamat “{{path}}” memuat %-escape yang rusak.",
    badHost: "Permintaan ini memiliki {{count}} header Host; harus tepat satu.",
    wrongHost: "Server ini tidak melayani “{{host}}”.",
    badOrigin: "Permintaan dari halaman “{{origin}}” tidak diizinkan: hanya halaman Tandai sendiri yang boleh memakai server ini.",
  },
};
