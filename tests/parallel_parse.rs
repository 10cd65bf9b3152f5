//! A large text is parsed in parallel chunks; the document must be the one a sequential parse
//! gives: the seed repeated has the seed's claims and findings, repeated, at shifted offsets.

use heshu::rules::Linter;

#[test]
fn chunked_parse_equals_the_sequential_one() {
    // The seed file has no final line break: add one so that copies do not run together.
    let seed = format!("{}\n", include_str!("fixtures/seed.txt"));
    let seed = seed.as_str();
    let copies = heshu::grammar::PARALLEL_MIN / seed.len() + 40;
    let big = seed.repeat(copies);
    assert!(big.len() >= heshu::grammar::PARALLEL_MIN);
    let one = heshu::parse(seed);
    let doc = heshu::parse(&big);
    assert_eq!(doc.claims.len(), one.claims.len() * copies);
    assert_eq!(doc.blocks.len(), one.blocks.len() * copies);
    assert_eq!(doc.sentences.len(), one.sentences.len() * copies);
    assert_eq!(doc.clauses.len(), one.clauses.len() * copies);
    assert_eq!(doc.figures.len(), one.figures.len() * copies);
    for (i, c) in doc.claims.iter().enumerate() {
        let copy = i / one.claims.len();
        let o = &one.claims[i % one.claims.len()];
        let shift = copy * seed.len();
        assert_eq!(
            (c.span.start, c.span.end),
            (o.span.start + shift, o.span.end + shift)
        );
        assert_eq!(c.quantity, o.quantity);
        assert_eq!(c.markers, o.markers);
        assert_eq!(
            doc.clauses[c.clause].span.start,
            one.clauses[o.clause].span.start + shift
        );
        assert_eq!(
            doc.sentences[c.sentence].span.start,
            one.sentences[o.sentence].span.start + shift
        );
    }
    for (i, f) in doc.figures.iter().enumerate() {
        if let heshu::model::FigureKind::Claim(k) = f.kind {
            assert_eq!(doc.claims[k].span, f.span, "figure {i} points at its claim");
        }
    }
    // Findings: the seed's, per copy, apart from the repeats duplicate-paragraph reports.
    let linter = Linter::filtered(|id| id != "duplicate-paragraph");
    assert_eq!(
        linter.check(&doc).len(),
        linter.check(&one).len() * copies - (copies - 1)
    );
}

/// A large text is checked in segments (its sentence-scoped rules per segment, its
/// document-scoped rules on an outline): the findings must be those of the whole document, at
/// every segment boundary. Small segments put boundaries everywhere; the real reports (when the
/// corpus the repository carries) and the seed give every rule something to find.
#[test]
fn segmented_check_equals_the_whole_document_check() {
    let mut text = format!("{}\n", include_str!("fixtures/seed.txt")).repeat(3);
    // A pasted paragraph across segments, and suppressions.
    text.push_str("<!-- heshu-ignore placeholder -->\n消除风险**户**人。\n");
    text.push_str(&format!("{}\n", include_str!("fixtures/seed.txt")));
    // Web footers of three long lines (one residue finding each), which segment boundaries cut.
    let line = |what: &str| format!("{what}{}\n", "新闻网站频道".repeat(80));
    for _ in 0..20 {
        text.push_str("全县共有行政村190个。\n");
        text.push_str(&line("本文来源："));
        text.push_str(&line("更多精彩内容"));
        text.push_str(&line("如若转载，请注明出处"));
    }
    let real = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/real");
    let entries = std::fs::read_dir(real).expect("tests/corpus/real is part of the repository");
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 56, "the 56 real reports");
    for p in paths {
        let t = std::fs::read_to_string(&p).expect("corpus files are UTF-8");
        text.push_str(&t);
        text.push('\n');
    }
    let settings = heshu::config::Settings::default();
    // conflicting-figure compares statements across the whole document, and a text checked in
    // segments only within each segment (its explanation says so): the 56 reports joined here
    // state one subject with several values, as 56 documents would, so it is left out.
    let compared = |d: &heshu::model::diagnostic::Diagnostic| d.rule != "conflicting-figure";
    let whole: Vec<_> = settings
        .linter
        .check(&heshu::parse(&text))
        .into_iter()
        .filter(compared)
        .collect();
    assert!(whole.len() > 10, "the text draws findings");
    let footers = whole
        .iter()
        .filter(|d| d.rule == "residue" && d.message.ends_with("来源说明、网页引导语、转载声明"))
        .count();
    assert_eq!(
        footers, 20,
        "each footer is one finding of its three lines (one line has two)"
    );
    for segment_len in [4 * 1024, 64 * 1024] {
        let (outline, segmented) =
            heshu::check::check_segmented(text.clone(), &settings, &|_| false, segment_len);
        let segmented: Vec<_> = segmented.into_iter().filter(compared).collect();
        assert_eq!(outline.text, text);
        assert!(outline.claims.is_empty(), "an outline keeps no claims");
        assert_eq!(
            segmented.len(),
            whole.len(),
            "segments of {segment_len} bytes"
        );
        for (s, w) in segmented.iter().zip(&whole) {
            assert_eq!(s, w, "segments of {segment_len} bytes");
        }
    }
}

/// Lines far longer than a segment (a report pasted without line breaks) are cut at sentence
/// ends: the findings are still those of the whole document, and the outline has the document's
/// one block per line.
#[test]
fn segments_cut_inside_long_lines_give_the_whole_documents_findings() {
    let seed = include_str!("fixtures/seed.txt");
    let one_line = seed.replace('\n', "");
    let mut text = String::new();
    for _ in 0..3 {
        text.push_str(&one_line);
        text.push('\n');
        text.push_str("反馈问题47个,已整改完成44个,其余4个问题序时推进。\n");
    }
    let settings = heshu::config::Settings::default();
    let doc = heshu::parse(&text);
    let whole = settings.linter.check(&doc);
    assert!(whole.iter().any(|d| d.rule == "sum-mismatch"));
    for segment_len in [2 * 1024, 4 * 1024, 16 * 1024] {
        let (outline, segmented) =
            heshu::check::check_segmented(text.clone(), &settings, &|_| false, segment_len);
        assert_eq!(outline.blocks.len(), doc.blocks.len(), "{segment_len}");
        for (o, w) in outline.blocks.iter().zip(&doc.blocks) {
            assert_eq!(o.span, w.span, "{segment_len}");
        }
        assert_eq!(segmented, whole, "segments of {segment_len} bytes");
    }
}

/// The outline of a text checked in segments keeps only the sentences a document-scoped rule
/// reads: duplicate-paragraph's shortest sentence (in characters, each at least a byte) must not
/// be shorter than what the outline keeps (in bytes).
#[test]
fn the_outline_keeps_every_sentence_duplicate_paragraph_reads() {
    let rule: toml::Table = include_str!("../rules/duplicate-paragraph.toml")
        .parse()
        .expect("the rule file parses");
    let min_chars = rule["data"]["min-sentence-chars"]
        .as_integer()
        .expect("min-sentence-chars is a number");
    let kept = i64::try_from(heshu::check::OUTLINE_SENTENCE_MIN).expect("small");
    assert!(min_chars >= kept, "{min_chars} characters < {kept} bytes");
}
