//! Parse a file many times (for profiling the grammar): `cargo run --release --example parse_only FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "tests/fixtures/seed.txt".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let start = std::time::Instant::now();
    let mut claims = 0;
    for _ in 0..n {
        claims += heshu::parse(&text).claims.len();
    }
    let t = start.elapsed();
    println!(
        "{claims} claims, {:.1} MB/s",
        (text.len() * n) as f64 / t.as_secs_f64() / 1e6
    );
}
