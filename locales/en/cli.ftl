# heshu's cli (en)

## heshu explain
explain-no-rule = no rule `{ $rule }` (`heshu rules` lists them)
explain-bad = Draws it:
explain-good = Does not draw it:

## Command-line help (src/cli_help.rs). Choices and defaults are part of the help text.
cli-about = 核数 heshu: a linter for the figures in Chinese reports
cli-usage = heshu [OPTIONS] <COMMAND>
cli-usage-heading = Usage:{" "}
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-heading-commands = Commands
cli-help = Print help
cli-version = Print version
cli-help-command = Print this message or the help of the given command
cli-lang = The language heshu writes in: zh or en (default: HESHU_LANG, the configuration's `lang`, the locale, else zh)
cli-value-lang = LANG
cli-value-paths = PATHS
cli-value-path = PATH
cli-value-format = FORMAT
cli-value-fail-on = SEVERITY
cli-value-color = WHEN
cli-value-file = FILE
cli-value-glob = GLOB
cli-value-name = NAME
cli-value-port = PORT
cli-value-host = ADDRESS
cli-value-rule = RULE

cli-check-about = Check reports for figures that do not add up, placeholders, broken structure
cli-check-usage = heshu check [OPTIONS] [PATHS]...
cli-check-paths = Files or directories to check (`-` reads standard input; default: the current directory)
cli-check-format = Output format: human, json, sarif, github, concise (default: human)
cli-check-fail-on = Exit with status 1 when a finding at or above this severity is found: error, warning, info, never (default: the configuration's `fail-on`, else warning)
cli-check-color = Colour in human output: auto, always, never (default: auto)
cli-check-config = Use this configuration file instead of discovering heshu.toml
cli-check-isolated = Ignore every configuration file
cli-check-globs = Files to check when walking directories (`!GLOB` excludes); replaces `include`
cli-check-statistics = Print a count of findings per rule instead of the findings
cli-check-baseline = Report only findings that this baseline file does not hold
cli-check-write-baseline = Record today's findings in this baseline file and exit 0
cli-check-no-progress = Never show a progress bar
cli-check-annotate = Write a copy of the (one) .docx checked to FILE with a Word comment on each finding; the original is never touched
cli-check-encoding = Decode text files with this encoding (utf-8, gbk, gb18030, utf-16le, …) instead of detecting it
cli-check-no-mmap = Never map a file into memory (a large UTF-8 file named alone is otherwise read where it lies: faster, but a file truncated meanwhile ends the run)

cli-claims-about = List the claims (figures with value, unit and interval) heshu reads in a file
cli-claims-usage = heshu claims [OPTIONS] <PATH>
cli-claims-path = The file (`-` reads standard input)
cli-claims-format = Output format: human, json (default: human)
cli-claims-encoding = Decode with this encoding instead of detecting it

cli-lsp-about = Serve the Language Server Protocol over stdio, for editors
cli-lsp-usage = heshu lsp

cli-serve-about = Serve a web page on this machine where a report can be dropped and its figures checked (the document never leaves the machine). Ctrl-C stops it
cli-serve-usage = heshu serve [OPTIONS]
cli-serve-port = The port to listen on (default: 8470; 0: any free port)
cli-serve-host = The address to listen on (default: 127.0.0.1). Anything but the loopback address lets other machines use the page, which has no login
cli-serve-open = Open the page in the default browser
cli-serve-config = Use this configuration file instead of discovering heshu.toml from the current directory
cli-serve-isolated = Ignore configuration files

cli-rules-about = List every rule: id, default severity, summary
cli-rules-usage = heshu rules

cli-explain-about = Explain a rule, with its examples
cli-explain-usage = heshu explain <RULE>
cli-explain-rule = The rule id

## Errors and notes of the command line (the system's own words after them).
error-write-output = cannot write output: { $error }
error-sarif = cannot write SARIF: { $error }
error-claims = cannot serialise the claims: { $error }
annotate-one-docx = name exactly one .docx to annotate
annotate-not-docx = { $path } is not a .docx
annotate-same-file = the copy must not replace the original
annotate-not-checked = { $path } could not be checked
annotate-written = wrote { $path } with { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
baseline-unreadable = cannot read baseline: { $error }
baseline-invalid = not a heshu baseline: { $error }
baseline-version = baseline version { $version } is not supported
baseline-unwritable = cannot write baseline: { $error }
baseline-written = recorded { $count ->
    [one] 1 finding
   *[other] { $count } findings
} in { $path }
serve-warning-host = warning: listening on { $host }: the page has no login, and anyone who can reach this address can use it
serve-error-runtime = cannot start the server: { $error }
serve-error-bind = cannot listen on { $address }: { $error }
serve-error-stopped = the server stopped: { $error }
