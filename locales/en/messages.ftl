# heshu's messages (en)
# Messages of findings, their help and their labels. Figures and computations come in as
# arguments ($figure, $computed …), shown as the document wrote them.

## Amounts (rules/common.rs): how an interval is said after a figure or a computation.
amount-is = is { $a }
amount-between = is between { $a } and { $b }
amount-at-least = is at least { $a }
amount-above = is more than { $a }
amount-at-most = is at most { $a }
amount-below = is less than { $a }
amount-unbounded = is unbounded
# Units heshu writes itself (not the document's).
unit-points = {" "}percentage points
unit-times = {" "}times
unit-kg-per-mu = {" "}kg/mu
unit-ten-thousand-people = {" "}× 10,000 people

## What a figure is in a computation.
name-part = part
name-base = base
name-share = share
name-total = total
name-count = count
name-average = average
label-named = { $name } { $figure }

## A stated result that is not numerator ÷ denominator (share-mismatch, per-capita-mismatch).
quotient-message = { $name } { $figure } does not match { $numerator } ÷ { $denominator }
quotient-help = { $formula } { $computed }, but the stated { $name } { $stated }
label-from = from { $figure }
label-to = to { $figure }

## conflicting-figure
conflicting-figure-message = { $subject } differs: { $first } earlier (line { $line }), { $here } here
conflicting-figure-help = “{ $subject }” appears twice in the file for the same time, with values that cannot both hold ({ $first } and { $here }): check them and make them agree, or say how their scope or time differs
conflicting-figure-label-first = earlier { $figure }
conflicting-figure-label-here = here { $figure }

## date-mismatch
date-mismatch-review-message = the title reviews { $reviewed }, but the opening of the text is about { $year }
date-mismatch-review-help = the title “{ $title }” reviews { $reviewed }, but the opening “{ $opening }” writes { $year }: was the year carried over from another year's draft?
date-mismatch-review-label-title = title: { $year }
date-mismatch-review-label-opening = text: { $year }
date-mismatch-same-year-message = a change that starts and ends in the same year: from { $from } in { $start } to { $to } in { $end }
date-mismatch-same-year-help = a year to itself is no change: check both years; one of them is probably { $before } or { $after }
date-mismatch-label-start-year = start year
date-mismatch-label-end-year = end year, the same as the start year
date-mismatch-anniversary-message = { $year } is not { $count } years after { $name }
date-mismatch-anniversary-help = { $name } was in { $event_year }: { $event_year } + { $count } = { $expected }; { $year } is { $actual } years after it
date-mismatch-anniversary-label-year = { $year }
date-mismatch-anniversary-label-count = { $count } years ({ $count }{ $word })
either-or = { $a } or { $b }
label-listed = lists { $counted } { $max ->
    [one] item
   *[other] items
}

## duplicate-paragraph
duplicate-paragraph-message = { $count ->
    [one] a paragraph repeated: the same as one before it
   *[other] { $count } paragraphs in a row repeated: the same as before
}
duplicate-paragraph-help = delete the repeated paragraph, or rewrite one of the two
duplicate-sentence-message = { $count ->
    [one] a long sentence repeated: the same as one before it
   *[other] { $count } long sentences repeated: the same as before
}
duplicate-sentence-help = delete the repeated sentence, or rewrite one of the two
duplicate-label-first = first written here
duplicate-label-again = written again
duplicate-label-first-numbered = first written here ({ $number })
duplicate-label-again-numbered = written again ({ $number })

## enumeration-count
enumeration-count-message = the count { $figure } does not match the { $counted } { $max ->
    [one] item
   *[other] items
} listed
enumeration-count-help = { $counted } { $max ->
    [one] item is
   *[other] items are
} listed ({ $list }), but the count says { $n }
enumeration-count-label-count = count { $n }
enumeration-count-empty-message = an empty item in a list: nothing between two enumeration commas (、)
enumeration-count-empty-help = add the missing item, or delete the extra comma; if a count follows the list, check it too
enumeration-count-empty-label = empty item

## growth-mismatch
growth-mismatch-compound-formula = (({ $to } ÷ { $from }) to the power 1/{ $years } − 1) × 100% (per year over { $years } { $years ->
    [one] year
   *[other] years
})
growth-mismatch-times = {" "}multiple
growth-mismatch-yearly-fall = {" "}yearly fall
growth-mismatch-yearly-growth = {" "}yearly growth
growth-mismatch-fall = {" "}fall
growth-mismatch-growth = {" "}growth
growth-mismatch-message = the change { $change } does not match the two figures it is between
growth-mismatch-help = { $formula } { $computed }, but the stated{ $direction } { $stated }
growth-mismatch-label-change = stated change { $figure }
growth-mismatch-level-message = the change { $change } does not match { $level } and its change { $amount }
growth-mismatch-label-level = level { $figure }
growth-mismatch-label-amount = change in amount { $figure }

