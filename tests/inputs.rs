//! Inputs as drafters have them: the seed report saved as GBK, as UTF-16 with a BOM, with CRLF
//! line ends, as Markdown and as a .docx (a figure split across runs, a table) must give the same
//! findings as the UTF-8 seed, at the same places; hostile inputs end in a clear error.

mod common;

use common::docx::{document_xml, docx, docx_with, junk, zip_bomb, zip_without_document, Block};
use common::{heshu, stderr, stdout};
use serde_json::Value;
use std::path::PathBuf;

const SEED: &str = include_str!("fixtures/seed.txt");

fn scratch(name: &str) -> PathBuf {
    common::scratch("inputs", name)
}

/// (rule, line, column) of every finding of one file.
fn places(path: &std::path::Path) -> (Vec<(String, u64, u64)>, Value) {
    let out = heshu(&["check", path.to_str().unwrap(), "--format", "json"], None);
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&out), stderr(&out)));
    let file = report["files"][0].clone();
    let found = file["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("{file}"))
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["span"]["line"].as_u64().unwrap(),
                d["span"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    (found, file)
}

fn seed_places() -> Vec<(String, u64, u64)> {
    let dir = scratch("utf8");
    let path = dir.join("seed.txt");
    std::fs::write(&path, SEED).unwrap();
    let (found, _) = places(&path);
    assert_eq!(found.len(), 7);
    found
}

#[test]
fn gbk_utf16_and_crlf_give_the_seed_findings() {
    let expected = seed_places();
    let dir = scratch("encodings");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SEED);
    assert!(!unmappable);
    let mut utf16le = vec![0xFF, 0xFE];
    let mut utf16be = vec![0xFE, 0xFF];
    for unit in SEED.encode_utf16() {
        utf16le.extend(unit.to_le_bytes());
        utf16be.extend(unit.to_be_bytes());
    }
    let variants: Vec<(&str, Vec<u8>, &str)> = vec![
        ("gbk.txt", gbk.into_owned(), "gb"),
        ("utf16le.txt", utf16le, "utf-16le"),
        ("utf16be.txt", utf16be, "utf-16be"),
        ("crlf.txt", SEED.replace('\n', "\r\n").into_bytes(), "utf-8"),
        ("cr.txt", SEED.replace('\n', "\r").into_bytes(), "utf-8"),
        (
            "bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), SEED.as_bytes()].concat(),
            "utf-8",
        ),
    ];
    for (name, bytes, encoding) in variants {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (found, file) = places(&path);
        assert_eq!(found, expected, "{name}");
        assert!(
            file["encoding"].as_str().unwrap().starts_with(encoding),
            "{name}: {}",
            file["encoding"]
        );
    }
    // Forcing the wrong encoding is a clear error, not garbage findings.
    let out = heshu(
        &[
            "check",
            "--lang",
            "en",
            dir.join("gbk.txt").to_str().unwrap(),
            "--encoding",
            "utf-8",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("gbk.txt: cannot decode"));
}

#[test]
fn docx_gives_the_seed_findings_at_their_paragraphs() {
    let expected = seed_places();
    let mut body = vec![Block::Table(vec![
        vec!["单位", "通江县人民政府"],
        vec!["户数", "1411户"],
    ])];
    let lines: Vec<&str> = SEED.lines().collect();
    let split_at = lines
        .iter()
        .position(|l| l.contains("反馈问题47个"))
        .unwrap();
    for (i, line) in lines.iter().enumerate() {
        if i == split_at {
            // 47个 written in two runs: 4 | 7个.
            let at = line.find("47个").unwrap() + 1;
            body.push(Block::Paragraph(vec![&line[..at], &line[at..]]));
        } else {
            body.push(Block::Paragraph(vec![line]));
        }
    }
    let dir = scratch("docx");
    let path = dir.join("seed.docx");
    std::fs::write(&path, docx(&document_xml(&body))).unwrap();
    let (found, _) = places(&path);
    // The table's two rows come first: every finding moves down two, at the same character.
    let shifted: Vec<_> = expected
        .iter()
        .map(|(r, l, c)| (r.clone(), l + 2, *c))
        .collect();
    assert_eq!(found, shifted);
    let out = heshu(
        &["claims", path.to_str().unwrap(), "--format", "json"],
        None,
    );
    let claims: Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"47个"), "runs are joined: {texts:?}");
    assert!(texts.contains(&"1411户"), "table cells are read");
    // The human output quotes the paragraph.
    let out = heshu(&["check", path.to_str().unwrap(), "--color", "never"], None);
    assert!(stdout(&out).contains("seed.docx:32:1"), "{}", stdout(&out));
    assert!(stdout(&out).contains("1.加快基"));
}

