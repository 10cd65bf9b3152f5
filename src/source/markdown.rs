//! Markdown as heshu reads it: the markup is blanked out with spaces, byte for byte, so that every
//! offset, line and column of the text heshu checks is that of the file itself.
//!
//! Kept: headings (`#`), paragraphs, list items, table cells (pipes become `,` — a clause break),
//! and heshu's own suppression comments. Blanked: front matter, fenced and indented code, inline
//! code, link and image targets, autolinks, HTML tags and comments, emphasis markers, bullet
//! markers, block quote markers, table separator rows.

/// The text of a Markdown file with its markup blanked out (same length, same line breaks).
pub fn mask(source: &str) -> String {
    let mut out: Vec<u8> = source.as_bytes().to_vec();
    let mut in_fence: Option<&str> = None;
    let mut in_front_matter = false;
    let mut in_comment = false;
    let mut previous_blank = true;
    let mut offset = 0;
    for (index, raw_line) in source.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start_matches(' ');
        let range = line_start..line_start + line.len();
        // Front matter: `---` on the first line, up to the next `---`.
        if index == 0 && line == "---" {
            in_front_matter = true;
            blank(&mut out, range);
            continue;
        }
        if in_front_matter {
            if line == "---" || line == "..." {
                in_front_matter = false;
            }
            blank(&mut out, range);
            continue;
        }
        // Fenced code.
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence) {
                in_fence = None;
            }
            blank(&mut out, range);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = Some(trimmed.get(..3).unwrap_or_default());
            blank(&mut out, range);
            continue;
        }
        // Indented code after a blank line.
        if previous_blank
            && (line.starts_with("    ") || line.starts_with('\t'))
            && !trimmed.is_empty()
        {
            blank(&mut out, range);
            continue;
        }
        previous_blank = trimmed.is_empty();
        // Table separator rows: |---|:--:|
        if trimmed.starts_with('|') && trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            blank(&mut out, range);
            continue;
        }
        in_comment = mask_inline(&mut out, source, range, in_comment);
    }
    String::from_utf8(out).unwrap_or_else(|_| source.to_owned())
}

/// Put `b` at `at`, if the text reaches it.
fn set(out: &mut [u8], at: usize, b: u8) {
    if let Some(x) = out.get_mut(at) {
        *x = b;
    }
}

