//! Running the real `heshu` binary from tests.

#![allow(dead_code)]

pub mod chinese;
pub mod docx;
pub mod http;
pub mod webdriver;

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// What the seed draws as it is: its five placeholders (`莅临*检查`, `向*组长`, `*地处`, and the two
/// `**` of `消除风险**户**人`), the last section cut off at `1.加快基`, and the web footer.
pub const SEED_FINDINGS: [&str; 7] = [
    "placeholder",
    "placeholder",
    "placeholder",
    "placeholder",
    "placeholder",
    "truncated",
    "residue",
];

/// The rules that do arithmetic on figures (those `shared/tools/score-bulletins` scores): the
/// ones a trap must not draw, whose recall the planted faults measure.
pub const ARITHMETIC: &[&str] = &[
    "sum-mismatch",
    "part-exceeds-whole",
    "share-mismatch",
    "per-capita-mismatch",
    "growth-mismatch",
    "date-mismatch",
    "respectively-arity",
    "out-of-range",
    "enumeration-count",
    "unit-mismatch",
    "conflicting-figure",
];

/// The repository root (tests run the binary from here so paths in output are stable).
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The heshu binary, in a clean language environment: no `HESHU_LANG` and no locale, so that it
/// speaks its default (Chinese) whatever the machine running the tests is set to. Tests of the
/// language setting set what they test on top.
pub fn command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_heshu"));
    for var in ["HESHU_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd
}

/// Run `heshu` with `args`, feeding `stdin`, from the repository root.
pub fn heshu(args: &[&str], stdin: Option<&str>) -> Output {
    heshu_with(args, stdin, &[])
}

/// As [`heshu`], with environment variables set.
pub fn heshu_with(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Output {
    let mut cmd = command();
    cmd.envs(env.iter().copied());
    cmd.args(args)
        .current_dir(ROOT)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the heshu binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input.as_bytes())
            .expect("stdin accepts the input");
    }
    child.wait_with_output().expect("heshu finishes")
}

/// A fresh, empty directory for one test, under cargo's target tmp dir.
pub fn scratch(group: &str, name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(group)
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