## heading-sequence
heading-sequence-carried-message = the subheading { $heading } continues the numbering of the section before instead of starting again at 1
heading-sequence-carried-help = under a new heading, subheadings start again at 1
heading-sequence-style-message = headings of one level numbered in different styles: { $heading } after { $previous }
heading-sequence-style-help = headings of the same level as { $previous } should be numbered in the same style
heading-sequence-repeated-message = heading number repeated: { $previous } appears twice
heading-sequence-consecutive-help = headings of one level are numbered consecutively
heading-sequence-backwards-message = heading numbers go backwards: { $heading } after { $previous }
heading-sequence-skipped-message = heading numbers skip: { $heading } after { $previous }
heading-sequence-skipped-help = headings of one level are numbered consecutively: { $missing ->
    [one] one number is
   *[other] { $missing } numbers are
} missing after { $previous }
heading-sequence-label-previous = previous heading { $heading }
heading-sequence-label-this = this heading { $heading }

## malformed-number
malformed-number-message = the number { $figure } is malformed: { $what }
malformed-number-help-meant = meant “{ $meant }”? Check the source and add what is missing
malformed-number-help = check the source data and write the number in full
malformed-empty-group = no digits after a thousands separator
malformed-leading-point = no digit before the decimal point
malformed-doubled-point = the decimal point is doubled
malformed-two-points = two decimal points in one number
malformed-run-together-date = a date without 年 and 月: its numbers run together
malformed-run-together-month-day = a date without 月: its numbers run together

## missing-number
missing-number-message = no number before “{ $unit }”
missing-number-help = a number belongs here (as in “12{ $unit }”): it may have been deleted while editing, or a template was not filled in
missing-number-label = number missing
missing-number-pair-message = no numbers before “{ $first }” and “{ $second }”
missing-number-pair-help = the numbers of households and persons belong here (as in “12{ $first }35{ $second }”): they may have been deleted while editing, or a template was not filled in
missing-number-label-households = number of households missing
missing-number-label-persons = number of persons missing

## out-of-range
out-of-range-rate-message = { $rate } { $figure } is above 100%
out-of-range-rate-help = { $rate } cannot be above 100%; the value written { $stated }
out-of-range-hours-message = { $figure } for { $word }: more hours than a day has
out-of-range-hours-help = a day has only { $most } hours
out-of-range-hours-label = hours { $word }
out-of-range-days-message = { $figure } for { $word }: more days than a year has
out-of-range-days-help = a year has at most { $most } days
out-of-range-days-label = days { $word }
out-of-range-no-month = there is no month { $month }
out-of-range-no-day = month { $month } has only { $days } days, no day { $day }
out-of-range-no-day-in-any-month = no month has a day { $day }
out-of-range-date-message = the date { $figure } does not exist
out-of-range-date-label = date

## part-exceeds-whole
label-whole = whole { $figure }
label-part = part { $figure }
part-exceeds-whole-message = the part { $part } is larger than its whole { $whole }
part-exceeds-whole-help = the part { $part }, but the whole { $whole }
part-exceeds-whole-listed-message = the items listed with 分别 add up to more than their total { $whole }
part-exceeds-whole-defined-message = the parts add up to more than the whole they belong to, { $whole }
part-exceeds-whole-parts-message = the parts after 其中 add up to more than their whole { $whole }
part-exceeds-whole-breakdown-message = the parts in brackets add up to more than their whole { $whole }
part-exceeds-whole-parts-help = { $sum } { $computed }, but the whole { $whole }

## placeholder
placeholder-message = placeholder { $what } left unfilled: an actual number or name belongs here
placeholder-help = replace the placeholder with a checked number or name before submitting
placeholder-label = placeholder

## per-capita-mismatch
per-capita-fewer-message = fewer persons ({ $persons }) than households ({ $households })
per-capita-fewer-help = every household has at least one person: { $households } means at least { $least } persons, but { $persons } is written, less than one a household
per-capita-label-households = households { $figure }
per-capita-label-persons = persons { $figure }

## percentage-point
percentage-point-message = a change of a share or rate written as { $written }: meant “{ $value }个百分点” (percentage points)?
percentage-point-help = the difference of two percentages is written in percentage points (个百分点); “{ $written }” reads as a relative change ({ $written } of the earlier value). If a relative change is meant, say so (相对下降) or give both values
percentage-point-label = change of a percentage

## residue
list-separator = {", "}
residue-message = web page residue or editing marks that do not belong in a report: { $kinds }
residue-help = delete reprint notices, source notes, web addresses and editing marks

## respectively-arity
respectively-arity-message = { $counted } { $max ->
    [one] item is
   *[other] items are
} listed before 分别, but { $n } { $n ->
    [one] value follows
   *[other] values follow
}
respectively-arity-help = { $counted } items ≠ { $n } values: add the missing values or delete the extra ones, so that each item has one value
respectively-arity-label-value = value { $number }

