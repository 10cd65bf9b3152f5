//! Building real .docx files for tests: paragraphs of runs, and tables.

#![allow(dead_code)]

use std::io::Write;

/// A block of a document body.
pub enum Block<'a> {
    /// A paragraph made of runs (each run's text is one `w:t`).
    Paragraph(Vec<&'a str>),
    /// A table: rows of cells of text.
    Table(Vec<Vec<&'a str>>),
    /// A paragraph numbered by Word (numId, level), with its text.
    Numbered(&'a str, usize, &'a str),
    /// A paragraph with a paragraph style, with its text.
    Styled(&'a str, &'a str),
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn runs(runs: &[&str]) -> String {
    runs.iter()
        .enumerate()
        .map(|(i, t)| {
            // Alternate run properties, as Word writes them when formatting changes mid-figure.
            let props = if i % 2 == 1 {
                "<w:rPr><w:b/></w:rPr>"
            } else {
                ""
            };
            format!(
                "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                escape(t)
            )
        })
        .collect()
}

/// The `word/document.xml` of a body.
pub fn document_xml(body: &[Block<'_>]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    for block in body {
        match block {
            Block::Paragraph(r) => xml.push_str(&format!("<w:p>{}</w:p>", runs(r))),
            Block::Numbered(num, level, text) => xml.push_str(&format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{}</w:p>",
                runs(&[text])
            )),
            Block::Styled(style, text) => xml.push_str(&format!(
                "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}</w:p>",
                runs(&[text])
            )),
            Block::Table(rows) => {
                xml.push_str("<w:tbl>");
                for row in rows {
                    xml.push_str("<w:tr>");
                    for cell in row {
                        xml.push_str(&format!("<w:tc><w:p>{}</w:p></w:tc>", runs(&[cell])));
                    }
                    xml.push_str("</w:tr>");
                }
                xml.push_str("</w:tbl>");
            }
        }
    }
    xml.push_str("<w:sectPr/></w:body></w:document>");
    xml
}

/// A complete .docx holding `document_xml`.
pub fn docx(document_xml: &str) -> Vec<u8> {
    docx_with(document_xml, &[])
}

/// A complete .docx holding `document_xml` and more parts (`word/numbering.xml`, …).
pub fn docx_with(document_xml: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let parts = [
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
            ),
            (
                "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
            ),
            (
                "word/_rels/document.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>",
            ),
            ("word/document.xml", document_xml),
        ];
        for (name, text) in parts.iter().chain(extra) {
            zip.start_file(*name, options).expect("zip entry");
            zip.write_all(text.as_bytes()).expect("zip write");
        }
        zip.finish().expect("zip finish");
    }
    buf.into_inner()
}

/// The seed report as a .docx: one paragraph per line of `tests/fixtures/seed.txt`.
pub fn seed_docx() -> Vec<u8> {
    let seed = include_str!("../fixtures/seed.txt");
    let body: Vec<Block<'_>> = seed.lines().map(|l| Block::Paragraph(vec![l])).collect();
    docx(&document_xml(&body))
}

/// A .docx of at least `size` bytes made of the real reports the repository carries
/// (`tests/corpus/real`, one paragraph per line, report after report): what a long report
/// weighs, made of real text (a repeated text would compress to nothing).
pub fn real_reports_docx(size: usize) -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus/real")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut text = String::new();
    for path in paths {
        text.push_str(&std::fs::read_to_string(&path).expect("a report"));
        text.push('\n');
        let body: Vec<Block<'_>> = text.lines().map(|l| Block::Paragraph(vec![l])).collect();
        let built = docx(&document_xml(&body));
        if built.len() >= size {
            return built;
        }
    }
    panic!("tests/corpus/real holds less than {size} bytes of .docx");
}

/// A zip bomb: a small .docx whose `word/document.xml` expands to 64 MB.
pub fn zip_bomb() -> Vec<u8> {
    docx(&format!(
        "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
        "0".repeat(64 * 1024 * 1024)
    ))
}

/// A zip archive that holds no Word document.
pub fn zip_without_document() -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file("a.txt", zip::write::SimpleFileOptions::default())
            .expect("a zip entry");
        zip.write_all(b"x").expect("zip entry text");
        zip.finish().expect("a zip");
    }
    buf.into_inner()
}

/// `n` bytes of binary junk, the same every run (xorshift).
pub fn junk(n: usize) -> Vec<u8> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}
