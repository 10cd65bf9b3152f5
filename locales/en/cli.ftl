# heshu's cli (en)

## heshu explain
explain-no-rule = no rule `{ $rule }` (`heshu rules` lists them)
explain-bad = Draws it:
explain-good = Does not draw it:
