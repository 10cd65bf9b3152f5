# heshu's report (zh)

## The summary line of `heshu check`.
summary-none-checked = 没有检查任何文件：{ $unreadable } 个文件无法读取。
summary-unreadable-rest-clean = { $unreadable } 个文件无法读取，未检查；已检查的 { $checked } 个文件中没有发现问题。
summary-files = 检查了 { $checked } 个文件
summary-files-unreadable = 检查了 { $checked } 个文件，另有 { $unreadable } 个无法读取、未检查
summary-clean = 未发现问题（{ $files }）。
summary-found = 发现 { $total } 个问题：错误 { $errors }，警告 { $warnings }，提示 { $infos }（{ $files }）。
