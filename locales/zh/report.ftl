# heshu's report (zh)

## The summary line of `heshu check`.
summary-none-checked = 没有检查任何文件：{ $unreadable } 个文件无法读取。
summary-unreadable-rest-clean = { $unreadable } 个文件无法读取，未检查；已检查的 { $checked } 个文件中没有发现问题。
summary-files = 检查了 { $checked } 个文件
summary-files-unreadable = 检查了 { $checked } 个文件，另有 { $unreadable } 个无法读取、未检查
summary-clean = 未发现问题（{ $files }）。
summary-found = 发现 { $total } 个问题：错误 { $errors }，警告 { $warnings }，提示 { $infos }（{ $files }）。

## Configuration errors (the TOML parser's own words are shown as they are).
config-invalid = 配置文件 { $path } 有误
config-help = `heshu help check` 和 README.md 列出了所有配置项
config-here = 此处
config-unreadable = 无法读取：{ $error }
config-unknown-rule = 没有规则 `{ $rule }`（`heshu rules` 列出所有规则）
config-identity-unnamed-whole = 恒等式 { $identity }：整体需要名称
config-identity-too-few-parts = 恒等式 { $identity }：至少需要两个部分
config-identity-unnamed-part = 恒等式 { $identity }：每个部分都需要名称
config-identity-difference-of-two = 恒等式 { $identity }：差值恒等式需要恰好两个部分（整体等于第一个减第二个）

## Inputs that cannot be read (the system's or a decoder's own words after them).
source-unreadable = { $path }：无法读取：{ $error }
source-undecodable = { $path }：无法解码：{ $reason }
source-binary = { $path }：二进制文件（偏移 { $offset } 处有 NUL 字节），不是文本报告
source-empty = { $path }：空文件
source-unsupported = { $path }：不支持 .{ $extension } 格式：请另存为 .docx
source-unknown-encoding = 未知的编码 `{ $encoding }`（可用 utf-8、gbk、gb18030、utf-16le、utf-16be）
docx-zip = 不是可以读取的 .docx（zip）：{ $detail }
docx-no-document = 没有 word/document.xml：不是 Word 文档
docx-too-large = 拒绝读取：{ $detail }
docx-xml = word/document.xml 不是合法的 XML：{ $detail }
internal-error = 内部错误（{ $message }）；请连同引起它的文件一起报告

## The language server (heshu lsp).
lsp-unhandled = heshu 不处理 { $method }
lsp-no-diagnostics = { $uri }：内部错误（{ $error }）；没有检查结果
lsp-rule-panicked = 规则 { $rule } 出现内部错误：{ $message }
lsp-action-ignore = 在基线中忽略此问题（{ $rule }）
lsp-action-suppress = 在此行屏蔽 { $rule }

## Human output (miette).
# What stands before the help, as wide as miette's `help: ` (8 columns with its indent).
human-help = 说明：
human-labels-not-shown = 另有 { $count } 处标注未在此显示
