# heshu's report (en)

## The summary line of `heshu check`.
summary-none-checked = No file checked: { $unreadable ->
    [one] 1 file could not be read.
   *[other] { $unreadable } files could not be read.
}
summary-unreadable-rest-clean = { $unreadable ->
    [one] 1 file could not be read and was not checked
   *[other] { $unreadable } files could not be read and were not checked
}; no problems found in the { $checked ->
    [one] 1 file
   *[other] { $checked } files
} checked.
summary-files = { $checked ->
    [one] 1 file
   *[other] { $checked } files
} checked
summary-files-unreadable = { $checked ->
    [one] 1 file
   *[other] { $checked } files
} checked, { $unreadable } not readable and not checked
summary-clean = No problems found ({ $files }).
summary-found = Found { $total ->
    [one] 1 problem
   *[other] { $total } problems
}: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}, { $infos } info ({ $files }).

## Configuration errors (the TOML parser's own words are shown as they are).
config-invalid = invalid configuration { $path }
config-help = `heshu help check` and README.md list the configuration keys
config-here = here
config-unreadable = cannot read: { $error }
config-unknown-rule = unknown rule `{ $rule }` (`heshu rules` lists them)
config-identity-unnamed-whole = identity { $identity }: the whole needs a name
config-identity-too-few-parts = identity { $identity }: at least two parts are needed
config-identity-unnamed-part = identity { $identity }: every part needs a name
config-identity-difference-of-two = identity { $identity }: a difference needs exactly two parts (the whole is the first less the second)

## Inputs that cannot be read (the system's or a decoder's own words after them).
source-unreadable = { $path }: cannot read: { $error }
source-undecodable = { $path }: cannot decode: { $reason }
source-binary = { $path }: binary file (NUL byte at offset { $offset }), not a text report
source-empty = { $path }: empty file
source-unsupported = { $path }: unsupported format .{ $extension }: save as .docx
source-unknown-encoding = unknown encoding `{ $encoding }` (try utf-8, gbk, gb18030, utf-16le, utf-16be)
docx-zip = not a readable .docx (zip): { $detail }
docx-no-document = no word/document.xml: not a Word document
docx-too-large = refused: { $detail }
docx-xml = word/document.xml is not well-formed XML: { $detail }
internal-error = internal error ({ $message }); please report it with the file that caused it

## The language server (heshu lsp).
lsp-unhandled = heshu does not handle { $method }
lsp-no-diagnostics = { $uri }: internal error ({ $error }); no diagnostics
lsp-rule-panicked = rule { $rule } met an internal error: { $message }
lsp-action-ignore = ignore this finding ({ $rule }) in the baseline
lsp-action-suppress = suppress { $rule } on this line

## Human output (miette).
# What stands before the help, as wide as miette's `help: ` (8 columns with its indent).
human-help = help:{" "}
human-labels-not-shown = { $count ->
    [one] 1 more label is not shown here
   *[other] { $count } more labels are not shown here
}
