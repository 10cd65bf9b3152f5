# heshu's cli (zh)

## heshu explain
explain-no-rule = 没有规则 `{ $rule }`（`heshu rules` 列出所有规则）
explain-bad = 触发此规则：
explain-good = 不触发此规则：

## Command-line help (src/cli_help.rs). Choices and defaults are part of the help text.
cli-about = 核数 heshu：检查中文报告中数字的工具
cli-usage = heshu [选项] <命令>
cli-usage-heading = 用法：
cli-heading-arguments = 参数
cli-heading-options = 选项
cli-heading-commands = 命令
cli-help = 显示帮助
cli-version = 显示版本
cli-help-command = 显示本帮助，或某个命令的帮助
cli-lang = heshu 输出所用的语言：zh（中文）或 en（英文）（默认依次取 HESHU_LANG、配置文件的 `lang`、系统语言环境，否则为中文）
cli-value-lang = 语言
cli-value-paths = 路径
cli-value-path = 路径
cli-value-format = 格式
cli-value-fail-on = 级别
cli-value-color = 何时
cli-value-file = 文件
cli-value-glob = 模式
cli-value-name = 编码
cli-value-port = 端口
cli-value-host = 地址
cli-value-rule = 规则

cli-check-about = 检查报告：对不上的数字、未填写的占位符、残缺的结构
cli-check-usage = heshu check [选项] [路径]...
cli-check-paths = 要检查的文件或目录（`-` 表示从标准输入读取；默认为当前目录）
cli-check-format = 输出格式：human、json、sarif、github、concise（默认 human）
cli-check-fail-on = 发现此级别及以上的问题时以状态 1 退出：error、warning、info、never（默认取配置文件的 `fail-on`，否则为 warning）
cli-check-color = 终端输出是否着色：auto、always、never（默认 auto）
cli-check-config = 使用此配置文件，不再查找 heshu.toml
cli-check-isolated = 忽略所有配置文件
cli-check-globs = 遍历目录时要检查的文件（`!模式` 表示排除）；取代配置中的 `include`
cli-check-statistics = 只输出每条规则的问题数，不列出问题
cli-check-baseline = 只报告此基线文件中没有的问题
cli-check-write-baseline = 把当前的全部问题记入此基线文件，并以状态 0 退出
cli-check-no-progress = 不显示进度条
cli-check-annotate = 为所检查的（唯一一个）.docx 另存一份副本到此文件，每个问题附一条 Word 批注；原文件不会改动
cli-check-encoding = 用此编码读取文本文件（utf-8、gbk、gb18030、utf-16le 等），不自动识别
cli-check-no-mmap = 不把文件映射进内存（否则单独指定的大 UTF-8 文件就地读取：更快，但检查期间文件被截短会使运行中止）

cli-claims-about = 列出 heshu 在文件中读到的数字（数值、单位和区间）
cli-claims-usage = heshu claims [选项] <路径>
cli-claims-path = 要读取的文件（`-` 表示从标准输入读取）
cli-claims-format = 输出格式：human、json（默认 human）
cli-claims-encoding = 用此编码读取，不自动识别

cli-lsp-about = 通过标准输入输出提供语言服务器协议（LSP），供编辑器使用
cli-lsp-usage = heshu lsp

cli-serve-about = 在本机开启一个网页，拖入报告即可检查其中的数字（文件不会离开本机）。按 Ctrl-C 停止
cli-serve-usage = heshu serve [选项]
cli-serve-port = 监听的端口（默认 8470；0 表示任选一个空闲端口）
cli-serve-host = 监听的地址（默认 127.0.0.1）。使用本机回环地址以外的地址，其他机器也能打开此网页，而网页没有登录
cli-serve-open = 用默认浏览器打开网页
cli-serve-config = 使用此配置文件，不再从当前目录查找 heshu.toml
cli-serve-isolated = 忽略配置文件

cli-rules-about = 列出所有规则：编号、默认级别、说明
cli-rules-usage = heshu rules

cli-explain-about = 解释一条规则，并给出示例
cli-explain-usage = heshu explain <规则>
cli-explain-rule = 规则编号

## Errors and notes of the command line (the system's own words after them).
error-write-output = 无法写出结果：{ $error }
error-sarif = 无法写出 SARIF：{ $error }
error-claims = 无法输出数字列表：{ $error }
annotate-one-docx = 请只指定一个要加批注的 .docx 文件
annotate-not-docx = { $path } 不是 .docx 文件
annotate-same-file = 副本不能覆盖原文件
annotate-not-checked = { $path } 未能检查
annotate-written = 已写出 { $path }，附 { $count } 条批注
baseline-unreadable = 无法读取基线文件：{ $error }
baseline-invalid = 不是 heshu 的基线文件：{ $error }
baseline-version = 不支持第 { $version } 版的基线文件
baseline-unwritable = 无法写出基线文件：{ $error }
baseline-written = 已把 { $count } 个问题记入 { $path }
serve-warning-host = 警告：正在 { $host } 上监听：网页没有登录，任何能访问此地址的人都能使用
serve-error-runtime = 无法启动服务：{ $error }
serve-error-bind = 无法在 { $address } 上监听：{ $error }
serve-error-stopped = 服务异常停止：{ $error }
