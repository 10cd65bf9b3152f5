//! Time on hostile shapes of input, where a quadratic step would show (issue 12): one line of
//! 100 MB with no break, a million short lines, 100 000 nested brackets and quotes, and figures of
//! ten thousand digits. Each is checked end to end by the library (parse, every rule, locate every
//! finding), in bytes per second: linear time keeps these near the ordinary throughput.
//!
//! Run: `cargo bench --bench hostile`. The 100 MB line takes about a second a run.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use heshu::config::Settings;
use std::path::Path;

fn seed_as_one_line(bytes: usize) -> String {
    let seed = include_str!("../tests/fixtures/seed.txt").replace('\n', "");
    seed.repeat(bytes / seed.len() + 1)
}

fn cases() -> Vec<(&'static str, String)> {
    vec![
        ("one_line_100MB", seed_as_one_line(100 << 20)),
        ("short_lines_1M", "共5个，其中3个\n".repeat(1_000_000)),
        (
            "nested_100k",
            format!(
                "{}共5个，其中3个，其余2个{}\n{}共5个，其中3个\n",
                "（“《".repeat(100_000),
                "》”）".repeat(100_000),
                "（“「".repeat(100_000)
            ),
        ),
        (
            "digits_10k",
            format!(
                "全县共有{}个村，其中{}.{}万人。\n",
                "9".repeat(10_000),
                "8".repeat(10_000),
                "5".repeat(10_000)
            )
            .repeat(100),
        ),
        // One line of 200 000 sentences joined by `；`, below the size checked in segments: a
        // relation that reads the rest of a `；`-period from each of its sentences is quadratic
        // here (the nineteenth session's 其中 rows did, 14.6 s for 160 000 until bounded).
        ("semicolons_200k", "甲村1户2人；".repeat(200_000)),
    ]
}

fn hostile(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, text) in cases() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter_batched(
                || text.clone(),
                |t| {
                    let (doc, found) = heshu::check::check_text(t, Path::new("x.txt"), &settings);
                    for d in &found {
                        std::hint::black_box(heshu::report::Located::new("x.txt", &doc, d));
                    }
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
