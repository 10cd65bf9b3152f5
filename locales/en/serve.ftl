# heshu's serve (en)

## The page (src/serve/page/index.html).
page-lang = en
page-title = heshu · checking the figures of a report
page-tagline = Checks the figures of a report: totals and their parts, shares, per-capita figures, 分别 lists, growth, dates, placeholders left unfilled… The document is read by heshu on this computer only, and is sent nowhere else.
page-drop = Drop a Word document (.docx), a text (.txt) or a Markdown (.md) file here, or
page-choose = choose a file
page-limit = Files up to { $limit } MB. Save .doc and .wps files as .docx in Word or WPS first.
page-paste-summary = or paste text
page-paste-placeholder = Paste the report's text here
page-paste-button = Check the pasted text
page-rules-summary = Rules (untick one to switch it off for this session)
page-download = Download a Word copy with comments
page-doc-label = Document
page-list-label = Findings

## The page's script (src/serve/page/app.js): { $x } arguments become {x} for the script; $count
## chooses a plural (rendered once for 1, once for more).
js-error = error
js-warning = warning
js-info = info
js-off-in-config = {" "}(off in the configuration)
js-too-large = “{ $name }” is { $size } MB, more than the { $limit } MB limit
js-checking = Checking “{ $name }”…
js-no-connection = Cannot reach heshu ({ $error }): is heshu serve still running?
js-no-connection-short = Cannot reach heshu ({ $error })
js-unreadable-answer = heshu's answer could not be read (HTTP { $status })
js-failed = Something went wrong (HTTP { $status })
js-checked = Checked “{ $name }”: { $lines } { $count ->
    [one] paragraph
   *[other] paragraphs
} in { $ms } ms
js-clean = No problems found
js-found = { $total } { $count ->
    [one] problem
   *[other] problems
}:
js-badge-error = { $n } { $count ->
    [one] error
   *[other] errors
}
js-badge-warning = { $n } { $count ->
    [one] warning
   *[other] warnings
}
js-badge-info = { $n } info
js-where = line { $line }
js-annotating = Writing the copy with comments…
js-downloaded = Downloaded “{ $name }”: each finding is a comment in Word
js-pasted-name = pasted text.txt

## The server's answers (src/serve).
serve-no-page = No such page
serve-wrong-host = This address is not this heshu page's: open the address heshu serve printed
serve-no-token = The request lacks this page's credentials: upload files from the address heshu serve printed
serve-too-large = The file is larger than the { $limit } MB limit
serve-check-failed = The check failed
serve-annotate-failed = The copy with comments could not be written
serve-unparsable = “{ $name }” could not be read: its content cannot be parsed
serve-internal = Checking “{ $name }” failed: please report this file to heshu's maintainers
serve-no-result = The result could not be written: { $error }
serve-docx-only = Only Word documents (.docx) can be downloaded with comments
serve-binary = “{ $name }” is neither a text file nor a Word document: choose a .docx, .txt or .md file
serve-empty = “{ $name }” is empty
serve-unsupported = The .{ $extension } format cannot be read: save it as .docx in Word or WPS, then upload it again
serve-undecodable = The encoding of “{ $name }” cannot be recognised: save it as UTF-8 text or .docx
serve-unreadable = “{ $name }” cannot be read ({ $error })
serve-docx-zip = “{ $name }” is not a readable Word document (.docx): the file may be damaged, incomplete, or not a Word file
serve-docx-no-document = “{ $name }” has no Word body: it is not a Word document
serve-docx-too-large = “{ $name }” is too large once unpacked and was refused (possibly a “zip bomb”)
serve-docx-xml = The body of “{ $name }” cannot be parsed: the Word document may be damaged
serve-no-browser = cannot open a browser ({ $error }); open { $url } yourself
