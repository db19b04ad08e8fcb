export default {
  errors: {
    unsupported: "“{{file}}” cannot be imported: unsupported type (supported: .txt, .md, .docx, .pdf). Save it in one of these formats and import it again.",
    empty: "“{{file}}” is empty (0 bytes). Check that you chose the right file.",
    noText: "“{{file}}” contains no text to import.",
    tooLarge: "“{{file}}” is too large to import ({{size}} MB; the limit is {{max}} MB). Split it into smaller files.",
    notAFile: "“{{file}}” is not a regular file (a folder, a pipe or a device) and cannot be imported.",
    notFound: "“{{file}}” was not found. It may have been moved, renamed or deleted.",
    unreadable: "“{{file}}” could not be read: {{detail}}",
    notText:
      "“{{file}}” does not look like text: it contains binary data. If it is a Word or PDF file, give it the right extension (.docx, .pdf); otherwise save it as plain text (UTF-8) and import it again.",
    badEncoding:
      "“{{file}}” starts with a {{encoding}} marker but its contents are not valid {{encoding}}. Open it in a text editor and save it again as UTF-8.",
    docxInvalid:
      "“{{file}}” is not a valid Word document (.docx): it may be damaged, incomplete or a different kind of file. Open it in Word and save it again as .docx (old .doc files must be saved as .docx first).",
    pdfInvalid:
      "“{{file}}” is not a valid PDF: it may be damaged or incomplete. Open it in a PDF reader and save or export it again.",
    pdfEncrypted:
      "“{{file}}” is password-protected. Remove the password (for example, print it to a new PDF) and import it again.",
    pdfNoText:
      "“{{file}}” has no text layer (scanned?) – run OCR first (for example in your PDF reader or a free OCR tool), then import the result.",
    codebookNotXml:
      "“{{file}}” is not a readable XML file (it breaks at line {{line}}). Export the codebook again from your QDA program as a REFI-QDA codebook (.qdc).",
    codebookNotCodebook:
      "“{{file}}” is XML but not a REFI-QDA codebook (no CodeBook element). Export the codebook from your QDA program as a REFI-QDA codebook (.qdc).",
    codebookNoName: "A code in “{{file}}” has no name ({{detail}} in the code tree). Give every code a name and export the codebook again.",
    codebookEmpty: "“{{file}}” contains no codes to import.",
    unknownEncoding: "“{{file}}” could not be read as “{{encoding}}”: no such text encoding. Choose one from the list (for example UTF-8, Windows-1252, EUC-KR, GB18030, Shift_JIS, KOI8-R).",
    tooManyParagraphs:
      "“{{file}}” has too many paragraphs to import ({{count}}; the limit is {{max}}). It is probably not a real document; if it is, split it into smaller files.",
    tooLargeUnpacked:
      "“{{file}}” is too large once unpacked: its compressed contents would take {{size}} MB or more (the limit is {{max}} MB). It may be deliberately malformed; if it is a real document, save it again or split it.",
    outOfMemory:
      "“{{file}}” is too large once unpacked: reading it needed more than the {{max}} MB of memory an import may use. It may be deliberately malformed; if it is a real document, split it into smaller files.",
    tooSlow: "“{{file}}” took too long to import (more than {{seconds}} seconds) and was stopped. It may be damaged or malformed; save it again or split it.",
    damaged:
      "“{{file}}” is damaged: the checksum of its part “{{detail}}” does not match, so its text may have changed. Open it in Word and save it again, or use an undamaged copy.",
    bombRatio:
      "“{{file}}” is too large once unpacked: its part “{{detail}}” would grow {{ratio}} times, to {{size}} MB, which only a deliberately malformed file (a decompression bomb) does. It was not unpacked.",
    tooManyPages: "“{{file}}” has too many pages to import ({{count}}; the limit is {{max}}). Split it into smaller files.",
    duplicate: "“{{file}}” has exactly the same text as “{{title}}”, already in the project. It was not imported again.",
  },
  notices: {
    encodingAssumed:
      "“{{file}}” did not say how its text is encoded; it was read as {{encoding}}. If letters look wrong, choose its encoding and import it again.",
    badBytesReplaced_one:
      "“{{file}}” was read as {{encoding}}, but {{count}} byte in it was not valid {{encoding}} and shows as “�”. If more looks wrong, choose its encoding and import it again.",
    badBytesReplaced_other:
      "“{{file}}” was read as {{encoding}}, but {{count}} bytes in it were not valid {{encoding}} and show as “�”. If more looks wrong, choose its encoding and import it again.",
    pdfRepaired: "“{{file}}” is damaged and had to be repaired while reading ({{detail}}). Check that no pages or lines are missing.",
  },
  /** The import report's choices. */
  report: {
    encoding: "Encoding",
    importAgain: "Import again with this encoding",
    importAnyway: "Import anyway",
    skip: "Skip",
    skipped: "Skipped.",
  },
} as const;