## share-mismatch
label-share = share { $figure }
label-base = base { $figure }
label-total = total { $figure }
share-mismatch-composition-message = { $share } in the composition { $composition } does not match { $part } ÷ { $base }
share-mismatch-composition-help = { $part } ÷ { $base } × 100% { $computed }, but the stated share { $stated }
share-mismatch-label-same-base = share of the same base { $figure }
share-mismatch-base-message = the share { $share } implies another base than the other shares of its sentence
share-mismatch-pair-message = the shares { $first } and { $second } are of the parts of one whole, but imply different bases
share-mismatch-base-help = the base from { $part } ÷ { $share } { $base_computed }, while the base from { $others } { $common_computed }
share-mismatch-rate-message = the rate { $rate } does not match the figures given
share-mismatch-rate-help = { $formula } { $computed }, but the stated rate { $stated }
share-mismatch-label-not-counted = not counted { $figure }
share-mismatch-label-counted = counted { $figure }
share-mismatch-label-rate = rate { $figure }

## sum-mismatch
sum-mismatch-message = the parts do not add up to the total { $total }
sum-mismatch-help = { $sum } { $computed }, but the total { $total }
sum-mismatch-identity-help = { $help } (by statistical definition, the total is the sum of these parts)
sum-mismatch-label-rest = rest { $figure }
sum-mismatch-label-group = group { $figure }
sum-mismatch-share-sum = the shares
sum-mismatch-share-change-sum = the changes of the shares
sum-mismatch-dimension-age = ages
sum-mismatch-dimension-value = values
sum-mismatch-partition-message = of the groups { $groups }, { $what } should add up to { $target }
sum-mismatch-partition-help = the groups cover all { $dimension }, so { $what } add up to { $target }: { $sum } { $computed }
sum-mismatch-composition-message = the terms of the composition { $figure } do not add up to 100
sum-mismatch-composition-help = { $sum } { $computed }, but the terms should add up to 100
sum-mismatch-composition-label = composition
sum-mismatch-difference-message = { $total } is not { $minuend } less { $subtrahend }
sum-mismatch-difference-help = { $minuend } − { $subtrahend } { $computed }, but the figure stated { $total } (by statistical definition, it is the difference of the two)
sum-mismatch-label-difference = difference { $figure }
sum-mismatch-label-minuend = minuend { $figure }
sum-mismatch-label-subtrahend = subtracted { $figure }

## unused-suppression
unused-suppression-message = a heshu-ignore comment with no effect: the rules it silences found nothing here
unused-suppression-help = delete the comment
unused-suppression-unknown-message = a heshu-ignore comment names unknown rules: { $rules }
unused-suppression-unknown-help = `heshu rules` lists every rule
unused-suppression-label = suppression comment

## truncated
truncated-section-message = the last paragraph of this section breaks off mid-sentence: its end is missing before the next heading
truncated-message = the document breaks off mid-sentence: its last paragraph has no closing punctuation
truncated-help = the paragraph ends with “{ $tail }”; complete what was cut off, or delete the broken sentence
truncated-label = breaks off here
truncated-heading-message = the document ends at the heading “{ $heading }”, with nothing under it
truncated-heading-help = write the section, or delete the heading
truncated-heading-label-number = heading number
truncated-heading-label-title = nothing follows

## unit-mismatch
unit-mismatch-message = the magnitude or unit of { $figure } does not match the figures of its group: meant { $meant }?
unit-mismatch-label-slip = { $figure }: meant { $meant }?
unit-mismatch-label-like = a figure of the same group, written { $figure }
unit-mismatch-total-help = as written, the parts add up to { $computed }, but the total is { $figure }; a total of { $meant } would match them
unit-mismatch-part-help = as written, { $sum } { $computed }, but the total { $total }; with { $figure } as { $meant }: { $corrected } { $corrected_sum }, which matches the total
unit-mismatch-yield-far-below = far below
unit-mismatch-yield-far-above = far above
unit-mismatch-yield-at-least = at least { $least } kg/mu
unit-mismatch-yield-at-most = at most { $most } kg/mu
unit-mismatch-yield-message = a yield of { $crop } of about { $about } kg/mu, { $what } any crop's: is the unit or magnitude of the output or the area wrong?
unit-mismatch-yield-help = { $output } ÷ { $area } { $computed } (yield of { $crop }); every crop yields { $bound }
unit-mismatch-label-output = output of { $crop } { $figure }
unit-mismatch-label-area = area of { $crop } { $figure }
unit-mismatch-population-message = { $figure } is more than { $times } times the population of { $area }: is its unit or magnitude wrong?
unit-mismatch-population-help = { $population }; a place counts at most { $most } { $unit } per resident
unit-mismatch-population-stated = the population of { $area } is { $figure }
unit-mismatch-population-computed = the population of { $area } is about { $output } ÷ { $head } { $computed }
