//! The real `heshu` binary: exit statuses, formats, bad inputs, standard input.

mod common;

use common::{heshu, stderr, stdout};
use std::path::PathBuf;

/// A fresh directory for one test, under cargo's target tmp dir.
fn scratch(name: &str) -> PathBuf {
    common::scratch("cli", name)
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn clean_text_exits_zero() {
    let out = heshu(
        &["check", "-"],
        Some("反馈问题47个，已整改完成44个，其余3个。\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("未发现问题"));
}

#[test]
fn findings_exit_one() {
    let out = heshu(&["check", "tests/fixtures/seed.txt"], None);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn fail_on_sets_the_threshold() {
    // enumeration-count is a warning by default.
    let warning_only = "建设生产、加工、销售等四大体系。\n";
    let out = heshu(&["check", "-", "--fail-on", "error"], Some(warning_only));
    assert_eq!(out.status.code(), Some(0));
    let out = heshu(&["check", "-"], Some(warning_only));
    assert_eq!(out.status.code(), Some(1));
    let out = heshu(
        &["check", "-", "--fail-on", "never"],
        Some("消除风险**户。\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let out = heshu(&["check", "-", "--fail-on", "info"], Some(warning_only));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unreadable_file_exits_two_and_the_others_are_still_checked() {
    let dir = scratch("unreadable");
    let good = dir.join("a.txt");
    std::fs::write(&good, "反馈问题47个，已整改完成44个，其余4个。\n").unwrap();
    let missing = dir.join("missing.txt");
    let gbk = dir.join("gbk.txt");
    std::fs::write(&gbk, [0x81u8, 0x0A, 0x81, 0x0A, 0xFF]).unwrap(); // no text in any encoding
    let binary = dir.join("bin.txt");
    std::fs::write(&binary, [b'a', 0, b'b']).unwrap();
    let args = [
        "check",
        "--lang",
        "en",
        missing.to_str().unwrap(),
        good.to_str().unwrap(),
        gbk.to_str().unwrap(),
        binary.to_str().unwrap(),
        "--format",
        "json",
    ];
    let out = heshu(&args, None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 3, "one line per bad file:\n{err}");
    assert!(
        err.contains("missing.txt") && err.contains("cannot read"),
        "{err}"
    );
    assert!(
        err.contains("gbk.txt") && err.contains("not UTF-8"),
        "{err}"
    );
    assert!(err.contains("bin.txt") && err.contains("binary"), "{err}");
    let report = json(&out);
    assert_eq!(report["summary"]["files"], 4);
    assert_eq!(
        report["summary"]["errors"], 1,
        "the good file is still checked"
    );
    // Files come sorted by path: a.txt, bin.txt, gbk.txt, missing.txt.
    assert!(report["files"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("a.txt"));
    assert_eq!(report["files"][0]["diagnostics"][0]["rule"], "sum-mismatch");
    assert!(report["files"][3]["error"]
        .as_str()
        .unwrap()
        .contains("missing.txt"));
}

#[test]
fn unsupported_formats_name_the_way_out() {
    let dir = scratch("unsupported");
    let doc = dir.join("report.doc");
    std::fs::write(&doc, b"x").unwrap();
    let out = heshu(&["check", "--lang", "en", doc.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("save as .docx"));
}

#[test]
fn bad_command_line_exits_two() {
    assert_eq!(
        heshu(&["check", "--format", "xml"], None).status.code(),
        Some(2)
    );
    assert_eq!(heshu(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(
        heshu(&["explain", "no-such-rule"], None).status.code(),
        Some(2)
    );
}

#[test]
fn json_report_is_the_documented_contract() {
    let out = heshu(
        &["check", "-", "--format", "json"],
        Some("全市12个县中，9个县达标、占80%。\n"),
    );
    let report = json(&out);
    assert_eq!(report["version"], 1);
    assert_eq!(report["files"][0]["path"], "-");
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "share-mismatch");
    assert_eq!(d["severity"], "error");
    assert!(d["message"].as_str().unwrap().contains("80%"));
    assert!(d["help"].as_str().unwrap().contains("= 75%"));
    // `80%` starts at character 16 of line 1; byte offsets count UTF-8 bytes.
    assert_eq!(d["span"]["line"], 1);
    assert_eq!(d["span"]["column"], 16);
    let text = "全市12个县中，9个县达标、占80%。";
    let start = d["span"]["start"].as_u64().unwrap() as usize;
    let end = d["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "80%");
    assert_eq!(d["labels"].as_array().unwrap().len(), 3);
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0, "infos": 0})
    );
}

#[test]
fn claims_json_is_the_documented_contract() {
    let out = heshu(
        &["claims", "-", "--format", "json"],
        Some("全县共走访排查农户5.64万户，2024年新增5000多人。\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!(report["version"], 1);
    let claims = report["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2, "2024年 is a year, not a claim");
    let c = &claims[0];
    assert_eq!(c["text"], "5.64万户");
    assert_eq!(c["value"], "56400");
    assert_eq!(c["unit"], "户");
    assert_eq!(c["lower"], "56350");
    assert_eq!(c["upper"], "56450");
    assert_eq!(c["subject"], "全县共走访排查农户");
    assert_eq!(c["markers"], serde_json::json!(["total"]));
    let many = &claims[1];
    assert_eq!(many["qualifier"], "more");
    assert_eq!(
        (many["lower"].as_str(), many["upper"].as_str()),
        (Some("5000"), Some("6000"))
    );
    assert_eq!(many["lower_inclusive"], false);
    let start = c["span"]["start"].as_u64().unwrap() as usize;
    assert_eq!(start, "全县共走访排查农户".len());
}

#[test]
fn directories_are_walked_in_order() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    std::fs::write(dir.join("b.txt"), "占比120%。\n").unwrap();
    std::fs::write(dir.join("sub/a.md"), "共有XX个村。\n").unwrap();
    std::fs::write(dir.join(".hidden/c.txt"), "共有XX个村。\n").unwrap();
    std::fs::write(dir.join("notes.rs"), "XX").unwrap();
    let out = heshu(&["check", dir.to_str().unwrap(), "--format", "json"], None);
    let report = json(&out);
    let paths: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(paths, ["b.txt", "a.md"]);
}

#[test]
fn rules_and_explain() {
    let out = heshu(&["rules"], None);
    assert_eq!(out.status.code(), Some(0));
    let listing = stdout(&out);
    assert_eq!(listing.lines().count(), heshu::rules::registry().len());
    assert!(listing.contains("sum-mismatch"));
    let out = heshu(&["explain", "sum-mismatch"], None);
    let text = stdout(&out);
    assert!(
        text.contains("检查什么") && text.contains("其余4个"),
        "{text}"
    );
}

#[test]
fn closed_pipe_is_not_an_error() {
    use std::io::{Read, Write};
    use std::process::Stdio;
    let dir = scratch("pipe");
    let file = dir.join("many.txt");
    std::fs::write(&file, "消除风险**户**人。\n".repeat(5000)).unwrap();
    let mut child = common::command()
        .args(["check", file.to_str().unwrap(), "--fail-on", "never"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    let mut pipe = child.stdout.take().unwrap();
    pipe.read_exact(&mut first).unwrap();
    drop(pipe); // like `heshu check … | head -c 64`
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let _ = std::io::stderr().flush();
}

#[test]
fn human_output_of_many_findings_keeps_document_order() {
    // More findings than one thread draws (1024): they are drawn on every core and must come out
    // in the order of the concise lines, one drawing per finding.
    let text: String = (1..=1500)
        .map(|i| format!("第{i}项工作完成XX个。\n"))
        .collect();
    let concise = heshu(
        &["check", "-", "--isolated", "--format", "concise"],
        Some(&text),
    );
    let human = heshu(
        &["check", "-", "--isolated", "--color", "never"],
        Some(&text),
    );
    let lines: Vec<String> = stdout(&concise)
        .lines()
        .filter_map(|l| l.split(": ").next().map(str::to_owned))
        .filter(|at| at.contains(':'))
        .collect();
    let drawn: Vec<String> = stdout(&human)
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("╭─[")
                .map(|at| at.trim_end_matches(']').to_owned())
        })
        .collect();
    assert!(lines.len() >= 1500, "{} findings", lines.len());
    let first_difference = drawn.iter().zip(&lines).position(|(d, l)| d != l);
    assert_eq!(first_difference, None);
    assert_eq!(drawn.len(), lines.len());
}
