# heshu's messages (zh)
# Messages of findings, their help and their labels. Figures and computations come in as
# arguments ($figure, $computed …), shown as the document wrote them.

## Amounts (rules/common.rs): how an interval is said after a figure or a computation.
amount-is = 为 { $a }
amount-between = 在 { $a } 至 { $b } 之间
amount-at-least = 不少于 { $a }
amount-above = 大于 { $a }
amount-at-most = 不超过 { $a }
amount-below = 小于 { $a }
amount-unbounded = 不定
# Units heshu writes itself (not the document's).
unit-points = 个百分点
unit-times = 倍
unit-kg-per-mu = 公斤/亩
unit-ten-thousand-people = 万人

## What a figure is in a computation.
name-part = 部分
name-base = 基数
name-share = 占比
name-total = 总量
name-count = 计数
name-average = 平均数
label-named = { $name } { $figure }

## A stated result that is not numerator ÷ denominator (share-mismatch, per-capita-mismatch).
quotient-message = { $name } { $figure } 与 { $numerator } ÷ { $denominator } 不符
quotient-help = { $formula } { $computed }，但所写{ $name }{ $stated }
label-from = 起点 { $figure }
label-to = 终点 { $figure }

## conflicting-figure
conflicting-figure-message = { $subject }前后不一：前文（第 { $line } 行）为 { $first }，此处为 { $here }
conflicting-figure-help = 同一文件中“{ $subject }”两次出现，时间相同，数值却不能同时成立（{ $first } 与 { $here }）：核对后统一，或写明口径、时间的不同
conflicting-figure-label-first = 前文 { $figure }
conflicting-figure-label-here = 此处 { $figure }

## date-mismatch
date-mismatch-review-message = 标题为{ $reviewed }年的总结，正文开篇所述却是{ $year }年
date-mismatch-review-help = 标题“{ $title }”回顾 { $reviewed } 年，正文开篇“{ $opening }”写的是 { $year } 年：年份是否沿用了其他年份的稿件？
date-mismatch-review-label-title = 标题：{ $year }年
date-mismatch-review-label-opening = 正文：{ $year }年
date-mismatch-same-year-message = 变化的起止年份相同：由{ $start }年的 { $from } 到{ $end }年的 { $to }
date-mismatch-same-year-help = 一个年份到它自己不是变化：核对两个年份，其中一个多半应为 { $before } 年或 { $after } 年
date-mismatch-label-start-year = 起始年份
date-mismatch-label-end-year = 终止年份，与起始年份相同
date-mismatch-anniversary-message = { $year }年不是{ $name }{ $count }{ $word }
date-mismatch-anniversary-help = { $name }在 { $event_year } 年：{ $event_year } + { $count } = { $expected }，{ $year } 年是{ $name }{ $actual }{ $word }
date-mismatch-anniversary-label-year = { $year }年
date-mismatch-anniversary-label-count = { $count }{ $word }
either-or = { $a } 或 { $b }
label-listed = 列举 { $counted } 项

## duplicate-paragraph
duplicate-paragraph-message = { $count ->
    [1] 段落重复：与前文完全相同
   *[other] 连续 { $count } 个段落重复：与前文完全相同
}
duplicate-paragraph-help = 删去重复的段落，或改写其中一处
duplicate-sentence-message = { $count ->
    [1] 长句重复：与前文完全相同
   *[other] { $count } 个长句重复：与前文完全相同
}
duplicate-sentence-help = 删去重复的句子，或改写其中一处
duplicate-label-first = 第一次出现
duplicate-label-again = 再次出现
duplicate-label-first-numbered = 第一次出现（{ $number }）
duplicate-label-again-numbered = 再次出现（{ $number }）

## enumeration-count
enumeration-count-message = 概括数 { $figure } 与列举的 { $counted } 项不符
enumeration-count-help = 列举了 { $counted } 项（{ $list }），但概括为 { $n } 项
enumeration-count-label-count = 概括数 { $n }
enumeration-count-empty-message = 列举中有空项：两个顿号之间缺少一项
enumeration-count-empty-help = 补上缺少的一项，或删去多余的顿号；若列举后有概括数，一并核对
enumeration-count-empty-label = 空项

## growth-mismatch
growth-mismatch-compound-formula = (({ $to } ÷ { $from }) 开 { $years } 次方 − 1) × 100%（{ $years } 年间每年）
growth-mismatch-times = {""}
growth-mismatch-yearly-fall = 年均下降
growth-mismatch-yearly-growth = 年均增长
growth-mismatch-fall = 下降
growth-mismatch-growth = 增长
growth-mismatch-message = 变化 { $change } 与前后两个数字不符
growth-mismatch-help = { $formula } { $computed }，但所写{ $direction }{ $stated }
growth-mismatch-label-change = 所写变化 { $figure }
growth-mismatch-level-message = 变化 { $change } 与 { $level } 及其变化量 { $amount } 不符
growth-mismatch-label-level = 本期数 { $figure }
growth-mismatch-label-amount = 变化量 { $figure }

