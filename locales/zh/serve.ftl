# heshu's serve (zh)

## The page (src/serve/page/index.html).
page-lang = zh-CN
page-title = 核数 heshu · 报告数字核对
page-tagline = 核对报告中的数字：合计与分项、占比、人均、“分别”、增长、日期、未填写的占位符…… 文档只在这台电脑上由 heshu 处理，不会发送到任何其他地方。
page-drop = 把 Word 文档（.docx）、文本（.txt）或 Markdown（.md）文件拖到这里，或
page-choose = 选择文件
page-limit = 文件大小上限 { $limit } MB。.doc 与 .wps 文件请先在 Word 或 WPS 中“另存为” .docx。
page-paste-summary = 或者粘贴文字
page-paste-placeholder = 在此粘贴报告文字
page-paste-button = 核对粘贴的文字
page-rules-summary = 规则（取消勾选即在本次会话中关闭该规则）
page-download = 下载带批注的 Word 副本
page-doc-label = 文档
page-list-label = 问题列表

## The page's script (src/serve/page/app.js): { $x } arguments become {x} for the script; $count
## chooses a plural (rendered once for 1, once for more).
js-error = 错误
js-warning = 警告
js-info = 提示
js-off-in-config = （配置文件已关闭）
js-too-large = 「{ $name }」有 { $size } MB，超过 { $limit } MB 的上限
js-checking = 正在核对「{ $name }」……
js-no-connection = 无法连接 heshu（{ $error }）：heshu serve 是否仍在运行？
js-no-connection-short = 无法连接 heshu（{ $error }）
js-unreadable-answer = heshu 的回答无法读取（HTTP { $status }）
js-failed = 出错了（HTTP { $status }）
js-checked = 已核对「{ $name }」：{ $lines } 段，用时 { $ms } 毫秒
js-clean = 没有发现问题
js-found = 共 { $total } 处问题：
js-badge-error = 错误 { $n }
js-badge-warning = 警告 { $n }
js-badge-info = 提示 { $n }
js-where = 第 { $line } 段
js-annotating = 正在生成带批注的副本……
js-downloaded = 已下载「{ $name }」：每处问题在 Word 中是一条批注
js-pasted-name = 粘贴的文本.txt

## The server's answers (src/serve).
serve-no-page = 没有这个页面
serve-wrong-host = 此地址不属于这个 heshu 页面：请打开 heshu serve 打印的地址
serve-no-token = 请求缺少本页面的凭据：请从 heshu serve 打印的地址上传文件
serve-too-large = 文件超过 { $limit } MB 的上限
serve-check-failed = 检查时出错
serve-annotate-failed = 生成批注副本时出错
serve-unparsable = 读取「{ $name }」时出错：文件内容无法解析
serve-internal = 检查「{ $name }」时出错：请把这份文件报告给 heshu 的维护者
serve-no-result = 无法生成结果：{ $error }
serve-docx-only = 只有 Word 文档（.docx）可以下载批注副本
serve-binary = 「{ $name }」不是文本文件，也不是 Word 文档：请选择 .docx、.txt 或 .md 文件
serve-empty = 「{ $name }」是空文件
serve-unsupported = 无法读取 .{ $extension } 格式：请在 Word 或 WPS 中“另存为” .docx 后再上传
serve-undecodable = 无法识别「{ $name }」的文字编码：请另存为 UTF-8 文本或 .docx
serve-unreadable = 无法读取「{ $name }」（{ $error }）
serve-docx-zip = 「{ $name }」不是可以读取的 Word 文档（.docx）：文件可能已损坏、不完整，或并非 Word 文件
serve-docx-no-document = 「{ $name }」中没有 Word 正文：这不是 Word 文档
serve-docx-too-large = 「{ $name }」解压后过大，已拒绝读取（可能是“压缩炸弹”）
serve-docx-xml = 「{ $name }」的正文无法解析：Word 文档可能已损坏
serve-no-browser = 无法打开浏览器（{ $error }）；请自行打开 { $url }