fn blank(out: &mut [u8], range: std::ops::Range<usize>) {
    for b in out.get_mut(range).unwrap_or_default() {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Blank the inline markup of one line. Returns whether an HTML comment is still open.
fn mask_inline(
    out: &mut [u8],
    source: &str,
    range: std::ops::Range<usize>,
    mut in_comment: bool,
) -> bool {
    let line = source.get(range.clone()).unwrap_or_default();
    let base = range.start;
    let bytes = line.as_bytes();
    // Leading markers: block quotes, bullets.
    let mut i = 0;
    loop {
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        if bytes.get(i) == Some(&b'>') {
            set(out, base + i, b' ');
            i += 1;
            continue;
        }
        if matches!(bytes.get(i), Some(b'-' | b'*' | b'+')) && bytes.get(i + 1) == Some(&b' ') {
            set(out, base + i, b' ');
            i += 2;
        }
        break;
    }
    let table_row = line.trim_start().starts_with('|');
    while i < bytes.len() {
        if in_comment {
            match line.get(i..).unwrap_or_default().find("-->") {
                Some(end) => {
                    blank(out, base + i..base + i + end + 3);
                    i += end + 3;
                    in_comment = false;
                }
                None => {
                    blank(out, base + i..base + bytes.len());
                    return true;
                }
            }
            continue;
        }
        let rest = line.get(i..).unwrap_or_default();
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if rest.starts_with("<!--") {
            // heshu's own suppression comments stay; others go.
            let end = rest.find("-->").map(|e| e + 3);
            if rest.starts_with("<!-- heshu-") || rest.starts_with("<!--heshu-") {
                i += end.unwrap_or(rest.len());
                continue;
            }
            match end {
                Some(e) => {
                    blank(out, base + i..base + i + e);
                    i += e;
                }
                None => {
                    blank(out, base + i..base + bytes.len());
                    return true;
                }
            }
            continue;
        }
        match b {
            b'`' => {
                // Inline code: blank up to the closing run of backticks.
                let ticks = rest.bytes().take_while(|c| *c == b'`').count();
                let fence = rest.get(..ticks).unwrap_or_default();
                let end = rest
                    .get(ticks..)
                    .unwrap_or_default()
                    .find(fence)
                    .map(|e| ticks + e + ticks);
                let stop = end.unwrap_or(ticks);
                blank(out, base + i..base + i + stop);
                i += stop;
            }
            b'!' if rest.starts_with("![") => {
                // Images: alt text and target both go.
                let stop = link_end(rest).unwrap_or(2);
                blank(out, base + i..base + i + stop);
                i += stop;
            }
            b'[' => {
                // Links: keep the text, blank the brackets and the target.
                match rest.find("](").and_then(|close| {
                    rest.get(close..)
                        .unwrap_or_default()
                        .find(')')
                        .map(|paren| (close, close + paren + 1))
                }) {
                    Some((close, stop)) => {
                        set(out, base + i, b' ');
                        blank(out, base + i + close..base + i + stop);
                        i += 1;
                    }
                    None => i += 1,
                }
            }
            b'<' => {
                // Autolinks and HTML tags.
                match rest.find('>') {
                    Some(end)
                        if end > 1 && !rest.get(1..end).unwrap_or_default().contains(' ')
                            || rest.starts_with("</")
                            || looks_like_tag(rest) =>
                    {
                        blank(out, base + i..base + i + end + 1);
                        i += end + 1;
                    }
                    _ => i += 1,
                }
            }
            b'*' | b'_' | b'~' => {
                // Emphasis delimiters that have a closing partner on the line.
                let run = rest.bytes().take_while(|c| *c == b).count();
                let delimiter = rest.get(..run).unwrap_or_default();
                let closes = rest
                    .get(run..)
                    .unwrap_or_default()
                    .find(delimiter)
                    .is_some_and(|e| e > 0);
                let opens_word = rest
                    .get(run..)
                    .unwrap_or_default()
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_whitespace());
                let emphasis = (b != b'~' || run == 2) && closes && opens_word;
                if emphasis {
                    if let Some(e) = rest.get(run..).unwrap_or_default().find(delimiter) {
                        blank(out, base + i..base + i + run);
                        blank(out, base + i + run + e..base + i + run + e + run);
                        i += run;
                        continue;
                    }
                }
                i += run;
            }
            b'|' if table_row => {
                set(out, base + i, b',');
                i += 1;
            }
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                set(out, base + i, b' ');
                i += 2;
            }
            _ => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    in_comment
}

fn looks_like_tag(rest: &str) -> bool {
    let name: String = rest
        .get(1..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    !name.is_empty() && rest.find('>').is_some()
}

/// The end (exclusive) of `![alt](target)` or `[text](target)` at the start of `rest`.
fn link_end(rest: &str) -> Option<usize> {
    let close = rest.find("](")?;
    let paren = rest.get(close..).unwrap_or_default().find(')')?;
    Some(close + paren + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_kept() {
        let md = "---\ntitle: 报告\n---\n# 一、总体情况\n完成**47**个，其余`code`3个。\n";
        let masked = mask(md);
        assert_eq!(masked.len(), md.len());
        assert_eq!(masked.lines().count(), md.lines().count());
        assert!(masked.lines().nth(1).unwrap().trim().is_empty());
        assert_eq!(
            masked.lines().nth(4).unwrap(),
            "完成  47  个，其余      3个。"
        );
    }

    #[test]
    fn markup_is_blanked() {
        let masked = mask("- 见[通知](https://example.com/a?x=1)和![图](a.png)。\n| 县 | 户数 |\n|---|---|\n| 甲 | 12户 |\n");
        let lines: Vec<&str> = masked.lines().collect();
        let words: Vec<&str> = lines[0].split_whitespace().collect();
        assert_eq!(words, ["见", "通知", "和", "。"]);
        assert_eq!(lines[1], ", 县 , 户数 ,");
        assert!(lines[2].trim().is_empty());
        let masked =
            mask("<!-- 注释 -->正文<!-- heshu-ignore placeholder -->\n```\n共有XX户\n```\n");
        let comment = " ".repeat("<!-- 注释 -->".len());
        assert!(masked.starts_with(&format!("{comment}正文<!-- heshu-ignore placeholder -->")));
        assert!(!masked.contains("XX"));
    }

    #[test]
    fn lone_asterisks_stay() {
        assert_eq!(mask("莅临*检查。\n"), "莅临*检查。\n");
        assert_eq!(mask("消除风险**户**人。\n"), "消除风险  户  人。\n");
    }
}
