/** `tandai team …`: server tim dan sinkronisasi anggota (electron/team, electron/cli/team*.ts). */
export default {
  usage: `Proyek tim Tandai – satu proyek dipakai bersama oleh pembimbing dan para pengode melalui server tim

  tandai team serve --port N (--sqlite BERKAS | --postgres URL) [--redis URL] [--host 127.0.0.1]
              (servernya; token admin dari TANDAI_TEAM_ADMIN_TOKEN, atau dibuat dan dicetak saat pertama kali dijalankan)
  tandai team share <folder> --server URL --admin-token TOKEN [--name NAMA-ANDA]
  tandai team invite <folder> --name NAMA --role coder|viewer   (mencetak token anggota, sekali saja)
  tandai team revoke <folder> --name NAMA
  tandai team members <folder>
  tandai team join <tautan> <folder> --token TOKEN   (tautan dari invite; salinan lengkap yang bisa dipakai luring)
  tandai team sync <folder> [--timeout DETIK]   (kirim dan terima sampai sama, lalu selesai)
  tandai team status <folder>
  Tambahkan --json untuk keluaran yang bisa dibaca mesin. sync keluar dengan kode 2 bila tidak ada
  instans server yang bisa dihubungi (perubahan Anda tetap aman di komputer ini) dan 3 bila server menolak token.`,
  serving: "Server tim mendengarkan di {{url}} (data: {{store}}{{redis}}). Hentikan dengan Ctrl+C.",
  redisNote: ", dibagi melalui Redis {{url}}",
  adminTokenGenerated: "Token admin (hanya ditampilkan sekarang; server hanya menyimpan hash-nya — simpan baik-baik):\n  {{token}}",
  shared_other: "“{{name}}” dibagikan di {{server}} sebagai proyek {{projectId}}; Anda pemiliknya, “{{member}}”. {{count}} teks dokumen dikirim.",
  invited: "“{{name}}” diundang sebagai {{role}}. Tokennya (hanya ditampilkan sekarang):\n  {{token}}\nMereka bergabung dengan:\n  tandai team join {{link}} <folder> --token {{token}}",
  revoked: "Token “{{name}}” dicabut: ia tidak bisa terhubung lagi.",
  member: "{{name}} ({{role}}), diundang {{createdAt}}",
  memberRevoked: "{{name}} ({{role}}), diundang {{createdAt}}, dicabut {{revokedAt}}",
  joined_other: "Bergabung ke “{{name}}” di {{dir}} sebagai {{member}} ({{role}}): {{count}} dokumen. Proyek ini bisa dipakai luring; jalankan tandai team sync untuk bertukar perubahan.",
  synced: "Tersinkron dengan {{server}}: {{pushed}} dikirim, {{pulled}} diterima, {{textsSent}} dikirim, {{textsReceived}} diterima.",
  conflicts_other: "Ada {{count}} konflik yang perlu diperiksa (buka proyeknya di Tandai).",
  status: {
    synced: "Tersinkron (terakhir {{at}}) dengan {{server}}, sebagai {{member}} ({{role}}).",
    waiting_other: "{{count}} perubahan menunggu dikirim (terakhir tersinkron {{at}}) ke {{server}}, sebagai {{member}} ({{role}}).",
    never: "belum pernah",
  },
  errors: {
    unknownSubcommand: "Perintah tim “{{command}}” tidak dikenal. Jalankan tandai team untuk melihat daftar perintahnya.",
    missingOption: "{{option}} belum diberikan.",
    missingArgument: "tandai team {{command}} memerlukan {{argument}}.",
    badPort: "--port “{{value}}” bukan nomor port (0–65535).",
    oneStore: "Berikan tepat satu dari --sqlite BERKAS atau --postgres URL: tempat server menyimpan proyek.",
    badUrl: "{{option}} “{{value}}” bukan alamat yang sah; harus diawali {{expected}}.",
    shortAdminToken_other: "TANDAI_TEAM_ADMIN_TOKEN hanya {{count}} karakter; gunakan sedikitnya 16 karakter acak.",
    sqliteOpen: "Basis data SQLite {{file}} tidak bisa dibuka: {{detail}}.",
    postgresOpen: "PostgreSQL di {{url}} tidak bisa dipakai: {{detail}}.",
    redisUnreachable: "Redis di {{url}} tidak menjawab: {{detail}}.",
    badServer: "{{option}} “{{value}}” bukan alamat server tim (ws://, wss://, http:// atau https://, tanpa query atau kata sandi).",
    badJoinLink: "“{{value}}” bukan tautan bergabung: tautan itu berupa alamat server diikuti /<id proyek>, seperti yang dicetak tandai team invite.",
    badRole: "--role harus coder atau viewer.",
    notShared: "{{dir}} bukan proyek tim: tidak ada team.json (bagikan dengan tandai team share, atau bergabunglah dengan tandai team join).",
    badTeamFile: "{{file}} rusak: {{detail}}.",
    badReplica: "{{file}} rusak: {{detail}}. Hapus berkas itu dan bergabunglah lagi ke proyek ini di folder baru.",
    noReplica: "{{dir}} punya team.json tetapi tidak punya team.replica: bergabunglah lagi ke proyek ini di folder baru.",
    alreadyShared: "{{dir}} sudah dibagikan (proyek {{projectId}}).",
    folderNotEmpty: "{{dir}} tidak kosong: bergabunglah ke folder baru atau folder kosong.",
    emptyShare: "Proyek {{projectId}} di {{server}} belum berisi apa pun: pembagian oleh pemiliknya belum selesai.",
    unreachable: "Server tim {{server}} tidak bisa dihubungi ({{detail}}). Perubahan Anda tetap tersimpan di komputer ini; sinkronkan lagi setelah server kembali.",
    tokenRefused: "Server tim {{server}} menolak token: token salah, sudah dicabut, atau untuk proyek lain.",
    adminRefused: "Server tim {{server}} menolak token admin.",
    roleRefused: "Peran Anda tidak mengizinkan ini di {{server}}: hanya pemilik proyek yang bisa mengundang dan mencabut, dan peninjau tidak bisa mengirim teks.",
    roleChanged: "team.json menyebut peran Anda {{role}}, tetapi server menyebut {{now}}: bergabunglah lagi ke proyek ini.",
    nameTaken: "Anggota bernama “{{name}}” sudah ada di proyek ini (nama yang sudah dicabut tidak bisa dipakai lagi).",
    noSuchMember: "Tidak ada anggota bernama “{{name}}” dengan token yang berlaku di proyek ini.",
    badMemberName: "Nama anggota harus 1 sampai 200 karakter, tanpa karakter kendali.",
    noSuchText: "Server tidak punya teks {{hash}}: pengirimnya belum menyinkronkannya.",
    hashMismatch: "Server menolak teks {{hash}}: isinya tidak cocok dengan hash-nya.",
    textTooLarge: "Teks {{hash}} lebih besar daripada yang diterima server.",
    textCorrupt: "Teks dokumen {{document}} dari server tidak cocok dengan hash-nya {{hash}}: tidak ada bagiannya yang ditulis.",
    serverStatus: "Server tim {{server}} menjawab {{status}} untuk {{path}}.",
    timeout: "Sinkronisasi dengan {{server}} tidak selesai dalam {{seconds}} detik.",
    connectionLost: "Sambungan ke {{server}} terputus sebelum sinkronisasi selesai.",
    serverStoreFailed: "Server tim {{server}} tidak bisa menulis ke basis datanya; sinkronisasi belum selesai.",
    badTimeout: "--timeout “{{value}}” bukan jumlah detik.",
  },
};
