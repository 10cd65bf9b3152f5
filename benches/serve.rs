//! `heshu serve`: a 1 MB .docx (real reports, tests/corpus/real) uploaded to the page's check
//! endpoint and its answer read back, over loopback, with the real binary: what the page waits
//! for before it draws the findings. The browser's own drawing is timed by the end-to-end test
//! (tests/serve_browser.rs prints it).
//!
//! Run: `cargo bench --bench serve`.

#[path = "../tests/common/docx.rs"]
mod docx;
#[path = "../tests/common/http.rs"]
mod http;

/// What `http.rs` expects of its parent module.
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let body = docx::real_reports_docx(1024 * 1024);
    let server = http::Server::start(&[]);
    let mut group = c.benchmark_group("serve");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.sample_size(10);
    group.bench_function("check a 1 MB .docx over HTTP", |b| {
        b.iter(|| {
            let r = server.upload("/api/check", "报告.docx", &body);
            assert_eq!(r.status, 200);
            r.body.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
