//! The page of `heshu serve` in a real browser: Debian's headless Chromium driven through
//! ChromeDriver. Upload the seed as a .docx, see its findings highlighted on exactly their
//! figures, click one and see it scrolled into view, download the annotated copy and read its
//! comments back, and save a screenshot; then a broken file, its message, and a good file again.
//!
//! Where Chromium and ChromeDriver are not installed (`apt-get install chromium
//! chromium-driver`), the tests say they skipped; on CI (`CI` or `HESHU_REQUIRE_BROWSER` set,
//! as `.ci/run` does) they fail instead.

mod common;

use common::docx::{document_xml, docx, seed_docx, Block};
use common::http::Server;
use common::webdriver::{self, Browser};
use common::SEED_FINDINGS;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `heshu serve` and a headless Chromium showing its page, with a scratch folder for the files a
/// test uploads and one the browser downloads into.
struct Page {
    dir: PathBuf,
    downloads: PathBuf,
    server: Server,
    browser: Browser,
}

/// The page open in the browser, or `None` (the test skips) where the browser cannot run. A test
/// that does not use the server still binds it (`server: _server`): it serves until dropped.
fn open_page(test: &str) -> Option<Page> {
    if !webdriver::available() {
        assert!(
            std::env::var_os("CI").is_none() && std::env::var_os("HESHU_REQUIRE_BROWSER").is_none(),
            "CI must run the browser test: install chromium and chromium-driver"
        );
        eprintln!(
            "{test}: skipped, no {} or {}",
            webdriver::CHROMIUM,
            webdriver::CHROMEDRIVER
        );
        return None;
    }
    let dir = common::scratch("serve-browser", test);
    let (profile, downloads) = (dir.join("profile"), dir.join("downloads"));
    std::fs::create_dir_all(&profile).unwrap();
    std::fs::create_dir_all(&downloads).unwrap();
    let server = Server::start(&[]);
    let browser = Browser::start(&profile, &downloads);
    browser.goto(&server.url());
    Some(Page {
        dir,
        downloads,
        server,
        browser,
    })
}

/// Choose `path` in the page's file input and wait until the check is shown or refused.
fn upload(browser: &Browser, path: &Path) {
    browser.script("document.body.dataset.shownMs = ''; return true;");
    let input = browser.find("#file");
    browser.send_keys(&input, path.to_str().unwrap());
    browser.wait_for(
        "the check to be shown or refused",
        "return document.body.dataset.shownMs !== '' || !document.getElementById('error').hidden;",
    );
}

/// The figures of each finding as the server reports them: label texts in document order.
fn expected_figures(found: &Value) -> Vec<String> {
    let lines: Vec<Vec<char>> = found["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().chars().collect())
        .collect();
    found["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut spans: Vec<&Value> = d["labels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| &l["span"])
                .collect();
            spans.sort_by_key(|s| s["start"].as_u64());
            spans
                .iter()
                .map(|s| {
                    let n = |k: &str| s[k].as_u64().unwrap() as usize;
                    assert_eq!(n("line"), n("end_line"), "one-line figures in the seed");
                    lines[n("line") - 1][n("column") - 1..n("end_column") - 1]
                        .iter()
                        .collect::<String>()
                })
                .collect::<String>()
        })
        .collect()
}