#[test]
fn markdown_keeps_places_and_skips_markup() {
    let dir = scratch("markdown");
    let path = dir.join("report.md");
    std::fs::write(
        &path,
        "---\ntitle: 汇报\n---\n# 一、总体情况\n\n反馈问题47个，已整改完成**44个**，其余4个。\n\n```\n共有XX户\n```\n\n见[附表](https://example.com/XX)，`XX`不算。\n",
    )
    .unwrap();
    let (found, _) = places(&path);
    assert_eq!(found, [("sum-mismatch".to_owned(), 6, 5)]);
}

#[test]
fn hostile_inputs_end_in_a_clear_error() {
    let dir = scratch("hostile");
    let good = docx(&document_xml(&[Block::Paragraph(vec!["共有XX户。"])]));
    // A truncated zip.
    std::fs::write(dir.join("truncated.docx"), &good[..good.len() / 2]).unwrap();
    // A zip bomb: a small archive whose document.xml expands enormously.
    std::fs::write(dir.join("bomb.docx"), zip_bomb()).unwrap();
    // Random bytes, as .txt and as .docx.
    let random = junk(4096);
    std::fs::write(dir.join("random.txt"), &random).unwrap();
    std::fs::write(dir.join("random.docx"), &random).unwrap();
    // A zip that is no Word document.
    std::fs::write(dir.join("notword.docx"), zip_without_document()).unwrap();
    std::fs::write(dir.join("fine.docx"), &good).unwrap();
    let out = heshu(
        &[
            "check",
            "--lang",
            "en",
            dir.to_str().unwrap(),
            "--glob",
            "*",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    for (file, cause) in [
        ("truncated.docx", "not a readable .docx"),
        ("bomb.docx", "zip bomb"),
        ("random.docx", "not a readable .docx"),
        ("notword.docx", "no word/document.xml"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} named in:\n{err}"));
        assert!(line.contains(cause), "{line}");
    }
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fine = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("fine.docx"))
        .unwrap();
    assert_eq!(
        fine["diagnostics"][0]["rule"], "placeholder",
        "the others are still checked"
    );
}

#[test]
fn a_50_megabyte_line_is_checked() {
    let dir = scratch("long-line");
    let path = dir.join("long.txt");
    let unit = "全年完成投资3.2亿元，同比增长12%，";
    let mut text = unit.repeat(50 * 1024 * 1024 / unit.len());
    text.push_str("共有XX户。\n");
    std::fs::write(&path, &text).unwrap();
    let out = heshu(
        &["check", path.to_str().unwrap(), "--format", "concise"],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("error[placeholder]"));
}

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/></w:style>
</w:styles>"#;

#[test]
fn word_numbering_and_heading_styles_are_read() {
    let dir = scratch("numbering");
    let path = dir.join("numbered.docx");
    let body = document_xml(&[
        Block::Styled("1", "总体情况"),
        Block::Numbered("1", 1, "加强领导。全年完成投资3.2亿元。"),
        Block::Numbered("1", 1, "强化考核。反馈问题47个，已整改完成44个，其余4个。"),
        Block::Numbered("1", 1, "狠抓整改。"),
        Block::Styled("1", "主要工作"),
        Block::Numbered("1", 1, "抓实监测。"),
        Block::Styled("3", "下一步打算"),
    ]);
    std::fs::write(
        &path,
        docx_with(
            &body,
            &[
                ("word/numbering.xml", NUMBERING),
                ("word/styles.xml", STYLES),
            ],
        ),
    )
    .unwrap();
    let out = heshu(&["claims", path.to_str().unwrap()], None);
    assert!(stdout(&out).contains("47个"));
    let (found, _) = places(&path);
    // The numbers Word shows (一、 1. 2. 3. 二、 1.) are read (`2.` counts in the column): no
    // heading-sequence finding; the
    // last paragraph is a heading style with nothing under it: truncated.
    assert_eq!(
        found,
        [
            ("sum-mismatch".to_owned(), 3, 12),
            ("truncated".to_owned(), 7, 1)
        ],
        "{found:?}"
    );
    // A skipped number in Word's own numbering is seen: drop the 2nd level-0 heading's style
    // numbering and number it 三 by hand.
    let skipped = document_xml(&[
        Block::Styled("1", "总体情况"),
        Block::Numbered("1", 1, "加强领导。"),
        Block::Paragraph(vec!["三、下一步打算"]),
        Block::Paragraph(vec!["全面推进。"]),
    ]);
    std::fs::write(
        &path,
        docx_with(
            &skipped,
            &[
                ("word/numbering.xml", NUMBERING),
                ("word/styles.xml", STYLES),
            ],
        ),
    )
    .unwrap();
    let (found, _) = places(&path);
    assert_eq!(found, [("heading-sequence".to_owned(), 3, 1)], "{found:?}");
}

/// A large file is read and scanned in parts on several threads: a NUL byte near its end is still
/// found at its offset (and the other inputs still checked), and a large GBK file still decodes.
#[test]
fn large_files_are_scanned_whole() {
    let dir = scratch("large");
    let copies = 5 * 1024 * 1024 / SEED.len() + 1;
    let big = format!("{SEED}\n").repeat(copies);
    let late_nul = dir.join("late-nul.txt");
    let mut bytes = big.clone().into_bytes();
    let offset = bytes.len() - 3;
    bytes[offset] = 0;
    std::fs::write(&late_nul, &bytes).unwrap();
    let seed = dir.join("seed.txt");
    std::fs::write(&seed, SEED).unwrap();
    let out = heshu(
        &[
            "check",
            "--lang",
            "en",
            late_nul.to_str().unwrap(),
            seed.to_str().unwrap(),
            "--format",
            "concise",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("NUL byte at offset {offset}")),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 7, "the seed is still checked");

    let utf8 = dir.join("big.txt");
    std::fs::write(&utf8, &big).unwrap();
    let gbk = dir.join("big-gbk.txt");
    let (encoded, _, _) = encoding_rs::GBK.encode(&big);
    std::fs::write(&gbk, &encoded).unwrap();
    let (in_utf8, _) = places(&utf8);
    let (in_gbk, file) = places(&gbk);
    assert_eq!(file["encoding"], "gbk");
    assert!(in_utf8.len() > 7 * copies);
    assert!(in_gbk == in_utf8, "GBK and UTF-8 findings differ");
}

/// A large UTF-8 file named alone is mapped into memory and read where it lies: the same text,
/// the same findings byte for byte as when copied (`--no-mmap`); a byte-order mark, another
/// encoding or a NUL byte take the usual way, with the usual result.
#[test]
fn a_large_file_named_alone_is_mapped_and_read_alike() {
    use heshu::source::{read_with, Reading, MAP_MIN};
    let dir = scratch("mapped");
    let copies = MAP_MIN / SEED.len() + 2;
    let big = format!("{SEED}\n").repeat(copies);
    let utf8 = dir.join("big.txt");
    std::fs::write(&utf8, &big).unwrap();
    let bom = dir.join("big-bom.txt");
    std::fs::write(&bom, format!("\u{FEFF}{big}")).unwrap();
    let gbk = dir.join("big-gbk.txt");
    std::fs::write(&gbk, encoding_rs::GBK.encode(&big).0).unwrap();
    let small = dir.join("seed.txt");
    std::fs::write(&small, SEED).unwrap();

    // The library: only the large UTF-8 file without a mark is shared; every text is the same.
    for (path, shared) in [(&utf8, true), (&bom, false), (&gbk, false), (&small, false)] {
        let mapped = read_with(path, None, Reading::MapLarge).unwrap();
        let copied = read_with(path, None, Reading::Copy).unwrap();
        assert_eq!(mapped.text.is_shared(), shared, "{}", path.display());
        assert!(!copied.text.is_shared());
        assert_eq!(mapped.text, copied.text, "{}", path.display());
        assert_eq!(mapped.encoding, copied.encoding);
    }
    assert_eq!(read_with(&utf8, None, Reading::MapLarge).unwrap().text, big);
    // A forced encoding is decoded into a copy.
    let forced = read_with(&utf8, Some("utf-8"), Reading::MapLarge).unwrap();
    assert!(!forced.text.is_shared());

    // The command line: the same JSON, byte for byte, mapped or not.
    for path in [&utf8, &bom, &gbk] {
        let run = |extra: &[&str]| {
            let mut args = vec!["check", path.to_str().unwrap(), "--format", "json"];
            args.extend_from_slice(extra);
            heshu(&args, None)
        };
        let (mapped, copied) = (run(&[]), run(&["--no-mmap"]));
        assert_eq!(mapped.status.code(), Some(1), "{}", stderr(&mapped));
        assert_eq!(mapped.status.code(), copied.status.code());
        assert!(
            mapped.stdout == copied.stdout,
            "{}: output differs",
            path.display()
        );
    }

    // A NUL byte late in a large file: the same one clear line, mapped or not.
    let late_nul = dir.join("late-nul.txt");
    let mut bytes = big.into_bytes();
    let offset = bytes.len() - 3;
    bytes[offset] = 0;
    std::fs::write(&late_nul, &bytes).unwrap();
    for extra in [None, Some("--no-mmap")] {
        let mut args = vec!["check", "--lang", "en", late_nul.to_str().unwrap()];
        args.extend(extra);
        let out = heshu(&args, None);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains(&format!("NUL byte at offset {offset}")),
            "{}",
            stderr(&out)
        );
    }
}

