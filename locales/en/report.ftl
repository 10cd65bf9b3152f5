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
