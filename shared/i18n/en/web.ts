/** The local web server's refusals (electron/web): each says what in the request is wrong. */
export default {
  errors: {
    badJson: "The request {{channel}} is not valid JSON ({{detail}}).",
    badEncoding: "The request {{channel}} is not UTF-8 text.",
    badBytes: "The data of the file “{{file}}” in the request {{channel}} is not valid base64; the file was not imported.",
    badAddress: "The address “{{path}}” has a malformed %-escape.",
    badHost: "The request has {{count}} Host headers; it must have exactly one.",
    wrongHost: "This server does not answer for “{{host}}”.",
    badOrigin: "Requests from the page “{{origin}}” are not allowed: only Tandai's own page may use this server.",
  },
};
