//! `heshu check report.docx --annotate out.docx`: a copy with a Word comment anchored on the
//! figures of each finding; the original untouched. The copy is read back, and converted to PDF by
//! LibreOffice where it is installed.

mod common;

use common::docx::{document_xml, docx, Block};
use common::{heshu, stderr};
use std::io::Read;
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    common::scratch("annotate", name)
}

fn entry(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the copy"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The text between a comment's range start and end, as Word would show it highlighted.
fn anchored_text(document: &str, id: usize) -> String {
    let open = format!("<w:commentRangeStart w:id=\"{id}\"/>");
    let close = format!("<w:commentRangeEnd w:id=\"{id}\"/>");
    let from = document.find(&open).unwrap_or_else(|| panic!("{open}")) + open.len();
    let to = document.find(&close).unwrap_or_else(|| panic!("{close}"));
    let mut text = String::new();
    let mut rest = &document[from..to];
    while let Some(i) = rest.find("<w:t") {
        let after = &rest[i..];
        let Some(gt) = after.find('>') else { break };
        if after[..gt].ends_with('/') {
            rest = &after[gt..];
            continue;
        }
        let body = &after[gt + 1..];
        let end = body.find("</w:t>").unwrap();
        text.push_str(&body[..end].replace("&amp;", "&"));
        rest = &body[end..];
    }
    text
}

fn sample() -> Vec<u8> {
    docx(&document_xml(&[
        Block::Paragraph(vec!["一、总体情况"]),
        Block::Paragraph(vec![
            "反馈问题4",
            "7个，已整改完成44个，其余4个问题序时推进。",
        ]),
        Block::Table(vec![vec!["村数", "共有XX个村"]]),
        Block::Paragraph(vec!["全市12个县中，9个县达标、占80%。"]),
    ]))
}

#[test]
fn comments_are_anchored_on_the_figures() {
    let dir = scratch("anchors");
    let input = dir.join("report.docx");
    let original = sample();
    std::fs::write(&input, &original).unwrap();
    let out = dir.join("report.annotated.docx");
    let run = heshu(
        &[
            "check",
            input.to_str().unwrap(),
            "--annotate",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("附 3 条批注"), "{}", stderr(&run));
    assert_eq!(
        std::fs::read(&input).unwrap(),
        original,
        "the original is never touched"
    );
    assert!(!dir.join("report.annotated.docx.tmp").exists());

    let copy = std::fs::read(&out).unwrap();
    let document = entry(&copy, "word/document.xml");
    let comments = entry(&copy, "word/comments.xml");
    assert_eq!(comments.matches("w:author=\"heshu\"").count(), 3);
    assert!(comments.contains("[sum-mismatch] 各部分之和与总数 47个 不符"));
    assert!(comments.contains("44个 + 4个 = 48个"));
    // Each comment covers the figures of its finding, and nothing before or after them.
    assert_eq!(anchored_text(&document, 0), "47个，已整改完成44个，其余4个");
    assert_eq!(anchored_text(&document, 1), "XX");
    assert_eq!(anchored_text(&document, 2), "12个县中，9个县达标、占80%");
    for id in 0..3 {
        assert!(document.contains(&format!("<w:commentReference w:id=\"{id}\"/>")));
    }
    assert!(entry(&copy, "[Content_Types].xml").contains("/word/comments.xml"));
    assert!(entry(&copy, "word/_rels/document.xml.rels").contains("comments.xml"));
    // The copy still reads as the same document.
    let again = heshu(
        &["check", out.to_str().unwrap(), "--format", "concise"],
        None,
    );
    let original_run = heshu(
        &["check", input.to_str().unwrap(), "--format", "concise"],
        None,
    );
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).replace("report.annotated.docx", "report.docx"),
        String::from_utf8_lossy(&original_run.stdout)
    );
}

#[test]
fn annotate_refuses_to_overwrite_or_to_guess() {
    let dir = scratch("refuse");
    let input = dir.join("report.docx");
    std::fs::write(&input, sample()).unwrap();
    let same = heshu(
        &[
            "check",
            "--lang",
            "en",
            input.to_str().unwrap(),
            "--annotate",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(same.status.code(), Some(2));
    assert!(stderr(&same).contains("must not replace the original"));
    let txt = dir.join("a.txt");
    std::fs::write(&txt, "共有XX户。\n").unwrap();
    let out = heshu(
        &[
            "check",
            "--lang",
            "en",
            txt.to_str().unwrap(),
            "--annotate",
            dir.join("x.docx").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a .docx"));
}

#[test]
fn libreoffice_opens_the_annotated_copy() {
    let Some(office) = ["libreoffice", "soffice"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        println!("skipped: LibreOffice is not installed (Debian package libreoffice-writer)");
        return;
    };
    let dir = scratch("libreoffice");
    let input = dir.join("report.docx");
    std::fs::write(&input, sample()).unwrap();
    let out = dir.join("annotated.docx");
    let run = heshu(
        &[
            "check",
            input.to_str().unwrap(),
            "--annotate",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run.status.code(), Some(1));
    let profile = dir.join("profile");
    let converted = std::process::Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&out)
        .output()
        .expect("LibreOffice runs");
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let pdf = std::fs::read(dir.join("annotated.pdf")).expect("the PDF was written");
    assert!(pdf.starts_with(b"%PDF"));
}
