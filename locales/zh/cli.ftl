# heshu's cli (zh)

## heshu explain
explain-no-rule = 没有规则 `{ $rule }`（`heshu rules` 列出所有规则）
explain-bad = 触发此规则：
explain-good = 不触发此规则：
