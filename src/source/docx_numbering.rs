//! Word's automatic numbering and heading styles, rendered the way Word shows them: a paragraph
//! numbered by `w:numPr` (directly or through its style) gets its number (`一、`, `（二）`, `3.`)
//! in front of its text, and a heading style without a number marks the paragraph as a heading
//! (written `#` × level, as Markdown does), so that heshu's structure rules see the skeleton the
//! reader sees.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// One level of a numbering definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// What a paragraph style says: the heading level it stands for, and the numbering (numId, level)
/// it applies.
#[derive(Debug, Clone, Default)]
struct StyleInfo {
    heading: Option<u8>,
    numbering: Option<(String, usize)>,
}

/// Numbering definitions and heading styles of a document.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    /// numId → abstract levels.
    nums: HashMap<String, Vec<Level>>,
    /// style id → what the style says.
    styles: HashMap<String, StyleInfo>,
    /// Counters per numId.
    counters: HashMap<String, Vec<u32>>,
}

/// Feed the start (and empty) and end elements of an XML part to `on`; a part that stops
/// parsing simply ends (numbering is an aid, never a reason to refuse a document).
fn each_element(xml: &str, mut on: impl FnMut(&Event<'_>)) {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => on(&e),
        }
    }
}

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The heading level a style name stands for: `heading 2`, `Heading2`, `标题 2`, `Title` (0 = title).
fn heading_level(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))?
        .trim();
    rest.parse::<u8>().ok().filter(|n| (1..=9).contains(n))
}

impl Numbering {
    /// Read `word/numbering.xml` and `word/styles.xml` (either may be absent).
    pub fn read(numbering_xml: Option<&str>, styles_xml: Option<&str>) -> Self {
        let mut n = Numbering::default();
        if let Some(xml) = numbering_xml {
            n.read_numbering(xml);
        }
        if let Some(xml) = styles_xml {
            n.read_styles(xml);
        }
        n
    }

