//! Hostile inputs through the real binary: figures beyond what an exact decimal holds, lines of
//! 8 and 100 MB, a million short lines, deep nesting, ten-thousand-digit numbers. Each must give a normal
//! report or one clear line naming the file — never a panic, never a lost result for the other
//! file on the command line — in memory under 3 × the file + 30 MB. (Time is measured in
//! `benches/hostile.rs`, not asserted here.)
//!
//! One test runs them in order, so the peak memory of each child can be read from the kernel's
//! account of this process's children (it only grows: the checks run from the smallest bound up).

mod common;

use common::{scratch, stderr, stdout};
use std::path::Path;

/// A file beside the hostile one, with one real fault: its finding must survive.
const WITNESS: &str = "反馈问题47个,已整改完成44个,其余4个问题序时推进。\n";

/// The largest resident set of any child waited for so far, in bytes.
fn children_peak() -> u64 {
    // SAFETY: getrusage only writes into the struct we hand it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(ok, 0, "getrusage");
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

/// Check `hostile` and the witness together; both reported, nothing panicked, memory bounded.
/// The bytes are written and dropped before the child starts: a child's peak as the kernel counts
/// it includes this process's memory at the moment it was forked.
fn check_beside_witness(dir: &Path, name: &str, hostile: Vec<u8>) {
    let path = dir.join(name);
    std::fs::write(&path, &hostile).expect("write the hostile file");
    let size = hostile.len() as u64;
    drop(hostile);
    let witness = dir.join("witness.txt");
    std::fs::write(&witness, WITNESS).expect("write the witness");
    let out = common::command()
        .args(["check", "--isolated", "--format", "concise"])
        .arg(&path)
        .arg(&witness)
        .output()
        .expect("heshu runs");
    let (so, se) = (stdout(&out), stderr(&out));
    assert!(
        matches!(out.status.code(), Some(1 | 2)),
        "{name}: exit {:?}\n{se}",
        out.status.code()
    );
    assert!(!se.contains("panicked"), "{name}: {se}");
    assert!(
        so.contains("witness.txt:1:5: error[sum-mismatch]"),
        "{name}: the other file's finding is lost\n{so}\n{se}"
    );
    let bound = 3 * size + 30 * 1024 * 1024;
    let peak = children_peak();
    eprintln!("{name}: {size} bytes, peak {peak} bytes (bound {bound})");
    assert!(
        peak <= bound,
        "{name}: peak memory {peak} bytes over 3 × {size} + 30 MB"
    );
}

fn seed_as_one_line(bytes: usize) -> Vec<u8> {
    let seed = include_str!("fixtures/seed.txt").replace('\n', "");
    seed.repeat(bytes / seed.len() + 1).into_bytes()
}

#[test]
fn hostile_inputs_give_a_report_and_lose_nothing() {
    let dir = scratch("hostile", "all");
    // Each case is made only when its turn comes (see `check_beside_witness`).
    type Make = Box<dyn Fn() -> Vec<u8>>;
    let cases: Vec<(&str, Make)> = vec![
        // Figures beyond an exact decimal: once a panic in rust_decimal.
        (
            "yi.txt",
            Box::new(|| "零亿亿亿亿亿人口。\n".repeat(10).into_bytes()),
        ),
        (
            "forty_digits.txt",
            Box::new(|| format!("面积{}、3平方公里。\n", "9".repeat(40)).into_bytes()),
        ),
        (
            "chinese_digits.txt",
            Box::new(|| {
                format!(
                    "全县{}亿万千百十人。\n百分之{}点{}。\n",
                    "一二三四五六七八九".repeat(500),
                    "九".repeat(2000),
                    "九".repeat(2000)
                )
                .into_bytes()
            }),
        ),
        (
            "ten_thousand_digits.txt",
            Box::new(|| {
                format!(
                    "全县共有{}个村，其中{}.{}万人，比重{}%。\n",
                    "9".repeat(10_000),
                    "8".repeat(10_000),
                    "5".repeat(10_000),
                    "7".repeat(10_000)
                )
                .into_bytes()
            }),
        ),
        (
            "nested.txt",
            Box::new(|| {
                format!(
                    "{}共5个，其中3个，其余2个{}\n{}共5个，其中3个\n",
                    "（“《".repeat(100_000),
                    "》”）".repeat(100_000),
                    "（“「".repeat(100_000)
                )
                .into_bytes()
            }),
        ),
        (
            "digits_line.txt",
            Box::new(|| "1234567890".repeat(500_000).into_bytes()),
        ),
        // Short lines: past the size where texts are checked in segments.
        (
            "short_lines.txt",
            Box::new(|| "共5个，其中3个\n".repeat(250_000).into_bytes()),
        ),
        // One line of 8 MB: cut into segments at sentence ends.
        ("one_line.txt", Box::new(|| seed_as_one_line(8 << 20))),
        // The full-size shapes of issue 12: a million short lines, one line of 100 MB.
        (
            "million_lines.txt",
            Box::new(|| "共5个，其中3个\n".repeat(1_000_000).into_bytes()),
        ),
        ("line_100MB.txt", Box::new(|| seed_as_one_line(100 << 20))),
    ];
    for (name, make) in &cases {
        check_beside_witness(&dir, name, make());
    }
}

/// A file that cannot be read is never summarised as "no problems".
#[test]
fn an_unreadable_file_is_never_no_problems() {
    let out = common::heshu(&["check", "tests/no-such-report.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    let (so, se) = (stdout(&out), stderr(&out));
    assert!(!so.contains("未发现问题"), "{so}");
    assert!(so.contains("1 个文件无法读取"), "{so}");
    assert!(se.contains("tests/no-such-report.txt"), "{se}");
    let dir = scratch("hostile", "unreadable");
    let good = dir.join("good.txt");
    std::fs::write(&good, "全县共有行政村190个。\n").expect("write");
    let out = common::command()
        .arg("check")
        .arg(&good)
        .arg(dir.join("missing.txt"))
        .output()
        .expect("heshu runs");
    assert_eq!(out.status.code(), Some(2));
    let so = stdout(&out);
    assert!(!so.contains("未发现问题"), "{so}");
    assert!(so.contains("1 个文件无法读取"), "{so}");
}
