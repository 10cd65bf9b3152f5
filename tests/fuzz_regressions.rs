//! Every input a fuzz target once crashed on (`tests/fuzz-regressions/`, named
//! `TARGET-what.EXT`), run again through what that target runs: text through the whole check,
//! `.docx` through the reader, `.toml` through the configuration parser. None may panic.

use std::path::{Path, PathBuf};

#[test]
fn inputs_that_once_crashed_a_fuzz_target() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fuzz-regressions"
    ));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "the regressions are there");
    let settings = heshu::config::Settings::default();
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable");
        let name = path.display().to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("docx") => {
                let _ = heshu::source::docx::extract(&bytes);
            }
            Some("toml") => {
                let text = String::from_utf8_lossy(&bytes);
                let _ =
                    heshu::config::Settings::from_toml(&text, Path::new("heshu.toml"), ".".into());
            }
            _ => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let doc = heshu::parse(&text);
                let found = settings.linter.check(&doc);
                for d in &found {
                    assert!(
                        text.get(d.span.start..d.span.end).is_some(),
                        "{name}: {d:?}"
                    );
                }
                let masked = heshu::source::markdown::mask(&text);
                assert_eq!(masked.len(), text.len(), "{name}");
            }
        }
    }
}