    fn read_numbering(&mut self, xml: &str) {
        let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
        let mut links: Vec<(String, String)> = Vec::new();
        let mut current_abstract: Option<String> = None;
        let mut current_level: Option<usize> = None;
        let mut current_num: Option<String> = None;
        each_element(xml, |event| match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:abstractNum" => current_abstract = attr(e, b"w:abstractNumId"),
                b"w:lvl" => {
                    current_level = attr(e, b"w:ilvl").and_then(|v| v.parse().ok());
                    if let (Some(a), Some(l)) = (&current_abstract, current_level) {
                        let levels = abstracts.entry(a.clone()).or_default();
                        if levels.len() <= l {
                            levels.resize(l + 1, Level::default());
                        }
                        if let Some(level) = levels.get_mut(l) {
                            level.start = 1;
                        }
                    }
                }
                b"w:start" | b"w:numFmt" | b"w:lvlText" => {
                    let (Some(a), Some(l)) = (&current_abstract, current_level) else {
                        return;
                    };
                    let value = attr(e, b"w:val").unwrap_or_default();
                    if let Some(level) = abstracts.get_mut(a).and_then(|v| v.get_mut(l)) {
                        match e.name().as_ref() {
                            b"w:start" => level.start = value.parse().unwrap_or(1),
                            b"w:numFmt" => level.format = value,
                            _ => level.text = value,
                        }
                    }
                }
                b"w:num" => current_num = attr(e, b"w:numId"),
                b"w:abstractNumId" => {
                    if let (Some(num), Some(a)) = (&current_num, attr(e, b"w:val")) {
                        links.push((num.clone(), a));
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"w:abstractNum" => current_abstract = None,
            _ => {}
        });
        for (num, a) in links {
            if let Some(levels) = abstracts.get(&a) {
                self.nums.insert(num, levels.clone());
            }
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut id: Option<String> = None;
        let mut level: Option<u8> = None;
        let mut num: Option<String> = None;
        let mut ilvl: usize = 0;
        let styles = &mut self.styles;
        each_element(xml, |event| match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:style" => {
                    id = attr(e, b"w:styleId");
                    level = None;
                    num = None;
                    ilvl = 0;
                }
                b"w:name" => {
                    level = attr(e, b"w:val").as_deref().and_then(heading_level);
                }
                b"w:outlineLvl" if level.is_none() => {
                    level = attr(e, b"w:val")
                        .and_then(|v| v.parse::<u8>().ok())
                        .map(|v| v + 1);
                }
                b"w:numId" => num = attr(e, b"w:val"),
                b"w:ilvl" => ilvl = attr(e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"w:style" => {
                if let Some(id) = id.take() {
                    if level.is_some() || num.is_some() {
                        styles.insert(
                            id,
                            StyleInfo {
                                heading: level,
                                numbering: num.take().map(|n| (n, ilvl)),
                            },
                        );
                    }
                }
            }
            _ => {}
        });
    }

    /// Whether there is anything to render.
    pub fn is_empty(&self) -> bool {
        self.nums.is_empty() && self.styles.is_empty()
    }

    /// The text to put before a paragraph with this style and numbering: its number as Word
    /// renders it, `#`s for a heading without a number, or nothing.
    pub fn prefix(&mut self, style: Option<&str>, num: Option<(&str, usize)>) -> String {
        let styled = style.and_then(|s| self.styles.get(s)).cloned();
        let heading = styled.as_ref().and_then(|s| s.heading);
        let numbering = num
            .map(|(n, l)| (n.to_owned(), l))
            .or_else(|| styled.and_then(|s| s.numbering));
        if let Some((num_id, level)) = numbering {
            if let Some(text) = self.render(&num_id, level) {
                return text;
            }
        }
        match heading {
            Some(level) => format!("{} ", "#".repeat(usize::from(level.clamp(1, 6)))),
            None => String::new(),
        }
    }

    fn render(&mut self, num_id: &str, level: usize) -> Option<String> {
        let levels = self.nums.get(num_id)?.clone();
        let def = levels.get(level)?;
        if def.format == "bullet" || def.format == "none" {
            return None;
        }
        let counters = self.counters.entry(num_id.to_owned()).or_default();
        if counters.len() < levels.len() {
            counters.resize(levels.len(), 0);
        }
        if let Some(counter) = counters.get_mut(level) {
            *counter = if *counter == 0 {
                def.start.max(1)
            } else {
                counter.saturating_add(1)
            };
        }
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        let mut text = def.text.clone();
        for (i, l) in levels.iter().enumerate().take(level + 1) {
            let value = match counters.get(i).copied() {
                None | Some(0) => l.start.max(1),
                Some(c) => c,
            };
            text = text.replace(&format!("%{}", i + 1), &format_number(value, &l.format));
        }
        Some(text)
    }
}

const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A number in a Word number format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese(n),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "upperLetter" => letter(n, b'A'),
        "lowerLetter" => letter(n, b'a'),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32('①' as u32 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        _ => n.to_string(),
    }
}

fn letter(n: u32, base: u8) -> String {
    let i = (n.max(1) - 1) % 26;
    char::from(base + i as u8).to_string()
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999; larger in Arabic digits).
fn chinese(n: u32) -> String {
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or("");
    if n < 10 {
        return digit(n).to_owned();
    }
    if n > 9999 {
        return n.to_string();
    }
    let places = [(1000, "千"), (100, "百"), (10, "十")];
    let mut out = String::new();
    let mut rest = n;
    let mut zero = false;
    for (p, unit) in places {
        let d = rest / p;
        rest %= p;
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(p == 10 && d == 1 && out.is_empty()) {
            out.push_str(digit(d));
        }
        out.push_str(unit);
    }
    if rest > 0 {
        if zero {
            out.push('零');
        }
        out.push_str(digit(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>"#;

    #[test]
    fn renders_word_numbering() {
        let mut n = Numbering::read(Some(NUMBERING), Some(STYLES));
        assert_eq!(n.prefix(Some("1"), None), "一、");
        assert_eq!(n.prefix(None, Some(("7", 1))), "（一）");
        assert_eq!(n.prefix(None, Some(("7", 2))), "1.");
        assert_eq!(n.prefix(None, Some(("7", 2))), "2.");
        assert_eq!(n.prefix(Some("1"), None), "二、");
        assert_eq!(
            n.prefix(None, Some(("7", 2))),
            "1.",
            "a new parent restarts the level"
        );
        assert_eq!(n.prefix(Some("Heading2"), None), "## ");
        assert_eq!(n.prefix(Some("Normal"), None), "");
        assert_eq!(chinese(12), "十二");
        assert_eq!(chinese(105), "一百零五");
    }
}
