export default {
  usage: `Tandai {{version}} – pengodean kualitatif untuk penulis skripsi

Penggunaan:
  tandai new <folder> [--name NAMA]
  tandai import <folder> <berkas>... [--case NAMA] [--encoding NAMA] [--allow-duplicate]
  tandai code <folder> --doc <judul|id> --quote "<teks persis>" --code "<nama atau jalur kode, atau id indikator>"
              [--stance supports|contradicts] [--occurrence N] [--coder NAMA]
  tandai code <folder> --from pengodean.csv|pengodean.jsonl [--skip-errors] [--coder NAMA]
              (satu baris per pengodean: doc, quote [occurrence] atau start dan end, code, [stance, coder, memo];
              kolom dari \`tandai export --format csv --table codings\`)
  tandai case add <folder> <nama> [--doc <judul|id>]...
  tandai framework add <folder> <id-kerangka> [--lang id|en]   (nama kode dalam bahasa itu)
              (kuznetsov, keating, stages, obstacles, lecours, duchacek, mukti, sectors)
  tandai framework import <folder> <berkas.json>
  tandai codebook import <folder> <berkas.qdc>   (buku kode REFI-QDA; kode yang bernama seperti indikator ditautkan)
  tandai import <folder> <berkas.qdpx|.qde> [--dry-run]   (proyek REFI-QDA: dipratinjau, lalu satu langkah yang dapat diurungkan)
  tandai export <folder> --format qdpx|qdc --out <jalur>   (proyek atau buku kode REFI-QDA)
  tandai indicators <folder> [--framework ID]... [--case NAMA]...
  tandai search <folder> "<kueri>" [--doc <judul|id>]... [--case NAMA]... [--within KODE]... [--uncoded]
              [--speaker NAMA] [--regex [--match-case]] [--no-stem] [--sort document|after|before] [--limit N]
              (kata, "frasa persis", a OR b, NOT kata / -kata, angg*; bentuk kata Indonesia/Inggris cocok)
  tandai autocode <folder> "<kueri>" --code "<kode>" --unit word|sentence|paragraph|turn [--dry-run]
              [--coder NAMA] (dan opsi pencarian; satu batch, bagian yang sudah berkode dilewati)
  tandai handoff <folder> <folder-baru | berkas.tandai> [--drop-codings]   (salinan untuk pengode kedua;
              handoff <berkas.tandai> <folder-baru> membuka paket)
  tandai merge <folder> <salinan pengode> [--dry-run] [--take mine|theirs]
  tandai team serve|share|invite|join|sync|status|members|revoke …   (proyek yang dibagi melalui server
              tim: \`tandai team\` menampilkan perintahnya)
  tandai agreement <folder> --coders A,B[,C…] [--unit paragraph|sentence|character] [--codes JALUR]...
              [--categories INDUK] [--documents JUDUL]... [--exclude-uncoded] [--out FILE.docx|.xlsx|.csv|.md|.html]
  tandai export <folder> --format docx|md|html|pdf|xlsx|csv|svg|png --out <path> [--lang id|en]
              [--case NAMA]... [--framework ID]... [--group NAMA]...   (hanya dokumen dari kelompok dokumen ini)
              laporan: [--memos] [--no-codebook] [--no-charts] [--quotes N]   (N kutipan per indikator)
              csv: [--table codings|codeDocument|codeCase|indicators]   xlsx/csv/heatmap: [--presence]
              svg/png: --chart frequencies|heatmap|cooccurrence|indicatorGrid [--unit paragraph|overlap]
              (di luar aplikasi desktop, pdf memerlukan LibreOffice)
  tandai info <folder> [--json]
  tandai doc list <folder> [--json]   (id, judul, jenis, karakter, pengodean, kelompok)
  tandai doc rename <folder> <judul|id> <judul baru>
  tandai doc delete <folder> <judul|id> [--yes]   (tanpa --yes: menyebut apa yang akan hilang, tidak menghapus apa pun)
  tandai doc group <folder> <kelompok> <judul|id>...   (membuat kelompok dokumen bila belum ada)
  tandai serve [<folder>] [--port N]
  tandai backups <folder> [--json]   (cadangan proyek, yang terbaru lebih dulu)
  tandai restore <folder> [--backup NAMA] [--json]   (cadangan terbaru, atau yang disebut; berkas rusak disimpan terpisah)
  tandai repair <folder> [--dry-run] [--json]   (memperbaiki berkas proyek yang tidak konsisten dan menyebut setiap perubahan; berkas yang rusak disimpan)

Setiap perintah menerima --json untuk keluaran yang dapat dibaca mesin dan --lang id|en.
Jalur kode memakai "/" di antara tingkatan, misalnya "Motif/Motif ekonomi" (garis miring di dalam nama: \\/); id indikator seperti
keating.economic menunjuk kode yang ditautkan ke indikator itu.`,
  created: "Proyek “{{name}}” dibuat di {{dir}}.",
  imported: "{{file}} diimpor sebagai “{{title}}”.",
  importFailed: "{{file}} tidak dapat diimpor: {{message}}",
  importSummary_other: "{{ok}} dari {{count}} berkas diimpor.",
  codeCreated: "Kode “{{code}}” dibuat karena belum ada.",
  coded: "“{{quote}}” di “{{document}}” dikode dengan “{{code}}” ({{stance}}).",
  info: "{{name}}: {{documents}}, {{codes}}, {{codings}}, {{cases}}.",
  serving: "Tandai berjalan di {{url}}\nBuka alamat itu di peramban. Tekan Ctrl+C untuk berhenti.",
  caseCreated: "Kasus “{{name}}” dibuat.",
  assigned_other: "{{count}} dokumen yang diimpor dimasukkan ke: {{cases}}.",
  frameworkAdded: "Kerangka analisis “{{name}}” ({{id}}) ditambahkan.",
  frameworkCompleted: "Kerangka analisis “{{name}}” ({{id}}) sudah ada di proyek; kode-kodenya yang belum ada ditambahkan.",
  frameworkCode: "Kode “{{code}}” dibuat.",
  frameworkLinked: "Kode Anda “{{code}}” ditautkan ke indikator “{{indicator}}”.",
  frameworkUnchanged: "Kerangka analisis “{{name}}” ({{id}}) sudah ada di proyek beserta semua kodenya; tidak ada yang diubah.",
  caseExists: "Kasus “{{name}}” sudah ada; kasus itu yang dipakai.",
  caseAssigned: "“{{document}}” dimasukkan ke kasus “{{name}}”.",
  caseAlreadyAssigned: "“{{document}}” sudah termasuk dalam kasus “{{name}}”.",
  indicatorsHeading: "{{case}} × {{framework}} (dokumen dalam kasus: {{documents}})",
  verdict: "Kesimpulan: {{sentence}}",
  noFrameworks: "Proyek ini belum memiliki kerangka analisis; tambahkan dengan: tandai framework add <folder> <id-kerangka>",
  noCases: "Proyek ini belum memiliki kasus; buat dengan: tandai case add <folder> <nama> --doc <judul>",
  codebookImported: "Buku kode {{file}} diimpor: {{created}}, {{merged}} digabung ke kode yang sudah ada, {{linked}} ditautkan ke indikator.",
  codebookLinked: "“{{code}}” ditautkan ke indikator {{indicator}} ({{name}}).",
  exported: "Menulis {{path}} ({{size}}).",
  exportPhase: {
    reading: "Membaca dokumen {{done}}/{{total}}…",
    building: "Menyusun {{done}}/{{total}}…",
    writing: "Menulis berkas…",
  },
  errors: {
    badChoice: "{{option}} harus salah satu dari {{valid}}, bukan “{{value}}”.",
    badQuotes: "--quotes harus bilangan bulat mulai dari 1, bukan “{{value}}”.",
    unknownCommand: "Perintah “{{command}}” tidak dikenal. Jalankan tandai --help.",
    missingArgument: "{{command}} memerlukan {{argument}}.",
    badOption: "{{detail}}",
    badStance: "--stance harus supports atau contradicts, bukan “{{value}}”.",
    badOccurrence: "--occurrence harus bilangan bulat mulai dari 1, bukan “{{value}}”.",
    noDocument: "Tidak ada dokumen berjudul atau ber-id “{{document}}” di proyek ini.",
    ambiguousDocument: "Ada {{count}} dokumen berjudul “{{document}}”; gunakan id dokumen.",
    ambiguousCode: "Ada {{count}} kode bernama “{{code}}”; tulis jalur lengkapnya, misalnya “Induk/{{code}}”.",
    unknownSubcommand: "Perintah “{{command}} {{subcommand}}” tidak dikenal; gunakan salah satu dari: {{valid}}.",
    unknownFramework: "Tidak ada kerangka analisis bawaan “{{id}}”. Kerangka bawaan: {{valid}}.",
    frameworkNotInProject: "Proyek ini tidak memiliki kerangka analisis “{{id}}”. Kerangka di proyek ini: {{valid}}.",
    frameworkExists: "{{file}}: proyek ini sudah memiliki kerangka analisis lain dengan id “{{id}}”.",
    badJson: "{{file}} bukan JSON yang sah: {{detail}}",
    badFramework: "{{file}} bukan kerangka analisis yang sah: {{field}}: {{detail}}",
    noCase: "Tidak ada kasus bernama “{{name}}” di proyek ini. Kasus yang ada: {{valid}}.",
    unknownIndicator: "“{{indicator}}” bukan indikator kerangka analisis {{framework}}. Indikatornya: {{valid}}.",
    noLinkedCode: "Belum ada kode yang ditautkan ke indikator “{{indicator}}”. Jalankan tandai framework add <folder> {{framework}} untuk membuat kodenya, atau tautkan sebuah kode di aplikasi.",
    ambiguousIndicator: "Beberapa kode ditautkan ke indikator “{{indicator}}” ({{codes}}); tulis jalur kodenya.",
    oneOption: "{{command}} hanya menerima satu {{option}}.",
    badLanguage: "--lang harus salah satu dari {{valid}}, bukan “{{value}}”.",
  },
};
