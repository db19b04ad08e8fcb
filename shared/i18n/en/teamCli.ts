/** `tandai team …`: the team server and a member's sync (electron/team, electron/cli/team*.ts). */
export default {
  usage: `Tandai team projects – one project shared by a supervisor and coders through a team server

  tandai team serve --port N (--sqlite FILE | --postgres URL) [--redis URL] [--host 127.0.0.1]
              (the server; admin token from TANDAI_TEAM_ADMIN_TOKEN, or generated and printed at first start)
  tandai team share <dir> --server URL --admin-token TOKEN [--name YOUR-NAME]
  tandai team invite <dir> --name NAME --role coder|viewer   (prints the member's token, once)
  tandai team revoke <dir> --name NAME
  tandai team members <dir>
  tandai team join <link> <dir> --token TOKEN   (the link invite printed; a full copy that works offline)
  tandai team sync <dir> [--timeout SECONDS]   (send and receive until converged, then exit)
  tandai team status <dir>
  Add --json for machine-readable output. sync exits 2 when no server instance can be reached
  (your changes stay safe locally) and 3 when the server refuses the token.`,
  serving: "Team server listening on {{url}} (data: {{store}}{{redis}}). Stop it with Ctrl+C.",
  redisNote: ", shared through Redis {{url}}",
  adminTokenGenerated: "Admin token (shown only now; the server keeps only its hash — store it safely):\n  {{token}}",
  shared_one: "Shared “{{name}}” on {{server}} as project {{projectId}}; you are its owner, “{{member}}”. {{count}} document text sent.",
  shared_other: "Shared “{{name}}” on {{server}} as project {{projectId}}; you are its owner, “{{member}}”. {{count}} document texts sent.",
  invited: "Invited “{{name}}” as {{role}}. Their token (shown only now):\n  {{token}}\nThey join with:\n  tandai team join {{link}} <folder> --token {{token}}",
  revoked: "Revoked the token of “{{name}}”: they can no longer connect.",
  member: "{{name}} ({{role}}), invited {{createdAt}}",
  memberRevoked: "{{name}} ({{role}}), invited {{createdAt}}, revoked {{revokedAt}}",
  joined_one: "Joined “{{name}}” into {{dir}} as {{member}} ({{role}}): {{count}} document. It works offline; run tandai team sync to exchange changes.",
  joined_other: "Joined “{{name}}” into {{dir}} as {{member}} ({{role}}): {{count}} documents. It works offline; run tandai team sync to exchange changes.",
  synced: "Synced with {{server}}: {{pushed}} sent, {{pulled}} received, {{textsSent}} sent, {{textsReceived}} received.",
  conflicts_one: "{{count}} conflict to look at (open the project in Tandai).",
  conflicts_other: "{{count}} conflicts to look at (open the project in Tandai).",
  status: {
    synced: "Synced (last at {{at}}) with {{server}}, as {{member}} ({{role}}).",
    waiting_one: "{{count}} change waiting to be sent (last synced {{at}}) to {{server}}, as {{member}} ({{role}}).",
    waiting_other: "{{count}} changes waiting to be sent (last synced {{at}}) to {{server}}, as {{member}} ({{role}}).",
    never: "never",
  },
  errors: {
    unknownSubcommand: "Unknown team command “{{command}}”. Run tandai team to see the commands.",
    missingOption: "{{option}} is missing.",
    missingArgument: "tandai team {{command}} needs {{argument}}.",
    badPort: "--port “{{value}}” is not a port number (0–65535).",
    oneStore: "Give exactly one of --sqlite FILE or --postgres URL: where the server keeps projects.",
    badUrl: "{{option}} “{{value}}” is not a valid address; it must start with {{expected}}.",
    shortAdminToken_one: "TANDAI_TEAM_ADMIN_TOKEN is {{count}} character long; use at least 16 random characters.",
    shortAdminToken_other: "TANDAI_TEAM_ADMIN_TOKEN is {{count}} characters long; use at least 16 random characters.",
    sqliteOpen: "The SQLite database {{file}} could not be opened: {{detail}}.",
    postgresOpen: "PostgreSQL at {{url}} could not be used: {{detail}}.",
    redisUnreachable: "Redis at {{url}} does not answer: {{detail}}.",
    badServer: "{{option}} “{{value}}” is not a team server address (ws://, wss://, http:// or https://, without query or password).",
    badJoinLink: "“{{value}}” is not a join link: it is the server address followed by /<project id>, as tandai team invite prints it.",
    badRole: "--role must be coder or viewer.",
    notShared: "{{dir}} is not a team project: it has no team.json (share it with tandai team share, or join one with tandai team join).",
    badTeamFile: "{{file}} is damaged: {{detail}}.",
    badReplica: "{{file}} is damaged: {{detail}}. Delete it and join the project again into a new folder.",
    noReplica: "{{dir}} has team.json but no team.replica: join the project again into a new folder.",
    alreadyShared: "{{dir}} is already shared (project {{projectId}}).",
    folderNotEmpty: "{{dir}} is not empty: join into a new or empty folder.",
    emptyShare: "The project {{projectId}} on {{server}} holds nothing yet: its owner's share did not finish.",
    unreachable: "The team server {{server}} cannot be reached ({{detail}}). Your changes are kept locally; sync again when it is back.",
    tokenRefused: "The team server {{server}} refused the token: it is wrong, revoked, or for another project.",
    adminRefused: "The team server {{server}} refused the admin token.",
    roleRefused: "Your role does not allow this on {{server}}: only the project's owner invites and revokes, and a viewer cannot send texts.",
    roleChanged: "team.json says your role is {{role}}, but the server says {{now}}: join the project again.",
    nameTaken: "A member named “{{name}}” already exists in this project (a revoked name cannot be reused).",
    noSuchMember: "No member named “{{name}}” with a valid token in this project.",
    badMemberName: "A member's name must be 1 to 200 characters, without control characters.",
    noSuchText: "The server does not have the text {{hash}}: its sender has not synced it yet.",
    hashMismatch: "The server refused the text {{hash}}: its bytes do not match its hash.",
    textTooLarge: "The text {{hash}} is larger than the server accepts.",
    textCorrupt: "The text of document {{document}} from the server does not match its hash {{hash}}: nothing of it was written.",
    serverStatus: "The team server {{server}} answered {{status}} to {{path}}.",
    timeout: "No sync with {{server}} within {{seconds}} s.",
    connectionLost: "The connection to {{server}} ended before the sync finished.",
    serverStoreFailed: "The team server {{server}} could not write to its database; the sync is not finished.",
    badTimeout: "--timeout “{{value}}” is not a number of seconds.",
  },
};