## heading-sequence
heading-sequence-carried-message = 下级标题 { $heading } 沿用了上一节的编号，未从 1 重新编号
heading-sequence-carried-help = 新的上级标题之下，下级标题应从 1 开始编号
heading-sequence-style-message = 同一级标题编号格式不一致：{ $previous } 之后是 { $heading }
heading-sequence-style-help = 与 { $previous } 同级的标题应使用相同的编号格式
heading-sequence-repeated-message = 标题编号重复：{ $previous } 出现两次
heading-sequence-consecutive-help = 同一级标题应连续编号
heading-sequence-backwards-message = 标题编号倒退：{ $previous } 之后是 { $heading }
heading-sequence-skipped-message = 标题编号跳号：{ $previous } 之后是 { $heading }
heading-sequence-skipped-help = 同一级标题应连续编号：{ $previous } 之后缺少 { $missing } 个编号
heading-sequence-label-previous = 前一个标题 { $heading }
heading-sequence-label-this = 此标题 { $heading }

## malformed-number
malformed-number-message = 数字 { $figure } 写法错误：{ $what }
malformed-number-help-meant = 应为“{ $meant }”？核对原文，补上缺失的字
malformed-number-help = 核对原始数据，写出完整的数字
malformed-empty-group = 千分位分隔符后没有数字
malformed-leading-point = 小数点前没有数字
malformed-doubled-point = 小数点重复
malformed-two-points = 一个数字中有两个小数点
malformed-run-together-date = 日期缺少“年”“月”，数字连在一起
malformed-run-together-month-day = 日期缺少“月”，数字连在一起

## missing-number
missing-number-message = “{ $unit }”前缺少数字
missing-number-help = 此处应写明数字（如“12{ $unit }”）：数字可能在编辑时被删去，或模板未填写
missing-number-label = 缺少数字
missing-number-pair-message = “{ $first }”“{ $second }”前缺少数字
missing-number-pair-help = 此处应写明户数和人数（如“12{ $first }35{ $second }”）：数字可能在编辑时被删去，或模板未填写
missing-number-label-households = 缺少户数
missing-number-label-persons = 缺少人数

## out-of-range
out-of-range-rate-message = { $rate } { $figure } 超过 100%
out-of-range-rate-help = { $rate }不能超过 100%，所写数值{ $stated }
out-of-range-hours-message = { $word }小时数 { $figure } 超过一天的小时数
out-of-range-hours-help = 一天只有 { $most } 小时
out-of-range-hours-label = { $word }小时数
out-of-range-days-message = { $word }天数 { $figure } 超过一年的天数
out-of-range-days-help = 一年至多 { $most } 天
out-of-range-days-label = { $word }天数
out-of-range-no-month = 不存在 { $month } 月
out-of-range-no-day = { $month } 月只有 { $days } 天，没有 { $day } 日
out-of-range-no-day-in-any-month = 一个月没有 { $day } 日
out-of-range-date-message = 日期 { $figure } 不存在
out-of-range-date-label = 日期

## part-exceeds-whole
label-whole = 整体 { $figure }
label-part = 部分 { $figure }
part-exceeds-whole-message = 部分 { $part } 大于整体 { $whole }
part-exceeds-whole-help = 部分{ $part }，但整体{ $whole }
part-exceeds-whole-listed-message = “分别”所列各项之和大于总数 { $whole }
part-exceeds-whole-defined-message = 各部分之和大于其所属的整体 { $whole }
part-exceeds-whole-parts-message = “其中”各部分之和大于整体 { $whole }
part-exceeds-whole-breakdown-message = 括号内各部分之和大于整体 { $whole }
part-exceeds-whole-parts-help = { $sum } { $computed }，但整体{ $whole }

## placeholder
placeholder-message = 未填写的占位符{ $what }：此处应为实际数字或名称
placeholder-help = 提交前用核实过的数字或名称替换占位符
placeholder-label = 占位符

## per-capita-mismatch
per-capita-fewer-message = 人数 { $persons } 少于户数 { $households }
per-capita-fewer-help = 每户至少有一人：{ $households } 至少有 { $least } 人，但所写为 { $persons }，户均不足一人
per-capita-label-households = 户数 { $figure }
per-capita-label-persons = 人数 { $figure }

## percentage-point
percentage-point-message = 比重或比率的变化写作 { $written }：应为“{ $value }个百分点”？
percentage-point-help = 两个百分数之差用“个百分点”表示；“{ $written }”读作相对变化（原数值的 { $written }）。若指相对变化，可写明“相对下降”或给出前后两个数值
percentage-point-label = 百分数的变化

## residue
list-separator = 、
residue-message = 报告中不应有的网页残留或编辑标记：{ $kinds }
residue-help = 删除转载声明、来源说明、网址和编辑标记

## respectively-arity
respectively-arity-message = “分别”前列举了 { $counted } 项，后面却有 { $n } 个数值
respectively-arity-help = 项数 { $counted } ≠ 数值个数 { $n }：补齐或删去多余的数值，使每项对应一个数值
respectively-arity-label-value = 数值 { $number }