/// A report that ends with a table is not cut off: a .docx table row is read as a row of cells
/// (`| 甲县 | 1411户 |`), not as a sentence, and so is a pipe-table row of a text file.
#[test]
fn a_report_ending_with_a_table_is_not_truncated() {
    let body = vec![
        Block::Paragraph(vec!["全县共识别监测对象1411户4867人，已全部落实帮扶措施。"]),
        Block::Table(vec![
            vec!["乡镇", "户数"],
            vec!["甲镇", "611户"],
            vec!["乙镇", "800户"],
        ]),
    ];
    let dir = scratch("docx-table-end");
    let path = dir.join("table.docx");
    std::fs::write(&path, docx(&document_xml(&body))).unwrap();
    let txt = dir.join("table.txt");
    std::fs::write(
        &txt,
        "全县共识别监测对象1411户4867人，已全部落实帮扶措施。\n| 乡镇 | 户数 |\n| 甲镇 | 611户 |\n| 乙镇 | 800户 |\n",
    )
    .unwrap();
    for file in [&path, &txt] {
        let out = heshu(&["check", file.to_str().unwrap(), "--format", "json"], None);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let rules: Vec<&str> = report["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert!(rules.is_empty(), "{}: {rules:?}", file.display());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    // The cells are read: 611户 is a claim whose subject is its row's first cell.
    let out = heshu(
        &["claims", path.to_str().unwrap(), "--format", "json"],
        None,
    );
    let claims: Value = serde_json::from_slice(&out.stdout).unwrap();
    let cell = claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "611户")
        .expect("the table's cells are read");
    assert_eq!(cell["subject"], "甲镇");
}
