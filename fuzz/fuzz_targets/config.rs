//! The configuration parser on any text: a bad heshu.toml is an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};

fuzz_target!(|text: &str| {
    let _ = heshu::config::Settings::from_toml(text, Path::new("heshu.toml"), PathBuf::from("."));
});