## share-mismatch
label-share = 占比 { $figure }
label-base = 基数 { $figure }
label-total = 总数 { $figure }
share-mismatch-composition-message = 构成比例 { $composition } 中的 { $share } 与 { $part } ÷ { $base } 不符
share-mismatch-composition-help = { $part } ÷ { $base } × 100% { $computed }，但所写占比{ $stated }
share-mismatch-label-same-base = 同一基数的占比 { $figure }
share-mismatch-base-message = 占比 { $share } 与同句其他占比的基数不符
share-mismatch-pair-message = 占比 { $first } 与 { $second } 是同一总体各部分的占比，推算出的基数却不一致
share-mismatch-base-help = { $part } ÷ { $share } 得基数 { $base }，而 { $others } 得基数 { $common }
share-mismatch-rate-message = 比率 { $rate } 与所列数字不符
share-mismatch-rate-help = { $formula } { $computed }，但所写比率{ $stated }
share-mismatch-label-not-counted = 未计入的 { $figure }
share-mismatch-label-counted = 计入的 { $figure }
share-mismatch-label-rate = 比率 { $figure }

## sum-mismatch
sum-mismatch-message = 各部分之和与总数 { $total } 不符
sum-mismatch-help = { $sum } { $computed }，但总数{ $total }
sum-mismatch-identity-help = { $help }（按统计口径，总数等于这些部分之和）
sum-mismatch-label-rest = 其余 { $figure }
sum-mismatch-label-group = 分组 { $figure }
sum-mismatch-share-sum = 比重之和
sum-mismatch-share-change-sum = 比重变化之和
sum-mismatch-dimension-age = 年龄
sum-mismatch-dimension-value = 取值
sum-mismatch-partition-message = { $groups }各组{ $what }应为 { $target }
sum-mismatch-partition-help = 各组覆盖全部{ $dimension }，{ $what }应为 { $target }：{ $sum } { $computed }
sum-mismatch-composition-message = 构成比例 { $figure } 各项之和不等于 100
sum-mismatch-composition-help = { $sum } { $computed }，但各项之和应为 100
sum-mismatch-composition-label = 构成比例
sum-mismatch-difference-message = { $total } 与 { $minuend } 减 { $subtrahend } 之差不符
sum-mismatch-difference-help = { $minuend } − { $subtrahend } { $computed }，但所写之数{ $total }（按统计口径，它等于两者之差）
sum-mismatch-label-difference = 差 { $figure }
sum-mismatch-label-minuend = 被减数 { $figure }
sum-mismatch-label-subtrahend = 减数 { $figure }

## unused-suppression
unused-suppression-message = 未生效的 heshu-ignore 注释：它所屏蔽的规则在此没有发现问题
unused-suppression-help = 删除这条注释
unused-suppression-unknown-message = heshu-ignore 注释中有未知的规则：{ $rules }
unused-suppression-unknown-help = `heshu rules` 列出所有规则
unused-suppression-label = 屏蔽注释

## truncated
truncated-section-message = 本节最后一段在句中中断，下一个标题之前缺少结尾
truncated-message = 文档在句中中断：最后一段没有结束标点
truncated-help = 这一段以“{ $tail }”结束；补全被截断的内容，或删去残句
truncated-label = 在此中断
truncated-heading-message = 文档在标题“{ $heading }”处结束，标题下没有内容
truncated-heading-help = 补全这一节的内容，或删去这个标题
truncated-heading-label-number = 标题编号
truncated-heading-label-title = 其后没有内容

## unit-mismatch
unit-mismatch-message = { $figure } 的数量级或单位与同组数字不符：应为 { $meant }？
unit-mismatch-label-slip = { $figure }：应为 { $meant }？
unit-mismatch-label-like = 同组数字的写法 { $figure }
unit-mismatch-total-help = 按所写，各部分之和 { $computed }，总数却为 { $figure }；总数若为 { $meant }，即与之相符
unit-mismatch-part-help = 按所写，{ $sum } { $computed }，但总数{ $total }；若 { $figure } 为 { $meant }：{ $corrected } { $corrected_sum }，与总数相符
unit-mismatch-yield-far-below = 远低于
unit-mismatch-yield-far-above = 远高于
unit-mismatch-yield-at-least = 至少 { $least } 公斤/亩
unit-mismatch-yield-at-most = 至多 { $most } 公斤/亩
unit-mismatch-yield-message = { $crop }单产约 { $about } 公斤/亩，{ $what }任何作物：产量或面积的单位、数量级是否有误？
unit-mismatch-yield-help = { $output } ÷ { $area } { $computed }（{ $crop }单产），任何作物的单产都{ $bound }
unit-mismatch-label-output = { $crop }产量 { $figure }
unit-mismatch-label-area = { $crop }面积 { $figure }
unit-mismatch-population-message = { $figure } 是{ $area }人口的 { $times } 倍以上：单位或数量级是否有误？
unit-mismatch-population-help = { $population }；一地所计的{ $unit }至多是其人口的 { $most } 倍
unit-mismatch-population-stated = { $area }人口为 { $figure }
unit-mismatch-population-computed = { $area }人口约为 { $output } ÷ { $head } { $computed }
