//! Time each stage of a check on one thread (for profiling): decode, parse, every rule alone, locating
//! and JSON output. `cargo run --release --example stages [FILE] [N] [parse]` checks FILE N times
//! (default: the seed fixture, 2000 times) and prints milliseconds per stage; with `parse`, it only
//! parses, document after document, and prints MB/s (the grammar alone, for profilers).
use std::path::Path;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "tests/fixtures/seed.txt".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let parse_only = args.next().as_deref() == Some("parse");
    let bytes = std::fs::read(&path).unwrap_or_default();
    let p = Path::new(&path);
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;

    if parse_only {
        let text = String::from_utf8_lossy(&bytes);
        let start = Instant::now();
        let claims: usize = (0..n).map(|_| heshu::parse(&text).claims.len()).sum();
        let mb_s = (text.len() * n) as f64 / start.elapsed().as_secs_f64() / 1e6;
        println!("{claims} claims, {mb_s:.1} MB/s");
        return;
    }

    let t = Instant::now();
    let mut texts = Vec::with_capacity(n);
    for _ in 0..n {
        let (text, _) = heshu::source::decode(p, bytes.clone(), None).unwrap_or_default();
        texts.push(text);
    }
    println!("decode            {:8.1} ms", ms(t));

    let t = Instant::now();
    let docs: Vec<_> = texts.iter().map(|t| heshu::parse(t)).collect();
    println!("parse             {:8.1} ms", ms(t));

    let mut all = Vec::new();
    for entry in heshu::rules::registry() {
        let id = entry.meta.id.as_str();
        let linter = heshu::rules::Linter::filtered(|r| r == id);
        let t = Instant::now();
        let mut found = 0;
        for d in &docs {
            let ds = linter.check(d);
            found += ds.len();
            if id == "placeholder" {
                all.push(ds);
            }
        }
        println!("{id:18}{:8.1} ms  ({found} findings)", ms(t));
    }

    let t = Instant::now();
    let linter = heshu::rules::Linter::default();
    let full: Vec<_> = docs.iter().map(|d| linter.check(d)).collect();
    println!("all rules         {:8.1} ms", ms(t));

    let t = Instant::now();
    let mut files: Vec<_> = docs
        .iter()
        .zip(&full)
        .map(|(doc, ds)| heshu::report::FileReport {
            path: path.clone(),
            encoding: Some("utf-8"),
            outcome: Ok(ds
                .iter()
                .map(|d| heshu::report::Located::new(&path, doc, d))
                .collect()),
            human: String::new(),
            json: Vec::new(),
        })
        .collect();
    println!("locate            {:8.1} ms", ms(t));

    // The JSON report as `heshu check --format json` writes it: entries rendered, then streamed.
    let t = Instant::now();
    let mut writer = heshu::report::json::StreamWriter::new(Vec::new()).ok();
    for f in &mut files {
        let located = f.outcome.as_deref().unwrap_or(&[]);
        let runs = vec![heshu::report::json::render_diagnostics(located)];
        f.json = heshu::report::json::render_entry(f, runs);
        if let Some(w) = writer.as_mut() {
            let _ = w.entry(f);
        }
    }
    let bytes = writer
        .and_then(|w| w.finish().ok())
        .map_or(0, |out| out.len());
    println!("json              {:8.1} ms  ({bytes} bytes)", ms(t));

    let t = Instant::now();
    drop(docs);
    println!("drop documents    {:8.1} ms", ms(t));
}