#[test]
fn the_seed_docx_is_checked_highlighted_clicked_and_annotated_in_a_real_browser() {
    let Some(Page {
        dir,
        downloads,
        server,
        browser,
    }) = open_page("seed")
    else {
        return;
    };
    let seed = dir.join("县工作汇报.docx");
    std::fs::write(&seed, seed_docx()).unwrap();
    upload(&browser, &seed);

    // The findings, the summary.
    let count = browser.script("return document.querySelectorAll('#findings li.finding').length;");
    assert_eq!(count, SEED_FINDINGS.len());
    let summary = browser.script("return document.getElementById('summary').textContent;");
    assert!(summary.as_str().unwrap().contains("错误 7"), "{summary}");

    // Every finding's highlights cover exactly its figures.
    let found = server
        .upload("/api/check", "县工作汇报.docx", &seed_docx())
        .json();
    let expected = expected_figures(&found);
    let shown = browser.script(
        "const n = document.querySelectorAll('#findings li.finding').length; \
         return [...Array(n).keys()].map(i => [...document.querySelectorAll('#doc mark')] \
           .filter(m => m.dataset.f.split(' ').includes(String(i))).map(m => m.textContent).join(''));",
    );
    let shown: Vec<String> = serde_json::from_value(shown).unwrap();
    assert_eq!(shown, expected);
    for figure in ["*", "**"] {
        assert!(shown.iter().any(|s| s == figure), "{figure} in {shown:?}");
    }
    assert!(shown.iter().any(|s| s.contains("1.加快基")), "{shown:?}");
    // Highlights are coloured by severity, and say their message on hover.
    let marks = browser.script(
        "return [...document.querySelectorAll('#doc mark')].map(m => [m.className, m.title]);",
    );
    for mark in marks.as_array().unwrap() {
        assert!(mark[0].as_str().unwrap().contains("sev-error"), "{mark}");
        assert!(!mark[1].as_str().unwrap().is_empty());
    }

    // Clicking a finding scrolls the document to its figures: one in the middle (then the
    // screenshot), and the last one, the web residue at the very end.
    let in_view = "const doc = document.getElementById('doc').getBoundingClientRect(); \
         const marks = [...document.querySelectorAll('#doc mark.current')]; \
         return marks.length > 0 && marks.every(m => { const r = m.getBoundingClientRect(); \
           return r.top >= doc.top && r.bottom <= doc.bottom; });";
    for (nth, at_end) in [(4, false), (SEED_FINDINGS.len(), true)] {
        browser.script("document.getElementById('doc').scrollTop = 0; return true;");
        let item = browser.find(&format!("#findings li.finding:nth-child({nth})"));
        browser.click(&item);
        browser.wait_for("the highlight to scroll into view", in_view);
        // Still in view once the paragraphs around it are laid out.
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(browser.script(in_view), true, "finding {nth}");
        let scrolled = browser.script("return document.getElementById('doc').scrollTop;");
        assert!(scrolled.as_f64().unwrap() > 0.0, "{scrolled}");
        let current = browser.script(
            "return [...document.querySelectorAll('#doc mark.current')].map(m => m.textContent).join('');",
        );
        assert_eq!(current.as_str().unwrap(), expected[nth - 1]);
        if !at_end {
            std::fs::write(dir.join("serve.png"), browser.screenshot()).unwrap();
            eprintln!("screenshot: {}", dir.join("serve.png").display());
        }
    }

    // The annotated copy, downloaded as a user would, carries a comment on each finding.
    let button = browser.find("#download");
    browser.click(&button);
    let copy = downloads.join("县工作汇报.heshu.docx");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !copy.exists() {
        assert!(
            Instant::now() < deadline,
            "no download in {}",
            downloads.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let bytes = std::fs::read(&copy).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut comments = String::new();
    archive
        .by_name("word/comments.xml")
        .unwrap()
        .read_to_string(&mut comments)
        .unwrap();
    assert_eq!(
        comments.matches("w:author=\"heshu\"").count(),
        SEED_FINDINGS.len()
    );
    assert!(comments.contains("[placeholder]"));

    // Switching a rule off under 规则 checks the file again without it.
    let rules = browser.find("#rules-box summary");
    browser.click(&rules);
    browser.script("document.body.dataset.shownMs = ''; return true;");
    let placeholder = browser.find("#rules input[value='placeholder']");
    browser.click(&placeholder);
    browser.wait_for(
        "the check without placeholder",
        "return document.body.dataset.shownMs !== '';",
    );
    let left = browser.script(
        "return [...document.querySelectorAll('#findings li.finding code')].map(c => c.textContent);",
    );
    assert_eq!(left, serde_json::json!(["truncated", "residue"]));
}

#[test]
fn a_broken_file_shows_its_error_and_a_good_one_then_its_findings() {
    let Some(Page {
        dir,
        browser,
        server: _server,
        ..
    }) = open_page("broken")
    else {
        return;
    };
    let good = docx(&document_xml(&[Block::Paragraph(vec![
        "反馈问题47个，已整改完成44个，其余4个。",
    ])]));
    let broken = dir.join("损坏.docx");
    std::fs::write(&broken, &good[..good.len() / 2]).unwrap();
    let fine = dir.join("整改.docx");
    std::fs::write(&fine, &good).unwrap();

    upload(&browser, &broken);
    let error = browser.script("return document.getElementById('error').textContent;");
    assert!(
        error.as_str().unwrap().contains("不是可以读取的 Word 文档"),
        "{error}"
    );
    assert_eq!(
        browser.script("return document.getElementById('result').hidden;"),
        true
    );

    upload(&browser, &fine);
    assert_eq!(
        browser.script("return document.getElementById('error').hidden;"),
        true
    );
    let rules = browser.script(
        "return [...document.querySelectorAll('#findings li.finding code')].map(c => c.textContent);",
    );
    assert_eq!(rules, serde_json::json!(["sum-mismatch"]));
    let marks = browser
        .script("return [...document.querySelectorAll('#doc mark')].map(m => m.textContent);");
    assert_eq!(marks, serde_json::json!(["47个", "44个", "4个"]));
}

#[test]
fn a_one_megabyte_docx_is_checked_and_shown() {
    let Some(Page {
        dir,
        browser,
        server: _server,
        ..
    }) = open_page("large")
    else {
        return;
    };
    let body = common::docx::real_reports_docx(1024 * 1024);
    let path = dir.join("报告.docx");
    std::fs::write(&path, &body).unwrap();
    upload(&browser, &path);
    assert_eq!(
        browser.script("return document.getElementById('error').hidden;"),
        true
    );
    let paragraphs = browser.script("return document.querySelectorAll('#doc p').length;");
    assert!(paragraphs.as_u64().unwrap() > 1000, "{paragraphs}");
    // Timed by the page itself, from the upload to the findings drawn (printed, not asserted:
    // speed is set in benchmarks, `cargo bench --bench serve`).
    let shown = browser.script("return document.body.dataset.shownMs;");
    eprintln!(
        "a {} byte .docx ({} paragraphs) checked and shown in {} ms",
        body.len(),
        paragraphs,
        shown.as_str().unwrap_or("?")
    );
}

#[test]
fn the_page_speaks_english_when_heshu_does() {
    if !webdriver::available() {
        return; // open_page says why, and fails on CI, for the tests above
    }
    let dir = common::scratch("serve-browser", "english");
    let (profile, downloads) = (dir.join("profile"), dir.join("downloads"));
    std::fs::create_dir_all(&profile).unwrap();
    std::fs::create_dir_all(&downloads).unwrap();
    let _server = Server::start(&["--lang", "en"]);
    let browser = Browser::start(&profile, &downloads);
    browser.goto(&_server.url());
    let good = docx(&document_xml(&[Block::Paragraph(vec![
        "反馈问题47个，已整改完成44个，其余4个。",
    ])]));
    let fine = dir.join("report.docx");
    std::fs::write(&fine, &good).unwrap();
    upload(&browser, &fine);
    let summary = browser.script("return document.getElementById('summary').textContent;");
    assert_eq!(summary, "1 problem:1 error0 warnings0 info");
    let status = browser.script("return document.getElementById('status').textContent;");
    assert!(
        status
            .as_str()
            .unwrap()
            .starts_with("Checked “report.docx”: 1 paragraph in "),
        "{status}"
    );
    let message =
        browser.script("return document.querySelector('#findings .message').textContent;");
    assert_eq!(message, "the parts do not add up to the total 47个");
    // Nothing the page itself says is Chinese: only the document and its figures, and 核数.
    let own = browser.script(
        "const clone = document.body.cloneNode(true);
         for (const e of clone.querySelectorAll('#doc, #findings q, h1, #rules')) e.remove();
         return clone.textContent;",
    );
    let own = own.as_str().unwrap();
    let han: String = own
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect();
    // The message and labels quote the figures (个); the tagline names the 分别 lists it checks.
    assert!(han.chars().all(|c| "个分别".contains(c)), "{han}: {own}");
}
