//! Editor latency: from a `didChange` on a 50 KB report to its `publishDiagnostics`, heshu's own
//! work only (the ~150 ms pause the server waits for typing to stop is not counted).
//!
//! Run: `cargo bench --bench lsp`.

use criterion::{criterion_group, criterion_main, Criterion};
use heshu::lsp::Server;
use lsp_server::Notification;
use serde_json::json;

fn report_50k() -> String {
    let seed = include_str!("../tests/fixtures/seed.txt");
    let mut text = String::new();
    while text.len() < 50 * 1024 {
        text.push_str(seed);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = report_50k();
    let uri = "file:///bench/report.txt";
    let mut server = Server::new(&json!({"capabilities": {}}));
    server.notification(Notification::new(
        "textDocument/didOpen".into(),
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    ));
    server.take_outbox();
    let mut version = 1;
    c.bench_function("lsp/didChange-to-publish (50 KB)", |b| {
        b.iter(|| {
            version += 1;
            server.notification(Notification::new(
                "textDocument/didChange".into(),
                json!({
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{
                        "range": {"start": {"line": 9, "character": 2}, "end": {"line": 9, "character": 3}},
                        "text": if version % 2 == 0 { "整" } else { "强" }
                    }]
                }),
            ));
            server.check(uri);
            server.take_outbox().len()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
