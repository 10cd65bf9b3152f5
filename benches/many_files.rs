//! The many-files path of `heshu check`: walking a directory of 2000 reports, checking them in
//! parallel and building the JSON report, in bytes per second.
//!
//! Run: `cargo bench --bench many_files` (the files are written under target/ first).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use heshu::config::Settings;
use heshu::runner::{self, CliGlobs, RunOptions};
use std::path::PathBuf;

fn bench(c: &mut Criterion) {
    let seed = include_str!("../tests/fixtures/seed.txt");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-many-files");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench dir");
    for i in 0..2000 {
        std::fs::write(dir.join(format!("{i:04}.txt")), seed).expect("bench file");
    }
    let settings = Settings::default();
    let opts = RunOptions {
        human: None,
        baseline: None,
        progress: false,
        encoding: None,
        json: true,
        prefetched: Default::default(),
    };
    let mut group = c.benchmark_group("many-files");
    group.throughput(Throughput::Bytes((seed.len() * 2000) as u64));
    group.sample_size(10);
    group.bench_function("check 2000 files, JSON", |b| {
        b.iter(|| {
            let inputs =
                runner::collect(std::slice::from_ref(&dir), &settings, &CliGlobs::default());
            // The JSON report, streamed as `heshu check --format json` writes it.
            let mut json = heshu::report::json::StreamWriter::new(std::io::sink()).ok();
            runner::run(inputs, &settings, &opts, |r| {
                if let Some(w) = json.as_mut() {
                    let _ = w.entry(&r);
                }
            });
            json.map(|w| w.finish().is_ok())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
