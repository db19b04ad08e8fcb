export default {
  usage: `Tandai {{version}} – pengodean kualitatif untuk penulis skripsi

Penggunaan:
  tandai new <folder> [--name NAMA]
  tandai import <folder> <berkas>... [--case NAMA]
  tandai code <folder> --doc <judul|id> --quote "<teks persis>" --code "<nama atau jalur kode>"
              [--stance supports|contradicts] [--occurrence N] [--coder NAMA]
  tandai info <folder> [--json]
  tandai serve [<folder>] [--port N]

Setiap perintah menerima --json untuk keluaran yang dapat dibaca mesin dan --lang id|en.
Jalur kode memakai "/" di antara tingkatan, misalnya "Motif/Motif ekonomi".`,
  created: "Proyek “{{name}}” dibuat di {{dir}}.",
  imported: "{{file}} diimpor sebagai “{{title}}”.",
  importFailed: "{{file}} tidak dapat diimpor: {{message}}",
  importSummary: "{{ok}} dari {{total}} berkas diimpor.",
  codeCreated: "Kode “{{code}}” dibuat karena belum ada.",
  coded: "“{{quote}}” di “{{document}}” dikode dengan “{{code}}” ({{stance}}).",
  info: "{{name}}: {{documents}} dokumen, {{codes}} kode, {{codings}} pengodean, {{cases}} kasus.",
  serving: "Tandai berjalan di {{url}}\nBuka alamat itu di peramban. Tekan Ctrl+C untuk berhenti.",
  caseCreated: "Kasus “{{name}}” dibuat.",
  assigned: "{{count}} dokumen yang diimpor dimasukkan ke: {{cases}}.",
  errors: {
    unknownCommand: "Perintah “{{command}}” tidak dikenal. Jalankan tandai --help.",
    missingArgument: "{{command}} memerlukan {{argument}}.",
    badOption: "{{detail}}",
    badStance: "--stance harus supports atau contradicts, bukan “{{value}}”.",
    badOccurrence: "--occurrence harus bilangan bulat mulai dari 1, bukan “{{value}}”.",
    noDocument: "Tidak ada dokumen berjudul atau ber-id “{{document}}” di proyek ini.",
    ambiguousDocument: "Ada {{count}} dokumen berjudul “{{document}}”; gunakan id dokumen.",
    ambiguousCode: "Ada {{count}} kode bernama “{{code}}”; tulis jalur lengkapnya, misalnya “Induk/{{code}}”.",
  },
};
