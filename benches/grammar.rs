//! Throughput of the grammar (parse only) and of the full check, over the corpus the repository
//! carries (`tests/corpus/real/`, `tests/corpus/bulletins/` and the seed), reported in bytes per
//! second.
//!
//! Run: `cargo bench --bench grammar`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in [
        "tests/corpus/real",
        "tests/corpus/bulletins",
        "tests/fixtures",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|x| x == "txt") {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    texts.push(t);
                }
            }
        }
    }
    if texts.is_empty() {
        texts.push(include_str!("../tests/fixtures/seed.txt").to_owned());
    }
    texts
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let linter = heshu::rules::Linter::default();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("grammar", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| heshu::parse(t).claims.len())
                .sum::<usize>()
        })
    });
    group.bench_function("check", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| linter.check(&heshu::parse(t)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
